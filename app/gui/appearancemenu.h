#pragma once

#include <QObject>

class QMenu;

namespace spanscope {

// View > Theme (System, Light, Dark) and View > Language (System, English, Türkçe), kept in
// QSettings. A theme applies at once; a language on the next start, as in Qt Creator: the
// views build much of their text once, from data, and would show two languages until then.
class AppearanceMenu : public QObject {
    Q_OBJECT

public:
    AppearanceMenu(QMenu *view, QObject *parent);

    static constexpr const char *themeKey = "view/theme";
    static constexpr const char *languageKey = "view/language"; // "", "en" or "tr"
    // The theme and translators the settings ask for; main() calls it before the first window.
    static void applySaved();
    // The locale the settings ask for: the system's unless View > Language chose one.
    static QString savedLanguage();

signals:
    void themeChanged();
};

} // namespace spanscope
