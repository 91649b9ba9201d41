#pragma once

#include <QString>
#include <vector>

// The timeline's keys and mouse gestures in one table. TimelineView::keyPressEvent handles
// exactly the keys listed here (a test presses every key and checks both ways), and Help >
// Keyboard shortcuts prints this table, so the list cannot drift from the keys.
namespace spanscope::timelinekeys {

struct Binding {
    std::vector<int> keys; // the Qt::Key values it takes; none for a mouse gesture
    const char *label;     // what to press, as shown (translated in context TimelineKeys)
    const char *action;    // what it does (likewise)
};

const std::vector<Binding> &bindings();
bool handles(int key);
QString helpHtml(); // the table, translated

} // namespace spanscope::timelinekeys
