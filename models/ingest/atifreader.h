#pragma once

#include "core/records.h"
#include "core/zstdcodec.h"
#include "importsource.h"
#include "reader.h"

#include <nlohmann/json.hpp>
#include <string>

namespace spanscope {

class ImportReport;

// Reads ATIF trajectories (formats/atof-atif.md section 3, v1.0 to v1.7: NAT's
// workflow_output_atif.json, NAT's ATOF converter, Harbor and other agent tools): one request
// per trajectory. A step NAT timed (extra.invocation) is a span over that time; agent steps that
// called a model are LLM spans with the step's model and token metrics; tool calls are TOOL
// spans; steps of the root function itself give the request's input and output; steps with no
// time are instants in order, flagged start unknown. The file may be one trajectory, an array of
// them, or NAT's eval array of {item_id, trajectory, ...} (each request then keyed by item_id).
class AtifReader : public Reader {
public:
    explicit AtifReader(ImportSource source);
    void read(const BatchSink &sink, ImportProgress &progress, ImportReport &report) override;

    // The start of a file, judged for the sniffer: an ATIF document or NAT's eval array of them.
    static bool looksLikeAtif(const QByteArray &start);

    // One trajectory as a request (exposed for the tests and the NAT eval reader). With no
    // codec the payloads are left uncompressed in payloadJson.
    static TraceRecord trajectory(const nlohmann::json &t, const std::string &where,
                                  ImportReport &report, ZstdCodec *codec);

private:
    ImportSource m_source;
    ZstdCodec m_codec;
};

} // namespace spanscope
