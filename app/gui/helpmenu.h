#pragma once

#include <QObject>
#include <QString>

class QMainWindow;
class QMenu;

namespace spanscope {

// Help > Keyboard shortcuts (listed from the window's own actions and the timeline's key
// table, so the list cannot drift from the keys), Getting started, About.
class HelpMenu : public QObject {
    Q_OBJECT

public:
    HelpMenu(QMenu *help, QMainWindow *window);

    // The window's shortcuts as an HTML table: menu path, action, keys.
    static QString shortcutsHtml(QMainWindow *window);
    static QString gettingStartedHtml();
    static QString aboutHtml();

private:
    QMainWindow *m_window;
    void showText(const QString &title, const QString &html);
};

} // namespace spanscope
