#include "core/importprogress.h"
#include "core/ingesterror.h"
#include "ingest/jsonfile.h"
#include "ingest/stringlimiter.h"

#include <QTemporaryDir>
#include <QTest>

using namespace spanscope;
using json = nlohmann::json;

namespace {
QString write(const QTemporaryDir &dir, const QByteArray &bytes) {
    const QString path = dir.filePath(QStringLiteral("f.json"));
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return path;
}
const std::vector<std::string> timeKeys = {"event_timestamp"};
} // namespace

class TstJsonFile : public QObject {
    Q_OBJECT
private slots:
    void streamsElementsInOrder() {
        QTemporaryDir dir;
        const QString path =
            write(dir, "\xEF\xBB\xBF[\r\n {\"a\": [1, {\"b\": null}]},\r\n 7,\r\n \"x\"]\r\n");
        std::vector<json> seen;
        ImportProgress progress;
        jsonfile::streamArray(path, "f.json", &progress, nullptr, {}, [&](json &&v, std::size_t i) {
            if (i != seen.size()) return false;
            seen.push_back(std::move(v));
            return true;
        });
        QCOMPARE(seen.size(), std::size_t(3));
        QVERIFY((seen[0]) == (json::parse(R"({"a": [1, {"b": null}]})")));
        QVERIFY((seen[1]) == (json(7)));
        QVERIFY((seen[2]) == (json("x")));
        QCOMPARE(progress.done(), QFileInfo(path).size());
    }

    void timeKeysBecomeExactNanoseconds() {
        QTemporaryDir dir;
        const QString path = write(dir, R"([{"event_timestamp": 1748370705.6055355, "other": 1.5,
            "nested": {"event_timestamp": 12}}, {"event_timestamp": "yesterday"}])");
        std::vector<json> seen;
        jsonfile::streamArray(path, "f.json", nullptr, nullptr, timeKeys,
                              [&](json &&v, std::size_t) {
                                  seen.push_back(std::move(v));
                                  return true;
                              });
        QCOMPARE(seen[0]["event_timestamp"].get<std::int64_t>(), std::int64_t(1748370705605535500));
        QCOMPARE(seen[0]["other"].get<double>(), 1.5);
        QCOMPARE(seen[0]["nested"]["event_timestamp"].get<std::int64_t>(),
                 std::int64_t(12'000'000'000));
        QVERIFY(seen[1]["event_timestamp"].is_string()); // left for the reader to reject
    }

    void skippedMembersAreNotBuilt() {
        QTemporaryDir dir;
        const QString path = write(dir, R"([{"id": 1, "steps": [{"a": [1, 2]}, {}], "q": "x"},
            {"steps": 5, "id": 2}, {"id": 3, "inner": {"steps": [1]}, "steps": {"k": null}}])");
        std::vector<json> seen;
        jsonfile::streamArray(path, "f.json", nullptr, nullptr, {},
                              [&](json &&v, std::size_t) {
                                  seen.push_back(std::move(v));
                                  return true;
                              },
                              {"steps"});
        QCOMPARE(seen.size(), std::size_t(3));
        QVERIFY2(seen[0] == json::parse(R"({"id": 1, "q": "x"})"), seen[0].dump().c_str());
        QVERIFY(seen[1] == json::parse(R"({"id": 2})"));
        // Only the element's own members are skipped, not nested ones of the same name.
        QVERIFY(seen[2] == json::parse(R"({"id": 3, "inner": {"steps": [1]}})"));
    }

    // A large file's summary: containers three levels down are parsed but built as null, so
    // their parents keep their sizes and keys while the bulk costs no memory.
    void deepContainersAreOnlyCounted() {
        QTemporaryDir dir;
        const QString path = write(dir, R"({"a": {"p95": 4, "list": [[1, 2], {"x": 1}, 3],
            "nodes": {"n1": {"t": [1]}, "n2": {}}, "flat": [1, "s"]}, "top": [[5]], "n": 1})");
        const json doc = jsonfile::read(path, "f.json", nullptr, nullptr, {}, 3);
        QVERIFY2(doc == json::parse(R"({"a": {"p95": 4, "list": [null, null, 3],
            "nodes": {"n1": null, "n2": null}, "flat": [1, "s"]}, "top": [[5]], "n": 1})"),
                 doc.dump().c_str());
        QVERIFY(jsonfile::read(path, "f.json", nullptr, nullptr, {}) ==
                json::parse(R"({"a": {"p95": 4,
            "list": [[1, 2], {"x": 1}, 3], "nodes": {"n1": {"t": [1]}, "n2": {}}, "flat": [1, "s"]},
            "top": [[5]], "n": 1})"));
    }

    void errorsNameFileLineAndOffset_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << "f.json: file is empty";
        QTest::newRow("html") << QByteArray("<html>502</html>")
                              << "f.json: line 1, byte 0: not valid JSON";
        QTest::newRow("truncated")
            << QByteArray("[\n{\"a\":\n\"abc") << "f.json: line 3, byte 12: unexpected end of file";
        QTest::newRow("object") << QByteArray("{\"a\": 1}")
                                << "f.json: line 1, byte 0: expected a JSON array";
        QTest::newRow("trailing garbage")
            << QByteArray("[1]\n]") << "f.json: line 2, byte 4: not valid JSON";
        QTest::newRow("bad utf8") << QByteArray("[\"\xff\"]")
                                  << "f.json: line 1, byte 2: not valid JSON";
    }
    void errorsNameFileLineAndOffset() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = write(dir, bytes);
        try {
            jsonfile::streamArray(path, "f.json", nullptr, nullptr, {},
                                  [](json &&, std::size_t) { return true; });
            QFAIL("no error");
        } catch (const IngestError &e) {
            QVERIFY2(QString::fromStdString(e.what()).startsWith(expected), e.what());
            QCOMPARE(e.file(), std::string("f.json"));
        }
    }

    void parseLineReportsLine() {
        try {
            jsonfile::parse("{\"a\": tru}", "x.jsonl", 42, 1000, nullptr);
            QFAIL("no error");
        } catch (const IngestError &e) {
            QVERIFY2(QString::fromStdString(e.what()).startsWith("x.jsonl: line 42, byte 1009"),
                     e.what());
        }
        QVERIFY((jsonfile::parse("[1,2]", "x", 1, 0, nullptr)) == (json::parse("[1,2]")));
    }

    void cancelStopsTheParse() {
        QTemporaryDir dir;
        QByteArray big = "[";
        for (int i = 0; i < 400000; ++i)
            big += "{\"k\": \"some text to fill a chunk\"},";
        big += "0]";
        const QString path = write(dir, big);
        ImportProgress progress;
        std::size_t seen = 0;
        QVERIFY_THROWS_EXCEPTION(ImportCancelled,
                                 jsonfile::streamArray(path, "f.json", &progress, nullptr, {},
                                                       [&](json &&, std::size_t) {
                                                           if (++seen == 10) progress.cancel();
                                                           return true;
                                                       }));
        QVERIFY(seen < 400000);
    }

    // Strings past the limit are cut at a character boundary, never inside an escape, in
    // whatever pieces the bytes arrive; the result is valid JSON with the length noted.
    void longStringsAreCutWhileStreaming_data() {
        QTest::addColumn<int>("piece");
        for (const int piece : {1, 3, 7, 4096})
            QTest::addRow("pieces of %d", piece) << piece;
    }
    void longStringsAreCutWhileStreaming() {
        QFETCH(int, piece);
        const std::string doc = R"({"short":"a\"b","long":"0123456789\u00e9\n)"
                                "\xC3\xA9xyz\\\"tail\",\"k\":\"\"}";
        StringLimiter limiter(12);
        std::string out;
        for (std::size_t i = 0; i < doc.size(); i += static_cast<std::size_t>(piece))
            limiter.filter(doc.data() + i, std::min<std::size_t>(piece, doc.size() - i), out);
        QCOMPARE(limiter.cutStrings(), std::size_t(1));
        const json j = json::parse(out); // valid JSON
        QCOMPARE(j["short"].get<std::string>(), std::string("a\"b"));
        QCOMPARE(j["k"].get<std::string>(), std::string());
        const std::string cut = j["long"].get<std::string>();
        // 10 digits then the whole \u00e9 escape (the limit falls inside it), then the note.
        QVERIFY2(cut.rfind("0123456789\xC3\xA9 [cut: ", 0) == 0, cut.c_str());
        QVERIFY2(cut.find("bytes, longer than the limit]") != std::string::npos, cut.c_str());
    }
};

QTEST_GUILESS_MAIN(TstJsonFile)
#include "tst_jsonfile.moc"
