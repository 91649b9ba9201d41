#include "compareconfig.h"

#include "analysis/textdiff.h"
#include "common/theme.h"
#include "store/runcomparer.h"

#include <QTextBrowser>
#include <QVBoxLayout>

namespace spanscope {

namespace {

constexpr std::size_t context = 3; // unchanged lines shown around a change

QString escaped(const std::string &s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

// The diff's changed lines with `context` lines around each, gaps marked.
QString unified(const textdiff::LineDiff &d) {
    std::vector<bool> shown(d.lines.size(), false);
    for (std::size_t k = 0; k < d.lines.size(); ++k)
        if (d.lines[k].op != ' ')
            for (std::size_t c = k > context ? k - context : 0;
                 c < std::min(d.lines.size(), k + context + 1); ++c)
                shown[c] = true;
    QString h = QStringLiteral("<pre>");
    bool gap = false;
    for (std::size_t k = 0; k < d.lines.size(); ++k) {
        if (!shown[k]) {
            gap = true;
            continue;
        }
        if (gap) h += QStringLiteral("<span style='color:#9e9e9e'>\u2026</span>\n");
        gap = false;
        const auto &l = d.lines[k];
        const QString text = QString(QLatin1Char(l.op)) + QLatin1Char(' ') + escaped(l.text);
        h += l.op == '-' ? QStringLiteral("<span style='background:#ffebee;color:#b71c1c'>%1"
                                          "</span>\n")
                               .arg(text)
             : l.op == '+' ? QStringLiteral("<span style='background:#e8f5e9;color:#1b5e20'>%1"
                                            "</span>\n")
                                 .arg(text)
                           : text + QLatin1Char('\n');
    }
    return h + QStringLiteral("</pre>");
}

} // namespace

CompareConfig::CompareConfig(QWidget *parent) : QWidget(parent) {
    m_view = new QTextBrowser;
    m_view->setAccessibleName(tr("Configuration differences"));
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(m_view);
    setComparison(nullptr);
}

void CompareConfig::setComparison(std::shared_ptr<const StoredComparison> c) {
    if (!c) return m_view->setHtml(tr("<p>Pick two runs to compare.</p>"));
    if (c->configs.empty())
        return m_view->setHtml(
            tr("<p>Neither run kept its configuration. NAT 1.4 and later write "
               "<code>config_effective.yml</code>, <code>config_original.yml</code> and "
               "<code>config_metadata.json</code> beside the results of an evaluation.</p>"));
    QString h;
    for (const ConfigPair &p : c->configs) {
        h += QStringLiteral("<h4>%1</h4>").arg(escaped(p.name));
        if (!p.a || !p.b) {
            h += tr("<p>Only run %1 has it:</p>")
                     .arg(p.a ? QStringLiteral("A") : QStringLiteral("B"));
            h += QStringLiteral("<pre>%1</pre>").arg(escaped(p.a ? *p.a : *p.b));
            continue;
        }
        const textdiff::LineDiff d = textdiff::diffLines(*p.a, *p.b);
        if (d.changed == 0) {
            h += tr("<p>The same in both runs.</p>");
            continue;
        }
        h += (d.changed == 1 ? tr("<p>1 line differs: ")
                             : tr("<p>%L1 lines differ: ").arg(d.changed)) +
             tr("<span style='color:#b71c1c'>- A</span>, <span style='color:#1b5e20'>+ B</span>"
                "</p>");
        h += unified(d);
    }
    m_view->setHtml(theme::html(h));
}

QString CompareConfig::text() const {
    return m_view->toPlainText();
}

} // namespace spanscope
