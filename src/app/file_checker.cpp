// file_checker.cpp - the page's worker's file checker (see file_checker.h).
#include "app/file_checker.h"

#include "core/bundle.h"
#include "core/file_check_wire.h"
#include "core/questionnaire_load.h"

#include <utility>

namespace mf {

FileChecker::FileChecker(std::string_view questionnaire_json, const std::string& file_name, std::string_view content_hash) {
    LoadedQuestionnaire loaded = load_questionnaire_text(questionnaire_json, file_name, content_hash);
    if (loaded.questionnaire) questionnaire_ = std::make_unique<Questionnaire>(std::move(*loaded.questionnaire));
}

FileChecker::~FileChecker() = default;

void FileChecker::check(const std::string& name, std::string_view bytes, std::string& records) const {
    write_file_checks(records, check_results(bytes, name, *questionnaire_));
}

} // namespace mf
