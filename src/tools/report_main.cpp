// report_main.cpp - mf-report: the printable report of a result file, as the app makes it.
//
// Index
//   - kUsage     the --help text
//   - load_result  import_result_file with every diagnostic printed (warnings do not stop it)
//   - main       exit 0: report written; 1: a result file cannot be used; 2: usage, questionnaire or I/O
//
// The page is core's report_html (core/report.h), so the municipality and consultants print exactly
// what respondents see in the app. Scores are computed from the answers, not taken from the file.
#include "core/clock.h"
#include "core/report.h"
#include "core/result.h"
#include "core/scoring.h"
#include "tools/tool_support.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>

using namespace mf;

namespace {

const char* const kUsage =
    "Usage: mf-report --result FILE --out REPORT.html [--questionnaire FILE] [--earlier FILE]\n"
    "                 [--date YYYY-MM-DD]\n"
    "\n"
    "Writes the printable report (one self-contained HTML page: results, charts, recommendations and\n"
    "action plan) for a result file exported from Mangfoldighedstjek. Open it in a browser and print\n"
    "it, or save it as PDF (A4).\n"
    "\n"
    "Options:\n"
    "  --result FILE         the result file (.json) to report on\n"
    "  --out FILE            where to write the HTML page\n"
    "  --questionnaire FILE  the questionnaire (default: the shipped questionnaires/aktoersporet.json)\n"
    "  --earlier FILE        an earlier result file of the same organisation, to compare with\n"
    "  --date YYYY-MM-DD     the report's date (default: today, UTC)\n"
    "  --help                this text\n"
    "\n"
    "Problems with the files are printed as \"file: /json/pointer: message\". Warnings (for example\n"
    "another questionnaire version) do not stop the report.\n"
    "\n"
    "Exit status: 0 report written, 1 a result file cannot be used, 2 usage error, unusable\n"
    "questionnaire or a file that cannot be written.\n";

std::optional<ImportedResult> load_result(const std::string& path, const Questionnaire& q) {
    ImportOutcome outcome = import_result_file(path, q);
    for (const Diagnostic& d : outcome.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    return outcome.result;
}

} // namespace

int main(int argc, char** argv) {
    std::string questionnaire_path, result_path, earlier_path, out_path, date;
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        auto value = [&](std::string& target) {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "mf-report: %s needs a value\n\n%s", a, kUsage);
                std::exit(2);
            }
            target = argv[++i];
        };
        if (!std::strcmp(a, "--help") || !std::strcmp(a, "-h")) {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (!std::strcmp(a, "--questionnaire")) value(questionnaire_path);
        else if (!std::strcmp(a, "--result")) value(result_path);
        else if (!std::strcmp(a, "--earlier")) value(earlier_path);
        else if (!std::strcmp(a, "--out")) value(out_path);
        else if (!std::strcmp(a, "--date")) value(date);
        else {
            std::fprintf(stderr, "mf-report: unknown argument \"%s\"\n\n%s", a, kUsage);
            return 2;
        }
    }
    if (result_path.empty() || out_path.empty()) {
        std::fprintf(stderr, "mf-report: --result and --out are required\n\n%s", kUsage);
        return 2;
    }
    if (date.empty()) date = today_date_utc();
    else if (!is_valid_date(date)) {
        std::fprintf(stderr, "mf-report: --date: \"%s\" is not a date of the form YYYY-MM-DD\n", date.c_str());
        return 2;
    }
    if (questionnaire_path.empty()) {
        questionnaire_path = find_shipped_questionnaire(argv[0]);
        if (questionnaire_path.empty()) {
            std::fprintf(stderr, "mf-report: the shipped questionnaire was not found; give --questionnaire FILE\n");
            return 2;
        }
    }
    std::optional<Questionnaire> q = load_tool_questionnaire(questionnaire_path);
    if (!q) return 2;

    std::optional<ImportedResult> result = load_result(result_path, *q);
    if (!result) return 1;
    ReportOptions options;
    options.date = date;
    if (!earlier_path.empty()) {
        std::optional<ImportedResult> earlier = load_result(earlier_path, *q);
        if (!earlier) return 1;
        options.earlier = ReportEarlier{earlier->assessment.created, earlier->stored_scores};
    }

    const Scores scores = compute_scores(*q, result->assessment.answers);
    const std::string html = report_html(*q, result->assessment, scores, options);
    std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
    out.write(html.data(), std::streamsize(html.size()));
    out.close();
    if (!out) {
        std::fprintf(stderr, "%s: cannot write the report\n", out_path.c_str());
        return 2;
    }
    return 0;
}
