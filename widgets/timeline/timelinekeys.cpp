#include "timelinekeys.h"

#include <QCoreApplication>
#include <algorithm>

namespace spanscope::timelinekeys {

const std::vector<Binding> &bindings() {
    static const std::vector<Binding> table = {
        {{Qt::Key_W, Qt::Key_S},
         QT_TRANSLATE_NOOP("TimelineKeys", "wheel, W / S"),
         QT_TRANSLATE_NOOP("TimelineKeys", "zoom at the cursor / the middle")},
        {{Qt::Key_A, Qt::Key_D, Qt::Key_Left, Qt::Key_Right},
         QT_TRANSLATE_NOOP("TimelineKeys", "drag, A / D, \u2190 / \u2192"),
         QT_TRANSLATE_NOOP("TimelineKeys", "pan")},
        {{Qt::Key_Up, Qt::Key_Down, Qt::Key_PageUp, Qt::Key_PageDown},
         QT_TRANSLATE_NOOP("TimelineKeys", "\u2191 / \u2193, PageUp / PageDown"),
         QT_TRANSLATE_NOOP("TimelineKeys", "scroll a lane / a screen of lanes")},
        {{Qt::Key_Home, Qt::Key_End},
         QT_TRANSLATE_NOOP("TimelineKeys", "Home / End"),
         QT_TRANSLATE_NOOP("TimelineKeys", "the first / the last lanes")},
        {{Qt::Key_0},
         QT_TRANSLATE_NOOP("TimelineKeys", "0, Ctrl+0"),
         QT_TRANSLATE_NOOP("TimelineKeys", "zoom to fit")},
        {{},
         QT_TRANSLATE_NOOP("TimelineKeys", "Shift + drag"),
         QT_TRANSLATE_NOOP("TimelineKeys", "measure a duration")},
        {{},
         QT_TRANSLATE_NOOP("TimelineKeys", "click"),
         QT_TRANSLATE_NOOP("TimelineKeys", "select (details in the inspector)")},
        {{},
         QT_TRANSLATE_NOOP("TimelineKeys", "double-click"),
         QT_TRANSLATE_NOOP("TimelineKeys", "open the request's waterfall")},
        {{Qt::Key_F, Qt::Key_Escape},
         QT_TRANSLATE_NOOP("TimelineKeys", "F / Esc"),
         QT_TRANSLATE_NOOP("TimelineKeys", "focus the selection / clear it")},
        {{Qt::Key_Slash},
         QT_TRANSLATE_NOOP("TimelineKeys", "/ then Enter"),
         QT_TRANSLATE_NOOP("TimelineKeys", "search names, models and attributes; the first hit")},
        {{Qt::Key_N},
         QT_TRANSLATE_NOOP("TimelineKeys", "N / Shift+N"),
         QT_TRANSLATE_NOOP("TimelineKeys", "next / previous hit")},
        {{},
         QT_TRANSLATE_NOOP("TimelineKeys", "Esc in the search box"),
         QT_TRANSLATE_NOOP("TimelineKeys", "back to the timeline")},
    };
    return table;
}

bool handles(int key) {
    return std::any_of(bindings().begin(), bindings().end(), [key](const Binding &b) {
        return std::find(b.keys.begin(), b.keys.end(), key) != b.keys.end();
    });
}

QString helpHtml() {
    QString rows;
    for (const Binding &b : bindings())
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                    .arg(QCoreApplication::translate("TimelineKeys", b.label).toHtmlEscaped(),
                         QCoreApplication::translate("TimelineKeys", b.action).toHtmlEscaped());
    return QStringLiteral("<table>%1</table>").arg(rows);
}

} // namespace spanscope::timelinekeys
