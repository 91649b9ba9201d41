#pragma once

#include <QString>
#include <QStringList>
#include <string>

namespace spanscope {

// One run to import: a NAT eval folder, a NAT sizing folder, or a single file. The sniffer finds
// them under a path; `files` are the inputs the reader will read, which also make the digest.
struct ImportSource {
    enum class Kind { NatEval, NatSizing, Otlp, Jaeger, Zipkin, Phoenix, Atof, Atif };
    // How an OTLP file is framed (formats/otel.md section 3).
    enum class Container { Document, JsonLines, ZstdJsonLines, CollectorZstd };

    Kind kind = Kind::NatEval;
    Container container = Container::Document;
    QString path;      // the folder (or the file) the run comes from
    QStringList files; // absolute paths, sorted
    QString label;     // default run label

    std::string kindName() const {
        switch (kind) {
        case Kind::NatEval:
            return "nat-eval";
        case Kind::NatSizing:
            return "nat-sizing";
        case Kind::Otlp:
            return "otlp";
        case Kind::Jaeger:
            return "jaeger";
        case Kind::Zipkin:
            return "zipkin";
        case Kind::Phoenix:
            return "phoenix";
        case Kind::Atof:
            return "atof";
        case Kind::Atif:
            return "atif";
        }
        return "unknown";
    }
};

} // namespace spanscope
