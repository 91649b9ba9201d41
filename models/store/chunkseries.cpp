#include "chunkseries.h"

#include "runqueries.h"
#include "statement.h"
#include "workspace.h"

#include <nlohmann/json.hpp>

namespace spanscope {

ChunkSeries ChunkSeries::read(const Workspace &ws, std::int64_t spanId, bool withTexts) {
    ChunkSeries c;
    {
        Statement st(ws.handle(),
                     "SELECT chunk_count, coalesce(first_chunk_ns, 0) FROM spans WHERE id = ?");
        st.bind(1, spanId);
        if (!st.step()) return c;
        c.count = st.int64(0);
        c.firstNs = st.int64(1);
    }
    if (c.count <= 0) return c;
    const std::string raw = RunQueries(ws).spanPayload(spanId);
    const nlohmann::json doc = nlohmann::json::parse(raw, nullptr, false);
    if (!doc.is_object()) return c;
    // A payload written by another version may lack the series or hold other types: what is
    // not a number (or a string) is skipped, never thrown on.
    if (const auto it = doc.find("chunk_offsets_ns"); it != doc.end() && it->is_array())
        for (const auto &v : *it)
            if (v.is_number_integer()) c.offsetsNs.push_back(v.get<std::int64_t>());
    if (withTexts)
        if (const auto it = doc.find("chunks"); it != doc.end() && it->is_array())
            for (const auto &v : *it)
                c.texts.push_back(v.is_string() ? v.get<std::string>() : v.dump());
    return c;
}

} // namespace spanscope
