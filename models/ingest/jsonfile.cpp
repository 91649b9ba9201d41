#include "jsonfile.h"

#include "chunkedfile.h"
#include "core/importprogress.h"
#include "core/importreport.h"
#include "core/ingesterror.h"
#include "core/limits.h"
#include "jsondombuilder.h"
#include "limitedline.h"

#include <QFile>
#include <algorithm>

namespace spanscope::jsonfile {

void throwParseError(const QString &path, const std::string &displayName, std::int64_t fileSize,
                     std::size_t charactersRead, const std::string &reason) {
    if (fileSize == 0) throw IngestError(displayName, "", "file is empty");
    // nlohmann reports how many characters it had read: the offending byte is the last of them,
    // and a count past the end means it hit the end of the file inside a value.
    const auto read = static_cast<std::int64_t>(charactersRead);
    const std::int64_t offset = std::min(std::max<std::int64_t>(read - 1, 0), fileSize);
    std::string message = "not valid JSON: " + reason;
    if (read > fileSize) message = "unexpected end of file (truncated?): " + reason;
    throw IngestError::atOffset(displayName, offset, message, lineAtOffset(path, offset));
}

namespace {

[[noreturn]] void throwParseError(const QString &path, const std::string &displayName,
                                  std::int64_t fileSize, const JsonDomBuilder &builder) {
    jsonfile::throwParseError(path, displayName, fileSize, builder.errorPosition(),
                              builder.errorMessage());
}

} // namespace

std::string stringAt(const json &obj, const char *key) {
    if (!obj.is_object()) return {};
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string typeName(const json &value) {
    switch (value.type()) {
    case json::value_t::object:
        return "an object";
    case json::value_t::array:
        return "an array";
    case json::value_t::string:
        return "a string";
    case json::value_t::boolean:
        return "a boolean";
    case json::value_t::null:
        return "null";
    case json::value_t::binary:
        return "binary data";
    case json::value_t::discarded:
        return "nothing";
    default:
        return "a number";
    }
}

void reportDeepValues(ImportReport *report, const std::string &displayName,
                      const std::string &where, std::size_t count) {
    if (!report || count == 0) return;
    report->warn("nested-too-deep",
                 displayName + (where.empty() ? "" : ", " + where) + ": " +
                     (count == 1 ? std::string("a value") : std::to_string(count) + " values") +
                     " nested deeper than " + std::to_string(limits::maxJsonNesting) +
                     " levels replaced by a note",
                 static_cast<std::int64_t>(count));
}

void forEachLine(const QString &path, const std::string &displayName, ImportProgress &progress,
                 ImportReport *report,
                 const std::function<void(std::string_view, std::int64_t, std::int64_t)> &onLine) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw IngestError(displayName, "", "cannot open: " + f.errorString().toStdString());
    std::int64_t offset = 0, line = 0, reported = 0;
    std::size_t cut = 0;
    std::string bytes;
    while (!f.atEnd()) {
        // Byte offsets in messages count the file, not the line as cut (readLimitedLine).
        const std::int64_t lineBytes = readLimitedLine(f, bytes, &cut);
        ++line;
        const std::int64_t start = offset;
        offset += lineBytes;
        if (offset - reported >= (1 << 20)) {
            progress.addDone(offset - reported);
            reported = offset;
            progress.checkCancelled();
        }
        std::string_view text(bytes);
        if (line == 1 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
        while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
            text.remove_suffix(1);
        if (!text.empty()) onLine(text, line, start);
    }
    progress.addDone(offset - reported);
    reportCutStrings(report, displayName, cut);
}

void reportCutStrings(ImportReport *report, const std::string &displayName, std::size_t count) {
    if (!report || count == 0) return;
    report->warn("string-cut",
                 displayName + ": " +
                     (count == 1 ? std::string("a string") : std::to_string(count) + " strings") +
                     " longer than " + std::to_string(limits::maxStringBytes >> 20) +
                     " MiB cut to that length (the text notes the full length)",
                 static_cast<std::int64_t>(count));
}

json read(const QString &path, const std::string &displayName, ImportProgress *progress,
          ImportReport *report, const std::vector<std::string> &timeKeys, std::size_t buildAbove) {
    ChunkedFile file(path, displayName, progress);
    JsonDomBuilder builder(timeKeys);
    builder.buildContainersAbove(buildAbove);
    if (!json::sax_parse(file.begin(), file.end(), &builder))
        throwParseError(path, displayName, file.size(), builder);
    reportDeepValues(report, displayName, "", builder.deepValues());
    reportCutStrings(report, displayName, file.cutStrings());
    return std::move(builder.result());
}

void streamArray(const QString &path, const std::string &displayName, ImportProgress *progress,
                 ImportReport *report, const std::vector<std::string> &timeKeys,
                 const std::function<bool(json &&, std::size_t)> &onElement,
                 const std::vector<std::string> &skipMembers) {
    ChunkedFile file(path, displayName, progress);
    JsonDomBuilder builder(timeKeys);
    builder.skipElementMembers(skipMembers);
    bool stoppedByCallback = false;
    builder.streamTopLevelArray([&](json &&element, std::size_t index) {
        if (onElement(std::move(element), index)) return true;
        stoppedByCallback = true;
        return false;
    });
    const bool parsed = json::sax_parse(file.begin(), file.end(), &builder);
    reportDeepValues(report, displayName, "", builder.deepValues());
    reportCutStrings(report, displayName, file.cutStrings());
    if (parsed || stoppedByCallback) return;
    if (builder.hasParseError()) throwParseError(path, displayName, file.size(), builder);
    if (!builder.topLevelIsArray())
        throw IngestError::atOffset(displayName, 0, "expected a JSON array at the top level", 1);
}

json parse(std::string_view text, const std::string &displayName, std::int64_t line,
           std::int64_t offset, ImportReport *report, const std::vector<std::string> &timeKeys) {
    JsonDomBuilder builder(timeKeys);
    if (!json::sax_parse(text.begin(), text.end(), &builder)) {
        const auto read = builder.errorPosition();
        const bool truncated = read > text.size();
        const auto at =
            offset + static_cast<std::int64_t>(std::min(read > 0 ? read - 1 : 0, text.size()));
        throw IngestError::atOffset(
            displayName, at,
            std::string(truncated ? "line ends inside a JSON value: " : "not valid JSON: ") +
                builder.errorMessage(),
            line);
    }
    reportDeepValues(report, displayName, "line " + std::to_string(line), builder.deepValues());
    return std::move(builder.result());
}

} // namespace spanscope::jsonfile
