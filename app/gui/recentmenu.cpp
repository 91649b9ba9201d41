#include "recentmenu.h"

#include <QFileInfo>
#include <QSettings>

namespace spanscope {

RecentMenu::RecentMenu(const QString &title, QWidget *parent) : QMenu(title, parent) {
    connect(this, &QMenu::aboutToShow, this, &RecentMenu::rebuild);
    rebuild();
}

void RecentMenu::remember(const QString &key, const QString &path) {
    QSettings settings;
    QStringList list = settings.value(key).toStringList();
    const QString abs = QFileInfo(path).absoluteFilePath();
    list.removeAll(abs);
    list.prepend(abs);
    while (list.size() > maxItems)
        list.removeLast();
    settings.setValue(key, list);
}

void RecentMenu::rebuild() {
    clear();
    const QSettings settings;
    for (const QString &w : settings.value(workspacesKey).toStringList())
        addAction(tr("Workspace: %1").arg(w), this, [this, w] { emit workspaceChosen(w); });
    addSeparator();
    for (const QString &p : settings.value(importsKey).toStringList())
        addAction(tr("Import again: %1").arg(p), this, [this, p] { emit importChosen(p); });
    // Enabled while there is anything: an empty menu cannot open to fill itself.
    setEnabled(actions().size() > 1);
}

} // namespace spanscope
