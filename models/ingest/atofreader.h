#pragma once

#include "core/zstdcodec.h"
#include "importsource.h"
#include "reader.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace spanscope {

// Reads an ATOF event stream (formats/atof-atif.md section 2: JSON lines of scope starts and
// ends and marks, as NAT 1.7+ and NeMo Relay write them) into requests: a scope's start and end,
// paired by uuid, make a span; its parent is parent_uuid's scope; each root and what hangs below
// it is one request. Events are taken in time order (the spec allows out-of-order delivery), a
// mark becomes an instant event of the scope it names as parent, a scope that never ended is kept
// unfinished up to the last time of its request. Lines that cannot be used are skipped and
// counted; a file with no usable event fails.
class AtofReader : public Reader {
public:
    explicit AtofReader(ImportSource source);
    void read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) override;

    // The first line of an ATOF stream: an object with `kind` and `atof_version`.
    static bool looksLikeAtof(const nlohmann::json &firstLine);

    struct Event {
        std::size_t line = 0;
        std::int64_t ns = 0;
        bool mark = false;
        bool start = false; // scopes: start or end
        std::string uuid;
        std::string parent; // "" for none
        nlohmann::json doc;
    };

private:
    std::vector<Event> readEvents(const QString &path, ImportProgress &progress,
                                  ImportReport &report);

    ImportSource m_source;
    ZstdCodec m_codec;
};

} // namespace spanscope
