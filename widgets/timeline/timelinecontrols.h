#pragma once

#include <QCoreApplication>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;
class QVBoxLayout;

namespace spanscope {

class ElidedLabel;

// The timeline's toolbar, created unparented for the pane to lay out and wire: the controls
// (back to the whole run, the lane layout, the unfinished-span toggle, search, the spike
// threshold) on one row, the status and the colours' legend on a second (issue 13, item 22),
// so neither is squeezed out by the controls in a narrow centre.
struct TimelineControls {
    Q_DECLARE_TR_FUNCTIONS(TimelineControls)

public:
    QComboBox *modeBox = nullptr;
    QToolButton *back = nullptr;
    QToolButton *unfinished = nullptr;
    QToolButton *follow = nullptr; // a live run's newest time kept in view
    QLineEdit *search = nullptr;
    QSpinBox *threshold = nullptr;
    ElidedLabel *status = nullptr;
    QLabel *legend = nullptr;
    QVBoxLayout *rows = nullptr; // both rows, holding every widget above

    static TimelineControls create();
};

} // namespace spanscope
