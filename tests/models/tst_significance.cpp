#include "analysis/significance.h"

#include <QTest>
#include <algorithm>
#include <cmath>

using namespace spanscope;

namespace {

// Ranks of |d| for the non-zero d, mid-ranks for ties, by counting (O(n^2), independent of the
// sort-based code under test).
std::vector<double> bruteRanks(const std::vector<double> &magnitudes) {
    std::vector<double> ranks;
    for (double m : magnitudes) {
        double less = 0, equal = 0;
        for (double o : magnitudes) {
            less += o < m;
            equal += o == m;
        }
        ranks.push_back(less + (equal + 1) / 2);
    }
    return ranks;
}

// Two-sided exact p-value by enumerating every sign assignment of the ranks.
double enumeratedP(const std::vector<double> &d) {
    std::vector<double> mags;
    double wPlus = 0;
    for (double x : d)
        if (x != 0) mags.push_back(std::abs(x));
    const std::vector<double> ranks = bruteRanks(mags);
    std::size_t k = 0;
    for (double x : d)
        if (x != 0) {
            if (x > 0) wPlus += ranks[k];
            ++k;
        }
    const std::size_t n = ranks.size();
    double below = 0, above = 0;
    const std::uint64_t count = 1ull << n;
    for (std::uint64_t mask = 0; mask < count; ++mask) {
        double w = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (mask & (1ull << i)) w += ranks[i];
        below += w <= wPlus + 1e-9;
        above += w >= wPlus - 1e-9;
    }
    return std::min(1.0, 2 * std::min(below, above) / static_cast<double>(count));
}

double tail(double z) {
    return 0.5 * std::erfc(z / std::sqrt(2.0));
}

double linearQuantile(const std::vector<double> &sorted, double q) {
    const double pos = q * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (pos - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

} // namespace

class TstSignificance : public QObject {
    Q_OBJECT
private slots:
    void wilcoxonExactAgreesWithEnumeration_data() {
        QTest::addColumn<std::vector<double>>("d");
        QTest::newRow("all positive, n=5") << std::vector<double>{1, 2, 3, 4, 5};
        QTest::newRow("mixed") << std::vector<double>{0.5, -1.5, 2, 3.25, -0.25, 4, 1.1};
        QTest::newRow("ties and zeros") << std::vector<double>{1, -1, 1, 2, 0, 0, 2, -3, 1, 0.5};
        QTest::newRow("score steps")
            << std::vector<double>{0.25, 0.25, -0.25, 0.5, 0.25, 0, 0.75, 0.25, -0.5, 0.25};
        QTest::newRow("one pair") << std::vector<double>{-2};
    }
    void wilcoxonExactAgreesWithEnumeration() {
        QFETCH(std::vector<double>, d);
        const auto r = significance::wilcoxonSignedRank(d);
        QVERIFY(r.exact);
        QCOMPARE(r.n + r.zeros, static_cast<int>(d.size()));
        const double expected = enumeratedP(d);
        QVERIFY2(std::abs(r.pValue - expected) < 1e-12,
                 qPrintable(QString("p %1, enumeration %2").arg(r.pValue).arg(expected)));
    }
    void wilcoxonKnownValues() {
        // Five positive differences: only 1 of 32 sign patterns is as extreme on each side.
        QCOMPARE(significance::wilcoxonSignedRank({1, 2, 3, 4, 5}).pValue, 2.0 / 32.0);
        // Nothing differs: no evidence at all.
        const auto none = significance::wilcoxonSignedRank({0, 0, 0});
        QCOMPARE(none.n, 0);
        QCOMPARE(none.zeros, 3);
        QCOMPARE(none.pValue, 1.0);
        // Floating-point noise in a score difference is a zero, not a tiny positive rank.
        const auto noisy = significance::wilcoxonSignedRank({0.1 + 0.2 - 0.3, 1, 2});
        QCOMPARE(noisy.zeros, 1);
    }
    void wilcoxonNormalApproximationAboveTheLimit() {
        // n = 30 with ties: z from the tie-corrected variance, computed here from its definition.
        std::vector<double> d;
        for (int i = 1; i <= 30; ++i)
            d.push_back((i % 3 == 0 ? -1.0 : 1.0) * ((i + 1) / 2));
        const auto r = significance::wilcoxonSignedRank(d);
        QVERIFY(!r.exact);
        std::vector<double> mags;
        for (double x : d)
            mags.push_back(std::abs(x));
        const auto ranks = bruteRanks(mags);
        double wPlus = 0, tieSum = 0;
        for (std::size_t i = 0; i < d.size(); ++i)
            if (d[i] > 0) wPlus += ranks[i];
        for (double m : mags) { // each tie group of size t adds t^3 - t, counted once per member
            double t = 0;
            for (double o : mags)
                t += o == m;
            tieSum += (t * t * t - t) / t;
        }
        const double n = 30, var = n * (n + 1) * (2 * n + 1) / 24 - tieSum / 48;
        const double z = (wPlus - n * (n + 1) / 4) / std::sqrt(var);
        QCOMPARE(r.wPlus, wPlus);
        QVERIFY(std::abs(r.z - z) < 1e-12);
        QVERIFY(std::abs(r.pValue - 2 * tail(std::abs(z))) < 1e-12);
        // The same data tested exactly (limit raised) is close to the approximation.
        const auto exact = significance::wilcoxonSignedRank(d, 30);
        QVERIFY(exact.exact);
        QVERIFY(std::abs(exact.pValue - r.pValue) < 0.02);
    }
    void bootstrapIntervalFromTheSortedResamples() {
        const std::vector<double> v = {0.1, -0.3, 0.5, 0.0, 0.25, 0.75, -0.1, 0.2};
        const auto ci = significance::bootstrapMeanInterval(v, 2000, 42);
        QVERIFY(ci.has_value());
        // SplitMix64 as published: add the golden gamma, mix with two multiply rounds; its
        // reference output for seed 1234567 starts 6457827717110365317.
        std::uint64_t state = 1234567;
        const auto rng = [&state] {
            std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            return z ^ (z >> 31);
        };
        QCOMPARE(rng(), std::uint64_t(6457827717110365317ULL));
        state = 42;
        std::vector<double> means;
        for (int b = 0; b < 2000; ++b) {
            double sum = 0;
            for (std::size_t i = 0; i < v.size(); ++i) {
                // floor(u * n / 2^64), by long division so no 128-bit type is needed here
                const std::uint64_t u = rng();
                const std::uint64_t hi = u >> 32, lo = u & 0xffffffffu;
                const std::uint64_t n = v.size();
                const std::uint64_t k = (hi * n + ((lo * n) >> 32)) >> 32;
                sum += v[k];
            }
            means.push_back(sum / static_cast<double>(v.size()));
        }
        std::sort(means.begin(), means.end());
        QCOMPARE(ci->lo, linearQuantile(means, 0.025));
        QCOMPARE(ci->hi, linearQuantile(means, 0.975));
        double mean = 0;
        for (double x : v)
            mean += x / static_cast<double>(v.size());
        QVERIFY(ci->lo < mean && mean < ci->hi);
        // Seeded: the same call gives the same interval; a constant sample has no width.
        QCOMPARE(significance::bootstrapMeanInterval(v, 2000, 42)->lo, ci->lo);
        const auto flat = significance::bootstrapMeanInterval({0.5, 0.5, 0.5});
        QCOMPARE(flat->lo, 0.5);
        QCOMPARE(flat->hi, 0.5);
        QVERIFY(!significance::bootstrapMeanInterval({}).has_value());
    }
    void mannWhitneyByHand() {
        // a entirely below b: U_a = 0, mean 4.5, variance 3*3/12*7 = 5.25.
        const auto r = significance::mannWhitneyU({1, 2, 3}, {4, 5, 6});
        QCOMPARE(r.u, 0.0);
        const double z = (9 - 4.5 - 0.5) / std::sqrt(5.25);
        QVERIFY(std::abs(r.z - z) < 1e-12);
        QVERIFY(std::abs(r.pValue - 2 * tail(z)) < 1e-12);
        // Reversed: the same p, the sign of z flips.
        const auto back = significance::mannWhitneyU({4, 5, 6}, {1, 2, 3});
        QVERIFY(std::abs(back.z + z) < 1e-12);
        QCOMPARE(significance::mannWhitneyU({1, 1}, {1, 1}).pValue, 1.0);
        QCOMPARE(significance::mannWhitneyU({}, {1}).pValue, 1.0);
    }
    void benjaminiHochbergByHand() {
        const auto q = significance::benjaminiHochberg({0.01, 0.04, 0.03, 0.005});
        const std::vector<double> expected = {0.02, 0.04, 0.04, 0.02};
        for (std::size_t i = 0; i < q.size(); ++i)
            QVERIFY(std::abs(q[i] - expected[i]) < 1e-15);
        QVERIFY(significance::benjaminiHochberg({}).empty());
    }
};

QTEST_APPLESS_MAIN(TstSignificance)
#include "tst_significance.moc"
