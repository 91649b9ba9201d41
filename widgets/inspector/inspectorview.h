#pragma once

#include <QWidget>
#include <cstdint>

class QLabel;
class QTextBrowser;
class QTabWidget;
class QTreeWidget;

namespace spanscope {

class Workspace;

// The selected span in full: its columns, attributes (a tree of the JSON), events, and the
// prompt / completion or tool input / output text, which is decompressed from the workspace
// only when its tab is shown (DESIGN.md section 3: payloads are read on demand). JSON text,
// and strings holding JSON, are pretty-printed.
class InspectorView : public QWidget {
    Q_OBJECT
public:
    explicit InspectorView(QWidget *parent = nullptr);
    void setWorkspace(Workspace *workspace);
    // Shows a span by workspace row id (0 clears); `runStartNs` makes times relative, and
    // `selfNs` (-1 when unknown) comes from the timeline, which has the children at hand.
    void showSpan(std::int64_t spanRowId, std::int64_t runStartNs = 0, std::int64_t selfNs = -1);

    // Appends a row to the shown span's fields (what another view knows of it, e.g. its share
    // of the request's critical path).
    void addProperty(const QString &key, const QString &value);
    QString propertyText() const; // the fields "key = value" per line, for tests

    std::int64_t spanShown() const { return m_span; }
    // The payload text as shown (after loading it), for tests.
    QString payloadText() const;
    QString attributeText() const; // the attribute tree flattened "key = value" per line
    QTabWidget *tabs() const { return m_tabs; }
    QTreeWidget *eventsTree() const { return m_events; }

private:
    void loadPayload();
    void loadChunks(); // a streamed span's chunks as rows of the Events tab

    Workspace *m_ws = nullptr;
    std::int64_t m_span = 0;
    bool m_payloadLoaded = false;
    bool m_chunksLoaded = true; // false while a streamed span's chunks wait to be read
    std::int64_t m_spanStartNs = 0;
    QLabel *m_title;
    QTabWidget *m_tabs;
    QTreeWidget *m_properties;
    QTreeWidget *m_events;
    QTextBrowser *m_payload; // plain text, or a conversation as rich text
};

} // namespace spanscope
