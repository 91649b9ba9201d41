#pragma once

#include "core/limits.h"

#include <QFile>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct ZSTD_DCtx_s;

namespace spanscope {

class ImportProgress;
class ImportReport;

// Cuts an OpenTelemetry dump into its JSON messages (ExportTraceServiceRequest documents)
// whatever the container (formats/otel.md section 3): one document, JSON lines, a zstd stream
// of JSON lines, or the collector's length-prefixed zstd frames. Each message is handed out in
// a buffer with simdjson's padding behind it. Memory is bounded by maxMessageBytes, not by the
// file size; a longer line or frame is skipped and counted.
class OtlpMessages {
public:
    enum class Framing { Document, JsonLines, ZstdJsonLines, CollectorZstd };
    static constexpr std::size_t padding = 64; // >= SIMDJSON_PADDING
    static constexpr std::size_t defaultMaxMessageBytes = std::size_t(256) << 20;

    struct Message {
        std::string_view text;     // readable for text.size() + padding bytes
        std::int64_t line = 0;     // 1-based line (JSON lines) or frame number (collector)
        std::int64_t offset = 0;   // byte offset in the file (compressed streams: of the frame)
        bool decompressed = false; // offset is in the decompressed stream
        bool frame = false;        // `line` counts collector frames
    };

    OtlpMessages(const QString &path, std::string displayName, Framing framing,
                 ImportProgress &progress, ImportReport &report,
                 std::size_t maxMessageBytes = defaultMaxMessageBytes,
                 std::uint64_t minDecompressedBytes = limits::minDecompressedBytes);
    ~OtlpMessages();
    OtlpMessages(const OtlpMessages &) = delete;
    OtlpMessages &operator=(const OtlpMessages &) = delete;

    bool next(Message &out);
    // Called with every byte read from the file, in order (Reader::tapRawBytes).
    void setRawTap(std::function<void(const char *, std::size_t)> tap) { m_tap = std::move(tap); }
    const std::string &displayName() const { return m_name; }

private:
    bool nextDocument(Message &out);
    bool nextLine(Message &out);
    bool nextFrame(Message &out);
    // Appends up to `want` more bytes of the (decompressed) stream to m_buf; false at the end.
    bool fill(std::size_t want);
    std::size_t readRaw(char *dst, std::size_t n);
    // Counts decompressed bytes; throws past limits::maxExpansionRatio times the file.
    void expanded(std::size_t bytes);

    QFile m_file;
    std::function<void(const char *, std::size_t)> m_tap;
    std::string m_name;
    Framing m_framing;
    ImportProgress &m_progress;
    ImportReport &m_report;
    std::size_t m_max;
    std::uint64_t m_decompressed = 0;
    std::uint64_t m_minDecompressed;
    ZSTD_DCtx_s *m_zstd = nullptr;

    std::vector<char> m_buf; // stream bytes not yet handed out, from m_begin to m_end
    std::size_t m_begin = 0, m_end = 0;
    std::vector<char> m_in; // compressed input
    std::size_t m_inPos = 0, m_inLen = 0;
    bool m_eof = false;
    bool m_done = false;
    std::int64_t m_streamOffset = 0; // stream offset of m_buf[m_begin]
    std::int64_t m_line = 0;
    std::int64_t m_fileOffset = 0; // bytes of the file read so far
    std::int64_t m_reported = 0;
    std::string m_frame; // a decompressed collector frame, padded
};

} // namespace spanscope
