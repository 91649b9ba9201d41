#include "runlistmodel.h"

#include "localformat.h"
#include "store/storeerror.h"
#include "store/workspace.h"

#include <QDateTime>

namespace spanscope {

RunListModel::RunListModel(Workspace &workspace, QObject *parent)
    : QAbstractTableModel(parent), m_ws(workspace) {
    reload();
}

void RunListModel::reload() {
    beginResetModel();
    m_runs = m_ws.runs();
    endResetModel();
}

void RunListModel::refreshRun(std::int64_t runId) {
    const int row = rowOfRun(runId);
    if (row < 0) return reload();
    if (auto run = m_ws.run(runId)) {
        m_runs[static_cast<std::size_t>(row)] = std::move(*run);
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
}

bool RunListModel::removeRun(int row) {
    if (row < 0 || row >= rowCount()) return false;
    try {
        m_ws.removeRun(m_runs[static_cast<std::size_t>(row)].id);
    } catch (const StoreError &e) {
        emit writeFailed(tr("Could not remove the run: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    beginRemoveRows({}, row, row);
    m_runs.erase(m_runs.begin() + row);
    endRemoveRows();
    return true;
}

std::int64_t RunListModel::runId(int row) const {
    return row >= 0 && row < rowCount() ? m_runs[static_cast<std::size_t>(row)].id : 0;
}

int RunListModel::rowOfRun(std::int64_t id) const {
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if (m_runs[i].id == id) return static_cast<int>(i);
    return -1;
}

int RunListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

int RunListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RunListModel::naturalSortKey(const QString &text) {
    // Digit runs padded to 20 places, letters folded: wf_concurrency_2 before _16, and a
    // plain string comparison of the keys sorts as people read (issue 13, item 18).
    QString key;
    key.reserve(text.size() + 16);
    for (qsizetype i = 0; i < text.size();) {
        if (!text[i].isDigit()) {
            key += text[i++].toCaseFolded();
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && text[end].isDigit())
            ++end;
        qsizetype first = i; // leading zeros do not count
        while (first + 1 < end && text[first] == QLatin1Char('0'))
            ++first;
        key += QString(std::max<qsizetype>(0, 20 - (end - first)), QLatin1Char('0'));
        key += QStringView(text).mid(first, end - first);
        i = end;
    }
    return key;
}

QVariant RunListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunInfo &r = m_runs[static_cast<std::size_t>(index.row())];
    if (role == RunIdRole) return QVariant::fromValue<qint64>(r.id);
    const bool sort = role == SortRole;
    if (role != Qt::DisplayRole && role != Qt::EditRole && !sort && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Label:
        if (sort) return naturalSortKey(QString::fromStdString(r.label));
        return role == Qt::ToolTipRole ? QString::fromStdString(r.sourcePath)
                                       : QString::fromStdString(r.label);
    case Kind:
        return QString::fromStdString(r.kind);
    case Imported: {
        return sort ? QVariant::fromValue<qint64>(r.importedAtMs)
                    : QVariant(local::dateTime(r.importedAtMs));
    }
    case Requests:
        return QVariant::fromValue<qint64>(r.traceCount);
    case Spans:
        return QVariant::fromValue<qint64>(r.spanCount);
    default:
        return {};
    }
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Label:
        return tr("Run");
    case Kind:
        return tr("Kind");
    case Imported:
        return tr("Imported");
    case Requests:
        return tr("Requests");
    case Spans:
        return tr("Spans");
    default:
        return {};
    }
}

Qt::ItemFlags RunListModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Label) f |= Qt::ItemIsEditable;
    return f;
}

bool RunListModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
        index.column() != Label)
        return false;
    const QString label = value.toString().trimmed();
    if (label.isEmpty()) return false;
    RunInfo &r = m_runs[static_cast<std::size_t>(index.row())];
    try {
        m_ws.renameRun(r.id, label.toStdString());
    } catch (const StoreError &e) {
        // Locked by an import's transaction, a full disk: the label stays as it was.
        emit writeFailed(tr("Could not rename the run: %1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    r.label = label.toStdString();
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return true;
}

} // namespace spanscope
