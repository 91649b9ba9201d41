#include "appearancemenu.h"

#include "common/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

namespace spanscope {

AppearanceMenu::AppearanceMenu(QMenu *view, QObject *parent) : QObject(parent) {
    QMenu *themes = view->addMenu(tr("&Theme"));
    auto *themeGroup = new QActionGroup(this);
    const std::pair<QString, theme::Choice> choices[] = {{tr("&System"), theme::Choice::System},
                                                         {tr("&Light"), theme::Choice::Light},
                                                         {tr("&Dark"), theme::Choice::Dark}};
    for (const auto &[text, choice] : choices) {
        QAction *a = themes->addAction(text);
        a->setCheckable(true);
        a->setChecked(theme::current() == choice);
        themeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, c = choice] {
            QSettings().setValue(QLatin1String(themeKey), theme::choiceName(c));
            theme::apply(c);
            emit themeChanged();
        });
    }

    QMenu *languages = view->addMenu(tr("&Language"));
    auto *languageGroup = new QActionGroup(this);
    const QString saved = QSettings().value(QLatin1String(languageKey)).toString();
    // Language names in their own language, as every desktop lists them.
    const std::pair<QString, QString> names[] = {{tr("&System"), QString()},
                                                 {QStringLiteral("English"), QStringLiteral("en")},
                                                 {QStringLiteral("Türkçe"), QStringLiteral("tr")}};
    for (const auto &[text, code] : names) {
        QAction *a = languages->addAction(text);
        a->setCheckable(true);
        a->setChecked(saved == code);
        languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [view, c = code] {
            QSettings().setValue(QLatin1String(languageKey), c);
            QMessageBox::information(view->window(), tr("Language"),
                                     tr("Spanscope uses the new language from its next start."));
        });
    }
}

QString AppearanceMenu::savedLanguage() {
    const QString code = QSettings().value(QLatin1String(languageKey)).toString();
    return code.isEmpty() ? QLocale::system().name() : code;
}

void AppearanceMenu::applySaved() {
    theme::apply(theme::choiceFromName(QSettings().value(QLatin1String(themeKey)).toString()));
    const QLocale locale(savedLanguage());
    // Numbers, dates and sizes follow the language too (a decimal comma in Turkish).
    QLocale::setDefault(locale);
    // Ours and Qt's own texts (dialog buttons, the file dialog, where the system has them),
    // replacing what an earlier call installed.
    static QTranslator *installed[2] = {nullptr, nullptr};
    const std::pair<QString, QString> catalogues[2] = {
        {QStringLiteral("spanscope"), QStringLiteral(":/i18n")},
        {QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)}};
    for (int i = 0; i < 2; ++i) {
        if (installed[i]) QApplication::removeTranslator(installed[i]);
        delete installed[i];
        installed[i] = new QTranslator;
        if (!installed[i]->load(locale, catalogues[i].first, QStringLiteral("_"),
                                catalogues[i].second)) {
            delete installed[i];
            installed[i] = nullptr;
            continue;
        }
        QApplication::installTranslator(installed[i]);
    }
}

} // namespace spanscope
