#include "timelinecontrols.h"

#include "common/elidedlabel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace spanscope {

TimelineControls TimelineControls::create() {
    TimelineControls c;
    c.modeBox = new QComboBox;
    c.modeBox->setAccessibleName(tr("Timeline layout"));
    c.modeBox->addItems({tr("Requests"), tr("Packed by concurrency"), tr("Waterfall")});
    c.modeBox->setToolTip(tr("Lanes: a group per request, all spans packed into as few lanes as "
                             "their concurrency needs, or one request's call tree"));
    c.back = new QToolButton;
    c.back->setText(tr("\u25c2 Whole run"));
    c.back->setToolTip(tr("Back to the run's Gantt"));
    c.back->setVisible(false);
    c.unfinished = new QToolButton;
    c.unfinished->setCheckable(true);
    c.unfinished->setChecked(true);
    c.unfinished->setVisible(false);
    c.unfinished->setToolTip(
        tr("Spans that started and never ended (an LLM call that timed out, a request cut "
           "off): drawn fading and hatched to the request's last event. Uncheck to hide them."));
    c.follow = new QToolButton;
    c.follow->setText(tr("Follow"));
    c.follow->setCheckable(true);
    c.follow->setVisible(false);
    c.follow->setAccessibleName(tr("Follow the newest spans"));
    c.follow->setToolTip(tr("A live run: keep its newest time in view as spans arrive. "
                            "Scrolling or zooming back stops following."));
    c.search = new QLineEdit;
    c.search->setAccessibleName(tr("Search spans"));
    c.search->setPlaceholderText(tr("Search names and attributes  ( / )"));
    c.search->setClearButtonEnabled(true);
    c.search->setMinimumWidth(120); // the toolbar fits a 360 px centre without overlapping
    c.search->setMaximumWidth(340);
    c.status = new ElidedLabel;
    c.legend = new QLabel;
    // Its full width when there is room, less (cut) when the pane is narrow: a set minimum
    // replaces the text's width as what the layout must give it. The tooltip lists it whole.
    c.legend->setMinimumWidth(1);
    c.legend->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    c.legend->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    c.threshold = new QSpinBox;
    c.threshold->setAccessibleName(tr("Concurrency spike threshold"));
    c.threshold->setRange(1, 100000);
    c.threshold->setPrefix(tr("spike ≥ "));
    c.threshold->setToolTip(tr("Concurrency spike threshold: LLM and tool calls in flight at "
                               "once (the run's NAT spike_threshold, else 7)"));
    c.threshold->setVisible(false);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 2);
    bar->addWidget(c.back);
    bar->addWidget(c.modeBox);
    bar->addWidget(c.unfinished);
    bar->addWidget(c.follow);
    bar->addSpacing(8);
    bar->addWidget(c.search, 1);
    bar->addWidget(c.threshold);
    bar->addStretch(1); // the controls keep their size on a wide screen
    auto *info = new QHBoxLayout;
    info->setContentsMargins(6, 0, 4, 2);
    // Both shrink when the centre is narrow, the status less; cut, each says it whole in its
    // tooltip.
    info->addWidget(c.status, 3);
    info->addSpacing(12);
    info->addWidget(c.legend, 2, Qt::AlignRight);
    c.rows = new QVBoxLayout;
    c.rows->setSpacing(0);
    c.rows->addLayout(bar);
    c.rows->addLayout(info);
    return c;
}

} // namespace spanscope
