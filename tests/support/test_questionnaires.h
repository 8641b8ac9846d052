// test_questionnaires.h - the questionnaires the core tests run against, and helpers several test
// files share (the test sources are compiled together in unity batches, so a helper lives once here).
//
// Index
//   - load_or_fail, load_json_or_fail  a questionnaire from a file or a document; any diagnostic fails
//   - shipped, example                 questionnaires/aktoersporet.json and the worked example of
//                                      docs/scoring.md (tests/data/scoring/example.json), loaded once
//   - with_checksum                    a result document re-serialised as the exporter writes it
#pragma once
#include "core/questionnaire_load.h"
#include "core/result.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace mf_test {

inline mf::Questionnaire load_or_fail(const std::string& path) {
    mf::LoadedQuestionnaire loaded = mf::load_questionnaire_file(path);
    for (const mf::Diagnostic& d : loaded.diagnostics) ADD_FAILURE() << d.to_string();
    if (!loaded.questionnaire) throw std::runtime_error("questionnaire does not load: " + path);
    return *loaded.questionnaire;
}

inline mf::Questionnaire load_json_or_fail(const nlohmann::json& doc, const std::string& name) {
    mf::LoadedQuestionnaire loaded = mf::load_questionnaire_json(doc, name);
    for (const mf::Diagnostic& d : loaded.diagnostics) ADD_FAILURE() << d.to_string();
    if (!loaded.questionnaire) throw std::runtime_error("questionnaire does not load: " + name);
    return *loaded.questionnaire;
}

inline const mf::Questionnaire& shipped() {
    static const mf::Questionnaire q = load_or_fail(MF_SOURCE_DIR "/questionnaires/aktoersporet.json");
    return q;
}

inline const mf::Questionnaire& example() {
    static const mf::Questionnaire q = load_or_fail(MF_SOURCE_DIR "/tests/data/scoring/example.json");
    return q;
}

// Re-serialises a result document the way the exporter does, with a correct checksum (for files a
// test edits).
inline std::string with_checksum(nlohmann::json doc) {
    doc["checksum"] = mf::result_checksum(doc);
    return doc.dump(2) + "\n";
}

} // namespace mf_test
