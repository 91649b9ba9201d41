#pragma once

#include <QWidget>
#include <cstdint>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTextBrowser;

namespace spanscope {

struct StoredComparison;

// Every item of a comparison, sorted by how much it changed on the chosen evaluator (or the
// latency): the question, both scores and latencies. The selected item's two generated answers
// stand side by side with the words that differ marked, each evaluator's reasoning below them,
// and each run's request can be opened. Items only one run has are listed after the pairs.
class CompareItems : public QWidget {
    Q_OBJECT
public:
    explicit CompareItems(QWidget *parent = nullptr);

    void setComparison(std::shared_ptr<const StoredComparison> comparison);
    // Sorts by this evaluator's change ("" for the request latency).
    void sortBy(const QString &evaluator);
    void selectPair(int pair); // index into the comparison's pairs

    QTableWidget *table() const { return m_table; }
    QTextBrowser *answerA() const { return m_answerA; }
    QTextBrowser *answerB() const { return m_answerB; }
    QComboBox *sortBox() const { return m_sortBy; }
    // The pair shown in each table row, in table order.
    std::vector<int> rowPairs() const;
    int shownPair() const { return m_shown; }

signals:
    void pairSelected(int pair); // index into the comparison's pairs
    // Open a run's request (workspace ids) in the timeline.
    void requestActivated(std::int64_t runId, std::int64_t traceId);

private:
    void fill();
    void showPair(int pair);

    std::shared_ptr<const StoredComparison> m_c;
    int m_shown = -1;
    QComboBox *m_sortBy;
    QTableWidget *m_table;
    QLabel *m_question;
    QTextBrowser *m_answerA;
    QTextBrowser *m_answerB;
    QPushButton *m_openA;
    QPushButton *m_openB;
};

} // namespace spanscope
