// test_questionnaires.h - the questionnaires the core tests run against, each loaded once per test
// program: the shipped questionnaires/aktoersporet.json and the worked example of docs/scoring.md
// (tests/data/scoring/example.json). Any diagnostic of the load fails the test that asked first.
#pragma once
#include "core/questionnaire_load.h"

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

inline const mf::Questionnaire& shipped() {
    static const mf::Questionnaire q = load_or_fail(MF_SOURCE_DIR "/questionnaires/aktoersporet.json");
    return q;
}

inline const mf::Questionnaire& example() {
    static const mf::Questionnaire q = load_or_fail(MF_SOURCE_DIR "/tests/data/scoring/example.json");
    return q;
}

} // namespace mf_test
