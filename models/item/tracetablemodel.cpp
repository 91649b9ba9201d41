#include "tracetablemodel.h"

#include "localformat.h"
#include "store/requestname.h"
#include "store/runqueries.h"
#include "store/workspace.h"

#include <algorithm>

namespace spanscope {

namespace {
std::int64_t runStart(const std::vector<TraceRow> &rows) {
    if (rows.empty()) return 0;
    return std::min_element(
               rows.begin(), rows.end(),
               [](const TraceRow &a, const TraceRow &b) { return a.startNs < b.startNs; })
        ->startNs;
}

QString seconds(std::int64_t ns) {
    return local::fixed(static_cast<double>(ns) / 1e9, 3) + QStringLiteral(" s");
}
} // namespace

TraceTableModel::TraceTableModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_ws(workspace) {}

void TraceTableModel::setRun(std::int64_t runId) {
    beginResetModel();
    m_runId = runId;
    m_rows = runId ? RunQueries(m_ws).traces(runId) : std::vector<TraceRow>();
    m_runStartNs = runStart(m_rows);
    endResetModel();
}

void TraceTableModel::setRows(std::int64_t runId, std::vector<TraceRow> rows) {
    // A live run's new rows come after the ones shown (traces get their ordinal when their
    // first span arrives): those are updated in place and the new ones inserted, so the view
    // keeps its selection, scroll position and sort. Anything else is a new table.
    const std::size_t old = m_rows.size();
    const bool grows =
        runId == m_runId && rows.size() >= old &&
        std::equal(m_rows.begin(), m_rows.end(), rows.begin(),
                   [](const TraceRow &a, const TraceRow &b) { return a.id == b.id; });
    if (!grows) {
        beginResetModel();
        m_runId = runId;
        m_rows = std::move(rows);
        m_runStartNs = runStart(m_rows);
        endResetModel();
        return;
    }
    const std::int64_t start = runStart(rows);
    std::vector<TraceRow> added(
        std::make_move_iterator(rows.begin() + static_cast<std::ptrdiff_t>(old)),
        std::make_move_iterator(rows.end()));
    rows.resize(old);
    m_rows.swap(rows);
    m_runStartNs = start;
    if (old > 0) emit dataChanged(index(0, 0), index(static_cast<int>(old) - 1, ColumnCount - 1));
    if (added.empty()) return;
    beginInsertRows({}, static_cast<int>(old), static_cast<int>(old + added.size()) - 1);
    m_rows.insert(m_rows.end(), std::make_move_iterator(added.begin()),
                  std::make_move_iterator(added.end()));
    endInsertRows();
}

const TraceRow *TraceTableModel::row(int r) const {
    return r >= 0 && r < rowCount() ? &m_rows[static_cast<std::size_t>(r)] : nullptr;
}

int TraceTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TraceTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraceRow &t = m_rows[static_cast<std::size_t>(index.row())];
    if (role == TraceIdRole) return QVariant::fromValue<qint64>(t.id);
    if (role == FilterRole) // what a filter text is matched against
        return QString::fromStdString(requestName(t.itemKey, t.key) + ' ' + t.name + ' ' +
                                      t.sessionKey + ' ' + t.key + ' ' + t.itemKey);
    if (role == Qt::TextAlignmentRole)
        return index.column() > Request && index.column() < Session
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    const bool sort = role == SortRole;
    if (role != Qt::DisplayRole && !sort) return {};
    switch (index.column()) {
    case Request:
        return sort ? QVariant::fromValue<qint64>(t.ordinal)
                    : QVariant(QString::fromStdString(requestName(t.itemKey, t.key)));
    case Start:
        return sort ? QVariant::fromValue<qint64>(t.startNs)
                    : QVariant(seconds(t.startNs - m_runStartNs));
    case Duration:
        return sort ? QVariant::fromValue<qint64>(t.endNs - t.startNs)
                    : QVariant(seconds(t.endNs - t.startNs));
    case Spans:
        return QVariant::fromValue<qint64>(t.spans);
    case LlmCalls:
        return QVariant::fromValue<qint64>(t.llmCalls);
    case InputTokens:
        return QVariant::fromValue<qint64>(t.inputTokens);
    case OutputTokens:
        return QVariant::fromValue<qint64>(t.outputTokens);
    case Errors:
        return QVariant::fromValue<qint64>(t.errors);
    case Session:
        return QString::fromStdString(t.sessionKey);
    case Name:
        return QString::fromStdString(t.name);
    default:
        return {};
    }
}

QVariant TraceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Request:
        return tr("Request");
    case Start:
        return tr("Start");
    case Duration:
        return tr("Duration");
    case Spans:
        return tr("Spans");
    case LlmCalls:
        return tr("LLM calls");
    case InputTokens:
        return tr("Tokens in");
    case OutputTokens:
        return tr("Tokens out");
    case Errors:
        return tr("Errors");
    case Session:
        return tr("Session");
    case Name:
        return tr("Name");
    default:
        return {};
    }
}

} // namespace spanscope
