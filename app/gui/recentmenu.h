#pragma once

#include <QMenu>

namespace spanscope {

// File > Recent: the workspaces opened and the paths imported lately, kept in QSettings
// ("recentWorkspaces", "recentImports", most recent first) and read again each time the menu
// opens, so a path another window added is there too.
class RecentMenu : public QMenu {
    Q_OBJECT
public:
    static constexpr int maxItems = 10;
    static inline const QString workspacesKey = QStringLiteral("recentWorkspaces");
    static inline const QString importsKey = QStringLiteral("recentImports");

    explicit RecentMenu(const QString &title, QWidget *parent = nullptr);
    // Puts `path` (made absolute) first under `key`.
    static void remember(const QString &key, const QString &path);

signals:
    void workspaceChosen(const QString &path);
    void importChosen(const QString &path);

private:
    void rebuild();
};

} // namespace spanscope
