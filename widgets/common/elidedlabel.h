#pragma once

#include <QLabel>

namespace spanscope {

// A one-line label that ends with "…" where its text does not fit, and holds the whole text
// in its tooltip then: a status that grows (a search, a filter, a deep call path) is never cut
// mid-word or pushed under its neighbours, and never widens the window.
class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    void setFullText(const QString &text);
    QString fullText() const { return m_full; }
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();
    QString m_full;
};

} // namespace spanscope
