// questionnaire_load.h - JSON -> Questionnaire, reporting every problem at once.
//
// Index
//   - LoadedQuestionnaire          the questionnaire (only when there is no error) and all diagnostics
//   - load_questionnaire_file      read a file (size limit first), then as _text
//   - load_questionnaire_text      untrusted bytes through json_input.h, then as _json
//   - load_questionnaire_json      the checks of docs/questionnaire-format.md, "What the loader checks"
//   - questionnaire_content_hash   "sha256:<hex>" of the canonical form, recorded in results
//
// None of these throw or crash, whatever the input. Each problem is a Diagnostic with the file, a
// JSON pointer and a plain message, e.g.
//   questionnaires/x.json: /themes/2/questions/4/options/1/score: expected a number, got "3"
// Unknown fields are warnings (the questionnaire still loads); everything else is an error. Each
// diagnostic also carries its code and parameters ("questionnaire.*", "json.*"; docs/diagnostics.md).
#pragma once
#include "core/diagnostics.h"
#include "core/questionnaire.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace mf {

inline constexpr const char* kQuestionnaireFormat = "mangfoldighedstjek/questionnaire";
inline constexpr int kQuestionnaireFormatVersion = 1;

struct LoadedQuestionnaire {
    std::optional<Questionnaire> questionnaire; // set when diagnostics hold no error (warnings allowed)
    Diagnostics diagnostics;
};

LoadedQuestionnaire load_questionnaire_file(const std::string& path);
// `known_content_hash`: the document's content hash when the caller already has it, so loading does
// not compute it again (the embedded questionnaire: its hash is computed at build time,
// cmake/questionnaire_hash.py, and tests/app/embedded_hash_test.cpp proves it equal to
// questionnaire_content_hash). Empty: computed here. Only for bytes whose hash the caller knows.
LoadedQuestionnaire load_questionnaire_text(std::string_view bytes, const std::string& file_name,
                                            std::string_view known_content_hash = {});
LoadedQuestionnaire load_questionnaire_json(const nlohmann::json& doc, const std::string& file_name,
                                            std::string_view known_content_hash = {});

// "sha256:<64 hex digits>" of the canonical form of the document: nlohmann's dump() without
// indentation, i.e. object keys sorted by their UTF-8 bytes, no whitespace, strings as UTF-8 (only
// '"', '\\' and control characters escaped), integers as digits, other numbers in the shortest form
// that reads back the same. Two files that differ only in layout or key order hash the same; any
// change to a text, weight or id changes the hash.
std::string questionnaire_content_hash(const nlohmann::json& doc);

// The id syntax shared by questions, options, themes, principles, levels and the questionnaire:
// ^[a-z][a-z0-9_]*$, at most 64 characters.
bool is_valid_id(std::string_view id);

} // namespace mf
