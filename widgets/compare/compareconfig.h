#pragma once

#include <QWidget>
#include <memory>

class QTextBrowser;

namespace spanscope {

struct StoredComparison;

// What was configured differently between the two runs: each configuration file NAT wrote
// beside the results (config_effective.yml, config_original.yml, config_metadata.json) as a
// line diff, A's lines removed in red, B's added in green, with a few lines of context; a file
// only one run has is shown whole, files that agree say so.
class CompareConfig : public QWidget {
    Q_OBJECT
public:
    explicit CompareConfig(QWidget *parent = nullptr);
    void setComparison(std::shared_ptr<const StoredComparison> c);
    QString text() const; // the view as plain text, for tests

private:
    QTextBrowser *m_view;
};

} // namespace spanscope
