#include "otlpmessages.h"

#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "core/limits.h"
#include "core/zstdcodec.h"

#include <algorithm>
#include <cstring>
#include <zstd.h>

namespace spanscope {

namespace {
constexpr std::size_t readChunk = 1 << 20;

std::string mb(std::size_t bytes) {
    return std::to_string(bytes >> 20) + " MB";
}
} // namespace

OtlpMessages::OtlpMessages(const QString &path, std::string displayName, Framing framing,
                           ImportProgress &progress, ImportReport &report,
                           std::size_t maxMessageBytes, std::uint64_t minDecompressedBytes)
    : m_file(path), m_name(std::move(displayName)), m_framing(framing), m_progress(progress),
      m_report(report), m_max(maxMessageBytes), m_minDecompressed(minDecompressedBytes) {
    if (!m_file.open(QIODevice::ReadOnly))
        throw IngestError(m_name, "", "cannot open: " + m_file.errorString().toStdString());
    if (m_file.size() == 0) throw IngestError(m_name, "", "file is empty");
    if (m_framing == Framing::ZstdJsonLines || m_framing == Framing::CollectorZstd)
        m_zstd = ZSTD_createDCtx();
    m_buf.resize(readChunk + padding);
}

void OtlpMessages::expanded(std::size_t bytes) {
    m_decompressed += bytes;
    const auto fileSize = static_cast<std::uint64_t>(m_file.size());
    const std::uint64_t allowed =
        std::max<std::uint64_t>(m_minDecompressed, fileSize * limits::maxExpansionRatio);
    if (m_decompressed <= allowed) return;
    throw IngestError(m_name, "",
                      "decompresses to more than " + mb(allowed) + " (" +
                          std::to_string(m_decompressed / std::max<std::uint64_t>(fileSize, 1)) +
                          " times its size; trace dumps compress about 10 to 30 times, Spanscope "
                          "stops at " +
                          std::to_string(limits::maxExpansionRatio) +
                          "): a zstd bomb or not a trace dump, so nothing was imported");
}

OtlpMessages::~OtlpMessages() {
    ZSTD_freeDCtx(m_zstd);
    m_progress.addDone(m_fileOffset - m_reported);
}

std::size_t OtlpMessages::readRaw(char *dst, std::size_t n) {
    const qint64 got = m_file.read(dst, static_cast<qint64>(n));
    if (got < 0)
        throw IngestError::atOffset(m_name, m_fileOffset,
                                    "read error: " + m_file.errorString().toStdString());
    m_fileOffset += got;
    if (m_tap && got > 0) m_tap(dst, static_cast<std::size_t>(got));
    if (m_fileOffset - m_reported >= static_cast<std::int64_t>(readChunk)) {
        m_progress.addDone(m_fileOffset - m_reported);
        m_reported = m_fileOffset;
        m_progress.checkCancelled();
    }
    return static_cast<std::size_t>(got);
}

bool OtlpMessages::fill(std::size_t want) {
    if (m_eof) return false;
    if (m_begin > 0) { // keep the unread bytes at the front
        std::memmove(m_buf.data(), m_buf.data() + m_begin, m_end - m_begin);
        m_end -= m_begin;
        m_begin = 0;
    }
    if (m_buf.size() < m_end + want + padding) m_buf.resize(m_end + want + padding);
    if (!m_zstd) {
        const std::size_t got = readRaw(m_buf.data() + m_end, want);
        m_end += got;
        if (got == 0) m_eof = true;
        return got > 0;
    }
    // A zstd stream, possibly many concatenated frames: decode until `want` bytes came out.
    const std::size_t before = m_end;
    while (m_end - before < want) {
        if (m_inPos == m_inLen) {
            m_in.resize(ZSTD_DStreamInSize());
            m_inLen = readRaw(m_in.data(), m_in.size());
            m_inPos = 0;
            if (m_inLen == 0) {
                m_eof = true;
                break;
            }
        }
        ZSTD_inBuffer in{m_in.data(), m_inLen, m_inPos};
        ZSTD_outBuffer out{m_buf.data() + m_end, want - (m_end - before), 0};
        const std::size_t ret = ZSTD_decompressStream(m_zstd, &out, &in);
        if (ZSTD_isError(ret))
            throw IngestError::atOffset(
                m_name, m_fileOffset - static_cast<std::int64_t>(m_inLen - in.pos),
                std::string("corrupt zstd data: ") + ZSTD_getErrorName(ret));
        m_inPos = in.pos;
        m_end += out.pos;
        expanded(out.pos);
    }
    return m_end > before;
}

bool OtlpMessages::next(Message &out) {
    if (m_done) return false;
    switch (m_framing) {
    case Framing::Document:
        return nextDocument(out);
    case Framing::JsonLines:
    case Framing::ZstdJsonLines:
        return nextLine(out);
    case Framing::CollectorZstd:
        return nextFrame(out);
    }
    return false;
}

bool OtlpMessages::nextDocument(Message &out) {
    while (fill(readChunk)) {
        if (m_end - m_begin > m_max)
            throw IngestError(m_name, "",
                              "a single JSON document larger than " + mb(m_max) +
                                  "; write it as JSON lines to import it");
    }
    m_done = true;
    std::string_view text(m_buf.data() + m_begin, m_end - m_begin);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    out = {text, 0, 0, false, false};
    return true;
}

bool OtlpMessages::nextLine(Message &out) {
    std::size_t scanned = m_begin; // no newline in [m_begin, scanned)
    bool skipping = false;         // inside an overlong line, dropping its bytes
    for (;;) {
        const char *nl =
            static_cast<const char *>(std::memchr(m_buf.data() + scanned, '\n', m_end - scanned));
        std::size_t lineEnd;
        if (nl) {
            lineEnd = static_cast<std::size_t>(nl - m_buf.data());
        } else {
            if (m_end - m_begin > m_max) {
                if (!skipping)
                    m_report.warn("line-too-long", m_name + ": line " + std::to_string(m_line + 1) +
                                                       " (byte " + std::to_string(m_streamOffset) +
                                                       ") is longer than " + mb(m_max) +
                                                       "; skipped");
                skipping = true;
                m_streamOffset += static_cast<std::int64_t>(m_end - m_begin);
                m_begin = m_end;
            }
            const std::size_t seen = m_end - m_begin;
            if (fill(readChunk)) {
                scanned = m_begin + seen;
                continue;
            }
            if (m_end == m_begin) { // end of stream
                m_done = true;
                return false;
            }
            lineEnd = m_end; // a last line without a newline
        }
        const std::size_t start = m_begin;
        const std::int64_t offset = m_streamOffset;
        m_begin = nl ? lineEnd + 1 : lineEnd;
        m_streamOffset += static_cast<std::int64_t>(m_begin - start);
        scanned = m_begin;
        ++m_line;
        if (skipping) {
            skipping = false;
            continue;
        }
        std::string_view text(m_buf.data() + start, lineEnd - start);
        if (m_line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t'))
            text.remove_suffix(1);
        if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
        out = {text, m_line, offset, m_framing == Framing::ZstdJsonLines, false};
        return true;
    }
}

bool OtlpMessages::nextFrame(Message &out) {
    const std::int64_t size = m_file.size();
    for (;;) {
        const std::int64_t frameStart = m_fileOffset;
        if (frameStart >= size) {
            m_done = true;
            return false;
        }
        unsigned char prefix[4];
        if (size - frameStart < 4 || readRaw(reinterpret_cast<char *>(prefix), 4) != 4) {
            m_report.warn("truncated-file",
                          m_name + ": " + std::to_string(size - frameStart) + " bytes at offset " +
                              std::to_string(frameStart) +
                              " are too few for a frame's length prefix; ignored");
            m_done = true;
            return false;
        }
        const std::uint32_t n = (std::uint32_t(prefix[0]) << 24) |
                                (std::uint32_t(prefix[1]) << 16) | (std::uint32_t(prefix[2]) << 8) |
                                std::uint32_t(prefix[3]);
        const std::int64_t remain = size - m_fileOffset;
        ++m_line;
        if (static_cast<std::int64_t>(n) > remain) {
            m_report.warn("truncated-file",
                          m_name + ": the length prefix at offset " + std::to_string(frameStart) +
                              " claims " + std::to_string(n) + " bytes, " + std::to_string(remain) +
                              " remain (truncated file); the frames before it were imported");
            m_done = true;
            return false;
        }
        m_in.resize(n);
        if (readRaw(m_in.data(), n) != n)
            throw IngestError::atOffset(m_name, frameStart, "short read");
        if (n < 4 || std::memcmp(m_in.data(), ZstdCodec::frameMagic, 4) != 0)
            throw IngestError::atOffset(m_name, frameStart + 4,
                                        "frame " + std::to_string(m_line) + " is not a zstd frame");
        m_frame.clear();
        ZSTD_DCtx_reset(m_zstd, ZSTD_reset_session_only);
        ZSTD_inBuffer in{m_in.data(), n, 0};
        std::size_t ret = 1;
        bool tooLong = false;
        while (ret != 0) {
            const std::size_t at = m_frame.size();
            m_frame.resize(at + readChunk);
            ZSTD_outBuffer o{m_frame.data() + at, readChunk, 0};
            ret = ZSTD_decompressStream(m_zstd, &o, &in);
            if (ZSTD_isError(ret))
                throw IngestError::atOffset(m_name, frameStart + 4,
                                            "frame " + std::to_string(m_line) +
                                                ": corrupt zstd data: " + ZSTD_getErrorName(ret));
            m_frame.resize(at + o.pos);
            expanded(o.pos);
            if (in.pos == in.size && o.pos == 0 && ret != 0)
                throw IngestError::atOffset(m_name, frameStart + 4,
                                            "frame " + std::to_string(m_line) +
                                                ": zstd frame is incomplete");
            if (m_frame.size() > m_max) {
                tooLong = true;
                break;
            }
        }
        if (tooLong) {
            m_report.warn("frame-too-long", m_name + ": frame " + std::to_string(m_line) +
                                                " at offset " + std::to_string(frameStart) +
                                                " decompresses to more than " + mb(m_max) +
                                                "; skipped");
            continue;
        }
        const std::size_t len = m_frame.size();
        m_frame.resize(len + padding, '\0');
        out = {std::string_view(m_frame.data(), len), m_line, frameStart, false, true};
        return true;
    }
}

} // namespace spanscope
