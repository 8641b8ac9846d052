// shipped_questionnaire.h - the questionnaire the result fuzz targets import against: the shipped
// questionnaires/aktoersporet.json, loaded once. The source tree is two folders above this file
// (CMake passes absolute source paths, so __FILE__ is one).
#pragma once
#include "core/questionnaire_load.h"

#include <cstdlib>
#include <string>

namespace mf_fuzz {

inline const mf::Questionnaire& shipped_questionnaire() {
    static const mf::Questionnaire q = [] {
        std::string path = __FILE__;
        path = path.substr(0, path.rfind("/tests/fuzz/")) + "/questionnaires/aktoersporet.json";
        mf::LoadedQuestionnaire loaded = mf::load_questionnaire_file(path);
        if (!loaded.questionnaire) std::abort();
        return *loaded.questionnaire;
    }();
    return q;
}

} // namespace mf_fuzz
