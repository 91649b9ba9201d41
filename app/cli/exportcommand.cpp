#include "exportcommand.h"

#include "analysis/timelinelayout.h"
#include "charts/exportmenu.h"
#include "clicommands.h"
#include "clisupport.h"
#include "sessions/sessionspane.h"
#include "stacks/flamegraphview.h"
#include "store/runanalysis.h"
#include "store/runqueries.h"
#include "store/storeerror.h"
#include "store/workspace.h"
#include "timeline/concurrencytrack.h"
#include "timeline/timelineview.h"
#include "tokens/tokenspane.h"

#include <QApplication>
#include <QPainter>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace spanscope::cli {

namespace {

const QStringList views = {QStringLiteral("timeline"), QStringLiteral("stacks"),
                           QStringLiteral("tokens"), QStringLiteral("concurrency"),
                           QStringLiteral("sessions")};

} // namespace

int runExport(const QStringList &args) {
    QCommandLineParser p;
    p.addOption({QStringLiteral("view"), views.join(QStringLiteral(", ")) + QStringLiteral("."),
                 QStringLiteral("VIEW")});
    p.addOption({QStringLiteral("out"), QStringLiteral("Output file: .png, .svg or .pdf."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("width"), QStringLiteral("Width in pixels (default 1600)."),
                 QStringLiteral("W"), QStringLiteral("1600")});
    p.addOption({QStringLiteral("height"), QStringLiteral("Height in pixels (default 900)."),
                 QStringLiteral("H"), QStringLiteral("900")});
    p.addPositionalArgument(QStringLiteral("RUN"), QStringLiteral("Run id or label."));
    if (const Parsed r = parse(p, args); r != Parsed::Run) return r == Parsed::Help ? Ok : Usage;
    const QString view = p.value(QStringLiteral("view"));
    const QString outPath = p.value(QStringLiteral("out"));
    bool okW = false, okH = false;
    const int width = p.value(QStringLiteral("width")).toInt(&okW);
    const int height = p.value(QStringLiteral("height")).toInt(&okH);
    const bool known = outPath.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ||
                       outPath.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ||
                       outPath.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    if (p.positionalArguments().size() != 1 || !views.contains(view) || !known || !okW || !okH ||
        width < 100 || height < 60 || width > 20000 || height > 20000) {
        err("spanscope-cli export: give one RUN, --view " +
            views.join(QStringLiteral("|")).toStdString() +
            ", --out FILE.png|.svg|.pdf and a --width/--height between 100x60 and 20000x20000");
        return Usage;
    }
    try {
        const auto ws = openWorkspace(p);
        const auto run = findRun(*ws, p.positionalArguments().first().toStdString());
        if (!run) return BadInput;
        auto spans = std::make_shared<TimelineSpans>(RunQueries(*ws).timelineSpans(run->id));
        const std::shared_ptr<const RunAnalysis> a = analyseRun(*ws, run->id, spans);

        // The views as the app shows them, in a top-level widget of the asked size.
        QWidget frame;
        frame.setWindowTitle(QString::fromStdString(run->label));
        auto *box = new QVBoxLayout(&frame);
        box->setContentsMargins(0, 0, 0, 0);
        box->setSizeConstraint(QLayout::SetNoConstraint); // the asked size, even below minimums
        QWidget *shown = nullptr;
        std::function<void(QPainter &, QSize)> paint;
        TimelineLayout layout;
        if (view == QLatin1String("timeline") || view == QLatin1String("concurrency")) {
            layout = TimelineLayout::build(*spans, spans->traceCount > height / 18
                                                       ? TimelineLayout::Mode::GanttPacked
                                                       : TimelineLayout::Mode::GanttPerTrace);
            auto *tv = new TimelineView;
            tv->setData(spans.get(), &layout);
            auto *track = new ConcurrencyTrack(tv);
            track->setAnalysis(a);
            if (view == QLatin1String("concurrency")) {
                track->axisRect()->setAutoMargins(QCP::msAll); // a chart of its own: axes out
                track->xAxis->setVisible(true);
                track->xAxis->setLabel(QObject::tr("seconds from the run's start"));
                track->yAxis->setTickLabelSide(QCPAxis::lsOutside);
                track->yAxis->setLabel(QObject::tr("LLM and tool calls in flight"));
                track->setFixedHeight(height - 4);
                tv->setFixedHeight(4); // only its time window matters
            }
            box->addWidget(track);
            box->addWidget(tv, 1);
            shown = &frame;
        } else if (view == QLatin1String("stacks")) {
            auto *f = new FlameGraphView;
            f->setAnalysis(a);
            box->addWidget(f);
            shown = f;
            paint = [f](QPainter &painter, QSize size) { f->render(painter, size); };
        } else if (view == QLatin1String("tokens")) {
            auto *t = new TokensPane;
            t->setAnalysis(a);
            box->addWidget(t);
            shown = &frame;
        } else {
            auto *s = new SessionsPane;
            s->setAnalysis(a);
            box->addWidget(s);
            shown = &frame;
        }
        frame.resize(width, height);
        frame.setAttribute(Qt::WA_DontShowOnScreen);
        frame.show();
        // One pass of the posted layout and resize events, so the views have their size.
        QCoreApplication::sendPostedEvents();
        if (auto *tv = frame.findChild<TimelineView *>()) tv->zoomToFit();
        if (auto *track = frame.findChild<ConcurrencyTrack *>())
            track->setThreshold(track->threshold());
        for (QCustomPlot *plot : frame.findChildren<QCustomPlot *>())
            plot->replot(); // charts replot lazily on screen: draw them now
        if (!paint) paint = [shown](QPainter &painter, QSize) { shown->render(&painter); };
        if (!exporting::writeImage(shown, outPath, paint)) {
            err("error: could not write " + outPath.toStdString());
            return BadInput;
        }
        out("wrote " + outPath.toStdString() + " (" + view.toStdString() + " of run " +
            std::to_string(run->id) + ", " + std::to_string(width) + "x" + std::to_string(height) +
            ")\n");
    } catch (const StoreError &e) {
        return storeFailure(e);
    }
    return Ok;
}

} // namespace spanscope::cli
