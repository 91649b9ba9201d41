#pragma once

#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace spanscope {

class ImportReport;

// What a NAT run's configuration says about reading its files (formats/nat.md, "Newer NAT"):
// the keys workflow_output.json's items were written with (the dataset's `id_key` and
// `structure.*_key`, or none at all when `structure.disable` made NAT write the raw outputs),
// and the concurrency the run was made at (`eval.general.max_concurrency`; the sizing
// calculator sets it, and the alias `wf_concurrency_<N>`, by an override).
struct NatRunConfig {
    std::string idKey = "id";
    std::string questionKey = "question";
    std::string answerKey = "answer";
    std::string generatedAnswerKey = "generated_answer";
    std::string trajectoryKey = "intermediate_steps";
    std::string expectedTrajectoryKey = "expected_intermediate_steps";
    bool structured = true;
    std::optional<int> maxConcurrency;
    std::string workflowAlias;
    // Where the keys came from: "config_effective.yml", "config_original.yml",
    // "config_metadata.json" (its overrides alone), "folder name" (the concurrency alone) or ""
    // (NAT's defaults: no configuration).
    std::string source;

    bool keysAreDefault() const;

    // From the run's files: config_effective.yml (the configuration with the overrides applied)
    // when present, else config_original.yml with config_metadata.json's overrides on top, else
    // the overrides alone; the concurrency, for older NAT, from a folder named wf_concurrency_<N>
    // as the sizing calculator named them. A configuration that cannot be read is a warning, and
    // NAT's defaults are used: the items still import, keyed as NAT keys them by default.
    static NatRunConfig read(const QStringList &files, ImportReport &report);

    // The same from configuration already parsed (`config` may be null) and the `overrides`
    // array of config_metadata.json ([{path, value}], dotted paths, values as given on NAT's
    // command line).
    static NatRunConfig fromConfig(nlohmann::json config, const nlohmann::json &overrides);
};

} // namespace spanscope
