#include "natrunconfig.h"

#include "core/importreport.h"
#include "core/ingesterror.h"
#include "jsonfile.h"
#include "natfiles.h"
#include "yamlfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <charconv>

namespace spanscope {

namespace {

// Configuration files are a few kilobytes; a bigger one is not NAT's.
constexpr qint64 maxConfigBytes = 16 * 1024 * 1024;

const nlohmann::json *at(const nlohmann::json &root, std::initializer_list<const char *> path) {
    const nlohmann::json *node = &root;
    for (const char *key : path) {
        if (!node->is_object()) return nullptr;
        const auto it = node->find(key);
        if (it == node->end()) return nullptr;
        node = &*it;
    }
    return node;
}

// NAT's `--override path value`: the value as typed, set at a dotted path, creating the
// mappings on the way.
void setPath(nlohmann::json &root, const std::string &dotted, const nlohmann::json &value) {
    nlohmann::json *node = &root;
    std::size_t from = 0;
    while (true) {
        if (!node->is_object()) *node = nlohmann::json::object();
        const std::size_t dot = dotted.find('.', from);
        const std::string key = dotted.substr(from, dot == std::string::npos ? dot : dot - from);
        if (dot == std::string::npos) {
            (*node)[key] = value;
            return;
        }
        node = &(*node)[key];
        from = dot + 1;
    }
}

void readKey(const nlohmann::json &dataset, std::initializer_list<const char *> path,
             std::string &out) {
    const nlohmann::json *v = at(dataset, path);
    if (v && v->is_string() && !v->get<std::string>().empty()) out = v->get<std::string>();
}

std::optional<int> positiveInt(const nlohmann::json *v) {
    if (!v) return std::nullopt;
    if (v->is_number_integer() && v->get<long long>() > 0 && v->get<long long>() < 1'000'000'000)
        return static_cast<int>(v->get<long long>());
    if (v->is_string()) { // an override's value as typed: "8"
        const std::string s = v->get<std::string>();
        int n = 0;
        const auto r = std::from_chars(s.data(), s.data() + s.size(), n);
        if (r.ec == std::errc() && r.ptr == s.data() + s.size() && n > 0) return n;
    }
    return std::nullopt;
}

QString fileNamed(const QStringList &files, const QString &name) {
    for (const QString &f : files)
        if (QFileInfo(f).fileName() == name) return f;
    return {};
}

std::string configShown(const QString &path) {
    return QDir::toNativeSeparators(path).toStdString();
}

QByteArray readSmall(const QString &path) {
    QFile f(path);
    if (f.size() > maxConfigBytes)
        throw IngestError(configShown(path), "",
                          "is " + std::to_string(f.size() >> 20) +
                              " MiB, far more than a NAT configuration; not read");
    if (!f.open(QIODevice::ReadOnly))
        throw IngestError(configShown(path), "",
                          "cannot be read: " + f.errorString().toStdString());
    return f.readAll();
}

} // namespace

bool NatRunConfig::keysAreDefault() const {
    const NatRunConfig d;
    return structured && idKey == d.idKey && questionKey == d.questionKey &&
           answerKey == d.answerKey && generatedAnswerKey == d.generatedAnswerKey &&
           trajectoryKey == d.trajectoryKey && expectedTrajectoryKey == d.expectedTrajectoryKey;
}

NatRunConfig NatRunConfig::fromConfig(nlohmann::json config, const nlohmann::json &overrides) {
    if (overrides.is_array())
        for (const nlohmann::json &o : overrides)
            if (o.is_object() && o.contains("path") && o["path"].is_string())
                setPath(config, o["path"].get<std::string>(), o.value("value", nlohmann::json()));
    NatRunConfig c;
    if (const nlohmann::json *dataset = at(config, {"eval", "general", "dataset"})) {
        readKey(*dataset, {"id_key"}, c.idKey);
        readKey(*dataset, {"structure", "question_key"}, c.questionKey);
        readKey(*dataset, {"structure", "answer_key"}, c.answerKey);
        readKey(*dataset, {"structure", "generated_answer_key"}, c.generatedAnswerKey);
        readKey(*dataset, {"structure", "trajectory_key"}, c.trajectoryKey);
        readKey(*dataset, {"structure", "expected_trajectory_key"}, c.expectedTrajectoryKey);
        const nlohmann::json *disable = at(*dataset, {"structure", "disable"});
        if (disable && (disable->is_boolean()
                            ? disable->get<bool>()
                            : disable->is_string() && (*disable == "true" || *disable == "True")))
            c.structured = false;
    }
    c.maxConcurrency = positiveInt(at(config, {"eval", "general", "max_concurrency"}));
    if (const nlohmann::json *alias = at(config, {"eval", "general", "workflow_alias"});
        alias && alias->is_string())
        c.workflowAlias = alias->get<std::string>();
    return c;
}

NatRunConfig NatRunConfig::read(const QStringList &files, ImportReport &report) {
    const QString effective = fileNamed(files, natfiles::configEffective);
    const QString original = fileNamed(files, natfiles::configOriginal);
    const QString metadata = fileNamed(files, natfiles::configMetadata);
    nlohmann::json overrides;
    if (!metadata.isEmpty()) {
        try {
            const nlohmann::json m = jsonfile::parse(readSmall(metadata).toStdString(),
                                                     configShown(metadata), 1, 0, nullptr);
            if (m.is_object()) overrides = m.value("overrides", nlohmann::json());
        } catch (const IngestError &e) {
            report.warn("bad-config", std::string(e.what()) +
                                          "; its overrides were not applied to the item keys");
        }
    }
    for (const QString &path : {effective, original}) {
        if (path.isEmpty()) continue;
        try {
            const std::string text = readSmall(path).toStdString();
            nlohmann::json config = yamlfile::parse(text, configShown(path));
            // The effective configuration has the overrides applied already.
            NatRunConfig c =
                fromConfig(std::move(config), path == effective ? nlohmann::json() : overrides);
            c.source = QFileInfo(path).fileName().toStdString();
            return c;
        } catch (const IngestError &e) {
            report.warn("bad-config", std::string(e.what()) + "; not used for the item keys");
        }
    }
    NatRunConfig c = fromConfig(nlohmann::json::object(), overrides);
    if (overrides.is_array() && !overrides.empty())
        c.source = natfiles::configMetadata.toStdString();
    // NAT before 1.4 wrote no configuration, but the sizing calculator gave each concurrency
    // its own eval folder, named by the alias it sets: wf_concurrency_<N>.
    if (!c.maxConcurrency && !files.isEmpty()) {
        static const QRegularExpression alias(QStringLiteral("^wf_concurrency_([1-9][0-9]{0,8})$"));
        const QString folder = QFileInfo(files.front()).dir().dirName();
        if (const auto m = alias.match(folder); m.hasMatch()) {
            c.maxConcurrency = m.captured(1).toInt();
            c.workflowAlias = folder.toStdString();
            if (c.source.empty()) c.source = "folder name";
        }
    }
    return c;
}

} // namespace spanscope
