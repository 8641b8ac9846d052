// calendar_main.cpp - mf-calendar: the follow-up dates of result files' action plans as one .ics file.
//
// Index
//   - kUsage       the --help text
//   - read_inputs  result files and bundles (every member) through import_result, every problem printed
//   - main         exit 0: written; 1: a file could not be used (the others are written) or no date
//                  to write; 2: usage, questionnaire or I/O
//
// The calendar is core's follow_up_calendar (core/calendar.h), exactly what the app's "Tilføj
// opfølgning til kalenderen" saves, for a consultant or the municipality with many files at hand.
#include "core/bundle.h"
#include "core/calendar.h"
#include "core/clock.h"
#include "core/json_input.h"
#include "core/result.h"
#include "tools/tool_support.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

using namespace mf;

namespace {

const char* const kUsage =
    "Usage: mf-calendar --out FILE.ics [--lang da|en] [--stamp TIME] [--questionnaire Q] RESULT...\n"
    "\n"
    "Writes the follow-up dates of the action plans in result files (and in the workshop list's\n"
    "\"export all\" bundles) as one iCalendar file: an all-day event per focus area on its follow-up\n"
    "date, with the goal, the indicator and who is responsible, and a reminder a week before.\n"
    "Importing the file again after a change updates the events instead of adding new ones.\n"
    "\n"
    "Options:\n"
    "  --out FILE            where to write the .ics file\n"
    "  --lang da|en          the language of the events' texts (default da)\n"
    "  --stamp TIME          the time written as DTSTAMP, YYYY-MM-DDTHH:MM:SSZ (default: now, UTC)\n"
    "  --questionnaire FILE  the questionnaire (default: the shipped questionnaires/aktoersporet.json)\n"
    "  --help                this text\n"
    "\n"
    "Problems with the files are printed as \"file: /json/pointer: message\".\n"
    "\n"
    "Exit status: 0 written, 1 some file could not be used (the others are written) or there is no\n"
    "follow-up date to write, 2 usage error, unusable questionnaire or a file that cannot be written.\n";

// Each usable result (a bundle's members one by one) as a calendar organisation; false when any
// file or member could not be used.
bool read_inputs(const std::vector<std::string>& paths, const Questionnaire& q, std::vector<CalendarOrganisation>& out) {
    bool all = true;
    auto take = [&](std::string_view text, const std::string& name) {
        ImportOutcome in = import_result(text, name, q);
        for (const Diagnostic& d : in.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
        if (in.result) out.push_back(calendar_organisation(q, in.result->assessment));
        else all = false;
    };
    for (const std::string& path : paths) {
        std::string bytes;
        Diagnostics problems;
        if (!read_file_bytes(path, bytes, problems, kMaxBundleBytes)) {
            for (const Diagnostic& d : problems) std::fprintf(stderr, "%s\n", d.to_string().c_str());
            all = false;
            continue;
        }
        std::vector<BundleMember> members;
        const BundleRead read = mentions_bundle(bytes) ? read_bundle(bytes, path, members, problems) : BundleRead::NotBundle;
        for (const Diagnostic& d : problems) std::fprintf(stderr, "%s\n", d.to_string().c_str());
        if (read == BundleRead::Bad || has_errors(problems)) all = false;
        if (read == BundleRead::NotBundle) take(bytes, path);
        for (const BundleMember& m : members) take(m.text, m.file);
    }
    return all;
}

} // namespace

int main(int argc, char** argv) {
    std::string out_path, lang = "da", stamp, questionnaire_path;
    std::vector<std::string> inputs;
    for (int i = 1; i < argc; ++i) {
        const char* a = argv[i];
        auto value = [&](std::string& target) {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "mf-calendar: %s needs a value\n\n%s", a, kUsage);
                std::exit(2);
            }
            target = argv[++i];
        };
        if (!std::strcmp(a, "--help") || !std::strcmp(a, "-h")) {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (!std::strcmp(a, "--out")) value(out_path);
        else if (!std::strcmp(a, "--lang")) value(lang);
        else if (!std::strcmp(a, "--stamp")) value(stamp);
        else if (!std::strcmp(a, "--questionnaire")) value(questionnaire_path);
        else if (a[0] == '-' && a[1] != '\0') {
            std::fprintf(stderr, "mf-calendar: unknown option \"%s\"\n\n%s", a, kUsage);
            return 2;
        } else inputs.push_back(a);
    }
    if (out_path.empty() || inputs.empty()) {
        std::fprintf(stderr, "mf-calendar: --out and at least one result file are required\n\n%s", kUsage);
        return 2;
    }
    if (lang != "da" && lang != "en") {
        std::fprintf(stderr, "mf-calendar: --lang is da or en, not \"%s\"\n", lang.c_str());
        return 2;
    }
    if (stamp.empty()) stamp = now_timestamp();
    if (!is_valid_timestamp(stamp)) {
        std::fprintf(stderr, "mf-calendar: --stamp \"%s\" is not a time like 2026-11-30T12:00:00Z\n", stamp.c_str());
        return 2;
    }
    if (questionnaire_path.empty()) questionnaire_path = find_shipped_questionnaire(argv[0]);
    if (questionnaire_path.empty()) {
        std::fprintf(stderr, "mf-calendar: cannot find questionnaires/aktoersporet.json; pass --questionnaire FILE\n");
        return 2;
    }
    std::optional<Questionnaire> q = load_tool_questionnaire(questionnaire_path);
    if (!q) return 2;

    std::vector<CalendarOrganisation> organisations;
    const bool all_read = read_inputs(inputs, *q, organisations);
    const std::string ics = follow_up_calendar(*q, organisations, lang, stamp);
    if (ics.empty()) {
        std::fprintf(stderr, "mf-calendar: no focus area with a follow-up date in the files; nothing written\n");
        return 1;
    }
    std::ofstream f(out_path, std::ios::binary);
    f << ics;
    if (!f) {
        std::fprintf(stderr, "mf-calendar: %s: cannot write the file\n", out_path.c_str());
        return 2;
    }
    std::printf("mf-calendar: %zu follow-up dates of %zu organisations in %s\n", follow_up_event_count(organisations),
                organisations.size(), out_path.c_str());
    return all_read ? 0 : 1;
}
