// tool_support.h - what the command-line tools share: finding and loading the shipped questionnaire.
//
// Header-only on purpose: CMake builds one tool per src/tools/*_main.cpp, and this is no tool.
// Native only (std::filesystem, /proc/self/exe).
#pragma once
#include "core/questionnaire_load.h"

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace mf {

// The shipped questionnaire when no --questionnaire was given: questionnaires/aktoersporet.json next
// to the executable or up to three folders above it (build/<dir>/mf-x -> the source tree), then
// relative to the current folder. "" when none exists.
inline std::string find_shipped_questionnaire(const char* argv0) {
    namespace fs = std::filesystem;
    const fs::path relative = fs::path("questionnaires") / "aktoersporet.json";
    std::vector<fs::path> starts;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec && argv0) exe = fs::absolute(argv0, ec);
    if (!exe.empty()) starts.push_back(exe.parent_path());
    for (const fs::path& start : starts) {
        fs::path dir = start;
        for (int up = 0; up < 4 && !dir.empty(); ++up, dir = dir.parent_path()) {
            if (fs::is_regular_file(dir / relative, ec)) return (dir / relative).string();
            if (dir == dir.parent_path()) break;
        }
    }
    if (fs::is_regular_file(relative, ec)) return relative.string();
    return std::string();
}

// Loads the questionnaire, printing every problem to stderr. nullopt when it cannot be used.
inline std::optional<Questionnaire> load_tool_questionnaire(const std::string& path) {
    LoadedQuestionnaire loaded = load_questionnaire_file(path);
    for (const Diagnostic& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    return loaded.questionnaire;
}

} // namespace mf
