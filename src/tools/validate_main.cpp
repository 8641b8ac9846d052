// validate_main.cpp - mf-validate: check questionnaire files the way the app loads them, or (with
// --result) result files the way the app imports them.
//
// Index
//   - kUsage          the --help text
//   - CheckedFile      one file's outcome
//   - check_file      I/O problems (exit 2) apart from invalid content (exit 1), then the loader
//                     or, for --result, the importer against the questionnaire
//   - problem_line    one problem: English, or with --lang in plain words (diag.<code>)
//   - print_text      every diagnostic on its own line (with --codes its code after it), then a
//                     summary line per file
//   - to_json         the same as one JSON document (with --codes each diagnostic's code and params)
//   - main            exit 0: every file valid (warnings allowed); 1: some file invalid; 2: usage or I/O
//
// The checks are the loader's (core/questionnaire_load.h) and the importer's (core/result.h), so a
// file that passes here loads in the app, with the same messages.
#include "core/bundle.h"
#include "core/diagnostic_codes.h"
#include "core/json_input.h"
#include "core/questionnaire_load.h"
#include "core/result.h"
#include "tools/tool_support.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

using namespace mf;
namespace fs = std::filesystem;

namespace {

const char* const kUsage =
    "Usage: mf-validate [--quiet] [--json] FILE...\n"
    "       mf-validate --result [--questionnaire Q] [--quiet] [--json] FILE...\n"
    "\n"
    "Checks questionnaire files (questionnaires/*.json) and lists every problem, one per line:\n"
    "  FILE: /json/pointer: message\n"
    "followed by one summary line per file. Problems marked \"warning:\" (such as unknown fields) do\n"
    "not stop the questionnaire from loading; every other problem does. The format is described in\n"
    "docs/questionnaire-format.md.\n"
    "\n"
    "With --result the files are result files (docs/result-format.md), checked exactly as the app's\n"
    "import checks them against the questionnaire (the shipped questionnaires/aktoersporet.json unless\n"
    "--questionnaire names another). Warnings (checksum, dropped answers, another questionnaire\n"
    "version, ...) do not stop the file from loading. A workshop's bundle (\"Export all\") is read as\n"
    "the result files it holds: each member is checked and reported as \"BUNDLE#/results/N (FILE)\".\n"
    "\n"
    "Options:\n"
    "  --result           the files are result files\n"
    "  --questionnaire Q  the questionnaire results are checked against (with --result)\n"
    "  --quiet   print errors only: no warnings and no summary lines\n"
    "  --json    print one JSON document instead (see docs/questionnaire-format.md, \"mf-validate\")\n"
    "  --codes   add each problem's stable code (docs/diagnostics.md): \" [json.syntax]\" after the\n"
    "            message, or \"code\" and \"params\" in each diagnostic of --json\n"
    "  --lang da|en  word each problem in plain language, in Danish or English (assets/texts.json,\n"
    "            \"diag.<code>\"), after its pointer; with --json as \"text\" beside the English\n"
    "            \"message\". Without it, the English messages above (the summary lines stay English)\n"
    "  --help    this text\n"
    "\n"
    "Exit status: 0 every file is valid (warnings allowed), 1 some file is invalid,\n"
    "2 usage error or a file that cannot be read.\n";

struct CheckedFile {
    std::string path;
    bool readable = true;
    Diagnostics diagnostics;
    std::optional<Questionnaire> questionnaire; // questionnaire files
    std::optional<ImportedResult> result;       // result files (--result)
    std::optional<std::string> content_checksum; // result files that are JSON objects: result_checksum
    std::size_t errors() const { return count_errors(diagnostics); }
    std::size_t warnings() const { return diagnostics.size() - errors(); }
    bool valid() const { return readable && (questionnaire.has_value() || result.has_value()); }
};

// The largest file --result reads: a result file's limit, or a bundle's when the file's start names
// the bundle format (bundle_text writes "format" within its first lines), so a huge file is refused
// unread with the limit that applies to it.
std::size_t result_size_limit(const std::string& path) {
    std::error_code ec;
    if (fs::file_size(path, ec) <= kMaxResultBytes || ec) return kMaxResultBytes;
    std::string start(64 * 1024, '\0');
    std::ifstream in(path, std::ios::binary);
    in.read(start.data(), (std::streamsize)start.size());
    start.resize((std::size_t)in.gcount());
    return mentions_bundle(start) ? kMaxBundleBytes : kMaxResultBytes;
}

// One result file as the app imports it.
CheckedFile import_report(std::string_view bytes, const std::string& file, const Questionnaire& against) {
    CheckedFile r;
    r.path = file;
    // The checksum of the content as the app computes it, for anyone re-implementing the recipe in
    // docs/result-format.md: the same bytes through the same import gate.
    Diagnostics ignored;
    if (std::optional<nlohmann::json> doc = parse_json_document(bytes, file, ignored, JsonLimits{kMaxResultBytes, 64}))
        if (doc->is_object()) r.content_checksum = result_checksum(*doc);
    ImportOutcome imported = import_result(bytes, file, against);
    r.diagnostics = std::move(imported.diagnostics);
    r.result = std::move(imported.result);
    return r;
}

// A missing or unreadable file is an I/O error (exit 2), not an invalid questionnaire (exit 1).
// `against` is set for result files: the questionnaire they are imported into. A result file may be
// a workshop's bundle: then every member is reported as its own file (named "<bundle>#/results/<i>
// (<member>)", as mf-aggregate and the app name them), after the bundle's own problems, if any.
std::vector<CheckedFile> check_file(const std::string& path, const Questionnaire* against) {
    CheckedFile r;
    r.path = path;
    std::error_code ec;
    const char* problem = nullptr;
    const char* code = nullptr;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) problem = "no such file", code = "file.not_found";
    else if (fs::is_directory(status)) problem = "is a folder, not a file", code = "file.is_folder";
    else if (!std::ifstream(path, std::ios::binary)) problem = "cannot open the file (permission?)", code = "file.no_permission";
    if (problem) {
        r.readable = false;
        r.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, path, "", problem, code, {}});
        return {std::move(r)};
    }
    if (!against) {
        LoadedQuestionnaire loaded = load_questionnaire_file(path);
        r.diagnostics = std::move(loaded.diagnostics);
        r.questionnaire = std::move(loaded.questionnaire);
        return {std::move(r)};
    }
    std::string bytes;
    if (!read_file_bytes(path, bytes, r.diagnostics, result_size_limit(path))) return {std::move(r)};
    std::vector<BundleMember> members;
    const BundleRead read = read_bundle(bytes, path, members, r.diagnostics);
    if (read == BundleRead::NotBundle) return {import_report(bytes, path, *against)};
    std::vector<CheckedFile> reports;
    if (read == BundleRead::Bad || has_errors(r.diagnostics)) reports.push_back(std::move(r));
    for (const BundleMember& m : members) reports.push_back(import_report(m.text, m.file, *against));
    return reports;
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// "FILE: /pointer: message", or with `words` (--lang) the plain text in that language in place of
// the message ("FILE: /checksum: advarsel: Filen er ændret efter eksporten ...").
std::string problem_line(const Diagnostic& d, const Texts* words) {
    if (!words) return d.to_string();
    std::string out = d.file + ": ";
    if (!d.pointer.empty()) out += d.pointer + ": ";
    if (d.severity == Diagnostic::Severity::Warning) out += std::string((*words)("cli.warning")) + ": ";
    return out + diagnostic_text(*words, d);
}

void print_text(const CheckedFile& r, bool quiet, bool codes, const Texts* words) {
    for (const Diagnostic& d : r.diagnostics) {
        if (quiet && d.severity == Diagnostic::Severity::Warning) continue;
        if (codes) std::printf("%s [%s]\n", problem_line(d, words).c_str(), d.code.c_str());
        else std::printf("%s\n", problem_line(d, words).c_str());
    }
    if (quiet) return;
    if (!r.readable) {
        std::printf("%s: not checked\n", r.path.c_str());
    } else if (r.result) {
        const ImportedResult& x = *r.result;
        std::printf("%s: valid result: questionnaire \"%s\" version %s, %s, %s\n", r.path.c_str(), x.source.id.c_str(),
                    x.source.version.c_str(), plural(x.assessment.answers.size(), "answer").c_str(),
                    plural(r.warnings(), "warning").c_str());
    } else if (r.valid()) {
        const Questionnaire& q = *r.questionnaire;
        std::printf("%s: valid: \"%s\" version %s, %s, %s, %s\n", r.path.c_str(), q.id.c_str(), q.version.c_str(),
                    plural(q.themes.size(), "theme").c_str(), plural(q.scored_question_count(), "scored question").c_str(),
                    plural(r.warnings(), "warning").c_str());
    } else {
        std::printf("%s: invalid: %s, %s\n", r.path.c_str(), plural(r.errors(), "error").c_str(),
                    plural(r.warnings(), "warning").c_str());
    }
}

nlohmann::json to_json(const CheckedFile& r, bool quiet, bool codes, const Texts* words) {
    nlohmann::json diagnostics = nlohmann::json::array();
    for (const Diagnostic& d : r.diagnostics) {
        if (quiet && d.severity == Diagnostic::Severity::Warning) continue;
        nlohmann::json item = {{"severity", d.severity == Diagnostic::Severity::Error ? "error" : "warning"},
                               {"pointer", d.pointer},
                               {"message", d.message}};
        if (words) item["text"] = diagnostic_text(*words, d);
        if (codes) {
            item["code"] = d.code;
            item["params"] = nlohmann::json::object();
            for (const auto& [name, value] : d.params) item["params"][name] = value;
        }
        diagnostics.push_back(std::move(item));
    }
    nlohmann::json j = {{"file", r.path},
                        {"readable", r.readable},
                        {"valid", r.valid()},
                        {"errors", r.errors()},
                        {"warnings", r.warnings()},
                        {"diagnostics", diagnostics}};
    if (r.content_checksum) j["contentChecksum"] = *r.content_checksum;
    if (r.result) {
        j["questionnaire"] = {{"id", r.result->source.id}, {"version", r.result->source.version}};
        j["answers"] = r.result->assessment.answers.size();
        j["checksumMatches"] = r.result->checksum_matches;
    } else if (r.valid()) {
        j["id"] = r.questionnaire->id;
        j["version"] = r.questionnaire->version;
        j["contentHash"] = r.questionnaire->content_hash;
        j["themes"] = r.questionnaire->themes.size();
        j["scoredQuestions"] = r.questionnaire->scored_question_count();
    }
    return j;
}

} // namespace

int main(int argc, char** argv) {
    bool quiet = false, as_json = false, codes = false, options_done = false, results = false;
    std::string questionnaire_path;
    std::optional<Texts> words; // --lang
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        if (!options_done && std::strcmp(a, "--") == 0) {
            options_done = true;
        } else if (!options_done && (std::strcmp(a, "--help") == 0 || std::strcmp(a, "-h") == 0)) {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (!options_done && std::strcmp(a, "--quiet") == 0) {
            quiet = true;
        } else if (!options_done && std::strcmp(a, "--json") == 0) {
            as_json = true;
        } else if (!options_done && std::strcmp(a, "--codes") == 0) {
            codes = true;
        } else if (!options_done && std::strcmp(a, "--lang") == 0) {
            if (i + 1 >= argc || (std::strcmp(argv[i + 1], "da") != 0 && std::strcmp(argv[i + 1], "en") != 0)) {
                std::fprintf(stderr, "mf-validate: --lang needs da or en\n\n%s", kUsage);
                return 2;
            }
            words.emplace(argv[++i]);
        } else if (!options_done && std::strcmp(a, "--result") == 0) {
            results = true;
        } else if (!options_done && std::strcmp(a, "--questionnaire") == 0) {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "mf-validate: --questionnaire needs a file\n\n%s", kUsage);
                return 2;
            }
            questionnaire_path = argv[++i];
        } else if (!options_done && a[0] == '-' && a[1] != '\0') {
            std::fprintf(stderr, "mf-validate: unknown option %s\n\n%s", a, kUsage);
            return 2;
        } else {
            files.push_back(a);
        }
    }
    if (files.empty()) {
        std::fprintf(stderr, "mf-validate: no file given\n\n%s", kUsage);
        return 2;
    }

    if (!questionnaire_path.empty() && !results) {
        std::fprintf(stderr, "mf-validate: --questionnaire only goes with --result\n\n%s", kUsage);
        return 2;
    }
    std::optional<Questionnaire> against;
    if (results) {
        if (questionnaire_path.empty()) questionnaire_path = find_shipped_questionnaire(argv[0]);
        if (questionnaire_path.empty()) {
            std::fprintf(stderr, "mf-validate: questionnaires/aktoersporet.json not found; name one with --questionnaire\n");
            return 2;
        }
        against = load_tool_questionnaire(questionnaire_path);
        if (!against) {
            std::fprintf(stderr, "mf-validate: %s: the questionnaire cannot be used\n", questionnaire_path.c_str());
            return 2;
        }
    }

    bool any_invalid = false, any_unreadable = false;
    nlohmann::json all = nlohmann::json::array();
    for (const std::string& path : files) {
        for (const CheckedFile& r : check_file(path, against ? &*against : nullptr)) {
            if (!r.readable) any_unreadable = true;
            else if (!r.valid()) any_invalid = true;
            if (as_json) all.push_back(to_json(r, quiet, codes, words ? &*words : nullptr));
            else print_text(r, quiet, codes, words ? &*words : nullptr);
        }
    }
    if (as_json) {
        nlohmann::json out = {{"valid", !any_invalid && !any_unreadable}, {"files", all}};
        // replace: file names from the command line need not be UTF-8.
        std::printf("%s\n", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    }
    std::fflush(stdout);
    return any_unreadable ? 2 : any_invalid ? 1 : 0;
}
