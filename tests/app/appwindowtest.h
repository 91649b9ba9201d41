#pragma once

// What the window tests share: a generated data folder (a NAT eval run and an OTLP dump),
// fresh workspaces beside it, and a window that has imported the folder.

#include "mainwindow.h"

#include <QObject>
#include <QTemporaryDir>
#include <memory>

class AppWindowTest : public QObject {
protected:
    // Generates the data folder; call from initTestCase. Also points QSettings and recent
    // items at test locations and clears them: an earlier run's window state is not ours.
    void generateData();
    QString workspacePath(const char *name) const { return m_tmp.filePath(QLatin1String(name)); }
    static bool waitFor(QObject *sender, const char *signal, int ms = 120000);
    // A window over a fresh workspace holding the generated folder, with its newest run shown.
    std::unique_ptr<spanscope::MainWindow> importedWindow(const char *name);

    QTemporaryDir m_tmp;
    QString m_data; // the generated folder
};
