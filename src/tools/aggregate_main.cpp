// aggregate_main.cpp - mf-aggregate: check many result files and write the municipality's figures.
//
// Index
//   - Options, parse_args    the command line (see usage())
//   - collect_files          arguments -> files: folders recursively (*.json), sorted by path
//   - check_all              check_result on every file (every member of a bundle), optionally on several threads; the
//                            checks go to the AggregateBuilder in input order, so the output never depends on --threads
//   - report                 per-file problems on stderr, the summary (published figures) on stdout
//   - write_outputs          the internal rows, and the published figures: summary, barometer, benchmark
//   - main                   exit 0: every file good; 1: some files rejected; 2: usage or I/O error
//
// All checking and arithmetic is core (aggregate.h, publication.h, aggregate_output.h, barometer.h,
// benchmark.h), shared with the app. Everything but the rows goes through disclosure control.
#include "core/aggregate.h"
#include "core/action_plan.h"
#include "core/aggregate_output.h"
#include "core/barometer.h"
#include "core/benchmark.h"
#include "core/bundle.h"
#include "core/clock.h"
#include "core/json_fast.h"
#include "core/json_input.h"
#include "core/scoring.h"
#include "platform/file_list.h"
#include "tools/tool_support.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

using namespace mf;

namespace {

const char* const kUsage =
    "Usage: mf-aggregate [options] FILE_OR_FOLDER...\n"
    "\n"
    "Checks result files from Mangfoldighedstjek and computes the municipality's figures. Folders are\n"
    "searched recursively for *.json files. Every problem is listed per file; bad files are skipped,\n"
    "never silently.\n"
    "\n"
    "Published figures (disclosure control applied: groups under --min-group organisations show\n"
    "\"under 5\" and no figure, no hidden number can be worked out from the others; PATH \"-\" means\n"
    "standard output):\n"
    "  --summary-csv PATH    the figures of one year: per group (all, sector, size band) and part\n"
    "                        (overall, principle, theme), sector x size band, the answers to each\n"
    "                        question, and the change for organisations present in both years (CSV)\n"
    "  --summary-json PATH   the same as JSON\n"
    "  --barometer PATH      the barometer: a printable HTML report (A4) of every year\n"
    "  --benchmark PATH      the benchmark for the companies (JSON, docs/benchmark.md)\n"
    "\n"
    "Internal (never publish; the file name must contain \"intern\"):\n"
    "  --rows-csv PATH       one row per organisation (CSV), without contact person and e-mail\n"
    "  --rows-json PATH      the same rows as JSON, with every file's status and problems\n"
    "  --with-contacts       include the contact person and e-mail in the rows\n"
    "\n"
    "Options:\n"
    "  --year YYYY           the year of the summary and the barometer (default: the latest)\n"
    "  --compare-year YYYY   the year the change is measured from (default: the year before with\n"
    "                        organisations)\n"
    "  --min-group K         the smallest group shown (default 5, at least 3)\n"
    "  --lang da|en          the language of the barometer and of the CSV files' headers and texts\n"
    "                        (default en)\n"
    "  --date YYYY-MM-DD     the date in the barometer and the benchmark (default: today, UTC)\n"
    "  --keep-duplicates     the rows: every file; by default only the newest assessment per CVR\n"
    "  --include-unfinished  count the members a workshop bundle marks unfinished (not every question\n"
    "                        answered); by default they are listed and not counted\n"
    "  --separator SEP       CSV separator: ';' (default, Danish Excel), ',' or 'tab'\n"
    "  --decimal-comma       write 52,5 instead of 52.5 (for Danish Excel)\n"
    "  --no-bom              CSV without the UTF-8 byte order mark\n"
    "  --questionnaire PATH  the current questionnaire (default: questionnaires/aktoersporet.json\n"
    "                        next to the program or in the source tree above it)\n"
    "  --threads N           read and check files on N threads (default: the number of cores)\n"
    "  --quiet               list only rejected files' reasons, not warnings and duplicates\n"
    "  --full-import         check every file with the full import only, not the fast path for\n"
    "                        well-formed files first (slower; the output is the same)\n"
    "  --help                this text\n"
    "\n"
    "Exit status: 0 every file accepted, 1 some files rejected, 2 usage or I/O error.\n"
    "docs/aggregation.md defines every column, figure and rule.\n";

struct Options {
    std::vector<std::string> inputs;
    std::string rows_csv, rows_json, summary_csv, summary_json, barometer, benchmark, questionnaire, date;
    AggregateOptions aggregate;
    BundleOptions bundle;
    PublishOptions publish;
    CsvOptions csv;
    RowsOptions rows;
    unsigned threads = 0;
    bool quiet = false;
};

[[noreturn]] void usage_error(const std::string& message) {
    std::fprintf(stderr, "mf-aggregate: %s\nRun mf-aggregate --help for usage.\n", message.c_str());
    std::exit(2);
}

long number_arg(const std::string& option, const std::string& v, long lo, long hi, const char* what) {
    char* end = nullptr;
    const long n = std::strtol(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n < lo || n > hi) usage_error(option + " expects " + what + ", got \"" + v + "\"");
    return n;
}

// The per-organisation rows are internal: their file name says so (docs/aggregation.md section 7).
void check_internal_name(const std::string& option, const std::string& path) {
    if (path == "-") return;
    const std::size_t slash = path.find_last_of("/\\");
    std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name.find("intern") == std::string::npos)
        usage_error(option + " writes one row per organisation, which must not be published: its file name must contain \"intern\" "
                    "(for example organisationer-intern.csv), got \"" + path + "\"");
}

Options parse_args(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage_error(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--help" || arg == "-h") {
            std::fputs(kUsage, stdout);
            std::exit(0);
        } else if (arg == "--rows-csv") o.rows_csv = value();
        else if (arg == "--rows-json") o.rows_json = value();
        else if (arg == "--summary-csv") o.summary_csv = value();
        else if (arg == "--summary-json") o.summary_json = value();
        else if (arg == "--barometer") o.barometer = value();
        else if (arg == "--benchmark") o.benchmark = value();
        else if (arg == "--questionnaire") o.questionnaire = value();
        else if (arg == "--date") o.date = value();
        else if (arg == "--with-contacts") o.rows.with_contacts = true;
        else if (arg == "--min-group")
            o.publish.min_group = static_cast<std::size_t>(number_arg(arg, value(), static_cast<long>(kSmallestMinGroup), 1000, "a number from 3 to 1000"));
        else if (arg == "--year") o.publish.year = static_cast<int>(number_arg(arg, value(), 1900, 9999, "a year (YYYY)"));
        else if (arg == "--compare-year") o.publish.compare_year = static_cast<int>(number_arg(arg, value(), 1900, 9999, "a year (YYYY)"));
        else if (arg == "--lang") {
            const std::string lang = value();
            if (lang != "da" && lang != "en") usage_error("--lang must be da or en, got \"" + lang + "\"");
            o.csv.language = lang;
        } else if (arg == "--keep-duplicates") o.aggregate.keep_duplicates = true;
        else if (arg == "--include-unfinished") o.bundle.count_unfinished = true;
        else if (arg == "--decimal-comma") o.csv.decimal_comma = true;
        else if (arg == "--no-bom") o.csv.bom = false;
        else if (arg == "--quiet") o.quiet = true;
        else if (arg == "--full-import") o.bundle.import_path = ImportPath::FullOnly;
        else if (arg == "--separator") {
            const std::string sep = value();
            if (sep == ";" || sep == ",") o.csv.separator = sep[0];
            else if (sep == "tab" || sep == "\t") o.csv.separator = '\t';
            else usage_error("--separator must be ';', ',' or 'tab', got \"" + sep + "\"");
        } else if (arg == "--threads") {
            o.threads = static_cast<unsigned>(number_arg(arg, value(), 1, 256, "a number from 1 to 256"));
        } else if (arg == "--") {
            for (++i; i < argc; ++i) o.inputs.push_back(argv[i]);
        } else if (arg.size() > 1 && arg[0] == '-') {
            usage_error("unknown option \"" + arg + "\"");
        } else {
            o.inputs.push_back(arg);
        }
    }
    if (o.inputs.empty()) usage_error("no result files or folders given");
    if (o.csv.decimal_comma && o.csv.separator == ',') usage_error("--decimal-comma needs a separator other than ','");
    if (!o.rows_csv.empty()) check_internal_name("--rows-csv", o.rows_csv);
    if (!o.rows_json.empty()) check_internal_name("--rows-json", o.rows_json);
    if (o.date.empty()) o.date = today_date_utc();
    else if (!is_valid_date(o.date)) usage_error("--date: \"" + o.date + "\" is not a date of the form YYYY-MM-DD");
    return o;
}

// Files named on the command line are taken as they are; folders give their *.json files, sorted
// (platform::list_json_files, shared with the desktop app). False (with a message) when an argument does not
// exist or a folder cannot be listed.
bool collect_files(const std::vector<std::string>& inputs, std::vector<std::string>& files, std::vector<bool>& listed) {
    std::vector<std::pair<std::string, std::string>> problems;
    files = platform::list_json_files(inputs, problems, &listed);
    for (const auto& p : problems) std::fprintf(stderr, "mf-aggregate: %s: %s\n", p.first.c_str(), p.second.c_str());
    return problems.empty();
}

// One path: a single result file as before, or a bundle (several results, "export all" of the
// workshop list) when its bytes mention the bundle format; then one check per member.
// `regular`: found as a regular file listing its folder (FileReader::read).
std::vector<FileCheck> check_path(const std::string& path, bool regular, const Questionnaire& q, const BundleOptions& bundle,
                                  FileReader& reader, std::string& buffer, FastDocument& scratch) {
    Diagnostics diagnostics;
    // Moved into the vector: a braced list would copy the check (and its row) out of an initializer_list.
    std::vector<FileCheck> checks;
    if (!reader.read(path, buffer, diagnostics, kMaxBundleBytes, regular)) {
        FileCheck check;
        check.file = path;
        check.diagnostics = std::move(diagnostics);
        checks.push_back(std::move(check));
        return checks;
    }
    if (!mentions_bundle(buffer)) {
        checks.push_back(check_result(buffer, path, q, bundle.import_path, &scratch));
        return checks;
    }
    return check_results(buffer, path, q, bundle, &scratch);
}

// Checks every file and aggregates as it goes: each file's checks are handed to the AggregateBuilder
// in input order as soon as every earlier file's are (a file that finishes early waits beside it), so
// no array of all the FileChecks is ever held (at 100,000 files that array alone was 92 MB).
Aggregate check_all(std::vector<std::string> files, const std::vector<bool>& listed, const Questionnaire& q, const BundleOptions& bundle,
                    unsigned threads, const AggregateOptions& options) {
    AggregateBuilder builder(q, options, files.size());
    std::map<std::size_t, std::vector<FileCheck>> waiting; // checked ahead of an earlier file (a few at most)
    std::size_t handed = 0; // files [0, handed) are in the builder
    std::mutex mutex;
    std::atomic<std::size_t> next{0};
    auto work = [&]() {
        FileReader reader;    // keeps the folder of the last file open (files are listed folder by folder)
        std::string buffer;   // reused: file after file of similar size, no new allocation
        FastDocument scratch; // the same for the fast reader's buffers
        for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
            std::vector<FileCheck> checks = check_path(files[i], listed[i], q, bundle, reader, buffer, scratch);
            std::string().swap(files[i]); // its report has the name: the next file's row reuses the memory
            const std::lock_guard<std::mutex> lock(mutex);
            if (i != handed) {
                waiting.emplace(i, std::move(checks));
                continue;
            }
            for (FileCheck& c : checks) builder.add(std::move(c));
            ++handed;
            for (auto next_ready = waiting.begin(); next_ready != waiting.end() && next_ready->first == handed; next_ready = waiting.erase(next_ready)) {
                for (FileCheck& c : next_ready->second) builder.add(std::move(c));
                ++handed;
            }
        }
    };
    if (threads <= 1 || files.size() < 64) {
        work();
    } else {
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
        work();
        for (std::thread& t : pool) t.join();
    }
    // The reports hold the names now: the list goes before the rows are sorted and counted.
    std::vector<std::string>().swap(files);
    return builder.finish();
}

// An output written in pieces as `produce` hands them over (the rows CSV, without its whole text in memory).
bool write_output_by_parts(const std::string& path, const std::function<void(const std::function<void(std::string_view)>&)>& produce) {
    if (path == "-") {
        produce([](std::string_view part) { std::fwrite(part.data(), 1, part.size(), stdout); });
        return true;
    }
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    produce([&](std::string_view part) { f.write(part.data(), static_cast<std::streamsize>(part.size())); });
    f.close();
    if (!f) {
        std::fprintf(stderr, "mf-aggregate: %s: cannot write the file\n", path.c_str());
        return false;
    }
    return true;
}

bool write_output(const std::string& path, const std::string& text) {
    return write_output_by_parts(path, [&](const std::function<void(std::string_view)>& write) { write(text); });
}

std::string fixed1(std::optional<double> x) {
    if (!x) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", round1(*x) == 0 ? 0.0 : round1(*x));
    return buf;
}

// Per-file problems to stderr in input order: every diagnostic as "file: /pointer: message", and
// one line per superseded duplicate.
void report_files(const Aggregate& a, bool quiet) {
    for (const FileReport& f : a.files) {
        if (quiet && f.status != FileReport::Status::Rejected) continue;
        for (const Diagnostic& d : f.diagnostics) {
            if (quiet && d.severity != Diagnostic::Severity::Error) continue;
            std::fprintf(stderr, "%s\n", d.to_string().c_str());
        }
        if (f.status == FileReport::Status::Superseded && f.same_file)
            std::fprintf(stderr, "%s: not counted: the same file sent again (identical to %s)\n", f.file.c_str(), f.superseded_by.c_str());
        else if (f.status == FileReport::Status::Superseded)
            std::fprintf(stderr, "%s: not counted: the same CVR number has a newer assessment in %s\n", f.file.c_str(), f.superseded_by.c_str());
    }
}

void report_summary(const Aggregate& a, const Publication& p, const Options& o) {
    std::printf("files read: %zu (%.1f MB)\n", a.files.size(), static_cast<double>(a.bytes) / 1e6);
    std::printf("  accepted: %zu (counted %zu, superseded by a newer assessment of the same CVR %zu)%s\n", a.accepted, a.counted, a.superseded,
                o.aggregate.keep_duplicates ? " [--keep-duplicates]" : "");
    std::printf("  rejected: %zu\n", a.rejected);
    for (const FileReport& f : a.files)
        if (f.status == FileReport::Status::Rejected) {
            std::string reason;
            for (const Diagnostic& d : f.diagnostics)
                if (d.severity == Diagnostic::Severity::Error) {
                    reason = (d.pointer.empty() ? "" : d.pointer + ": ") + d.message;
                    break;
                }
            std::printf("    %s: %s\n", f.file.c_str(), reason.c_str());
        }
    std::printf("organisations counted: %zu; with assessments from several years: %zu\n", a.counted, a.organisations_with_change);
    if (p.empty()) return;
    std::string years;
    for (const YearFigures& y : p.years) years += (years.empty() ? "" : ", ") + std::to_string(y.year);
    const YearFigures& y = p.year();
    // The published figures only: what this prints may be copied anywhere.
    std::printf("years: %s; figures for %d (groups under %zu organisations are not shown)\n", years.c_str(), y.year, p.min_group);
    std::printf("%-16s %12s %6s %6s %6s %6s\n", "all organisations", "n", "mean", "q1", "median", "q3");
    for (const PartFigures& part : y.all().parts) {
        if (part.kind == PartKind::Theme) continue;
        std::printf("  %-14s %12s %6s %6s %6s %6s\n", part.id.c_str(), count_text(part.n, p.min_group, "en").c_str(), fixed1(part.mean).c_str(),
                    fixed1(part.q1).c_str(), fixed1(part.median).c_str(), fixed1(part.q3).c_str());
    }
    // Goal follow-up, once some file of the year follows up an earlier plan (files from before
    // format 2 print exactly what they printed before); published figures only.
    const GoalFigures& g = y.goals;
    if (g.with_follow_up.count == 0) return;
    std::printf("goals followed up: organisations %s", count_text(g.with_follow_up, p.min_group, "en").c_str());
    if (g.shown) {
        std::printf(", goals %zu", g.followed_up);
        for (std::size_t i = 0; i < g.statuses.size(); ++i) std::printf(", %s %zu", follow_up_status_id(kFollowUpStatuses[i]), g.statuses[i]);
        if (g.progress_shown) std::printf(", median progress %s", fixed1(g.median).c_str());
    }
    std::printf("\n");
}

} // namespace

// glibc's per-thread cache keeps only 7 freed chunks per size. Checking a file frees hundreds of
// small nodes of a few sizes (the parsed document, the answers), the overflow goes to the fastbins
// and smallbins, and the next file's allocations take glibc's slower paths. With a cache of 1000
// the per-file check needs 7 % fewer instructions (callgrind, 1,000 files: 912 M instead of 981 M;
// docs/aggregation.md section 9). The cache size can only be set in the environment before the
// process starts, so the tool restarts itself once with a larger one: the restarted process has
// exactly the environment of a run with the variable set by hand. A GLIBC_TUNABLES the user set is
// left alone; if exec fails the tool simply runs untuned. Same arguments, same output.
void restart_with_larger_malloc_cache(char** argv) {
#if defined(__GLIBC__)
    if (std::getenv("GLIBC_TUNABLES") != nullptr) return;
    setenv("GLIBC_TUNABLES", "glibc.malloc.tcache_count=1000", 1);
    execv("/proc/self/exe", argv);
    unsetenv("GLIBC_TUNABLES"); // exec failed: carry on as we are
#else
    (void)argv;
#endif
}

// The end of a run: stdout flushed, then the process ends without destroying the rows, the
// figures and the questionnaire one allocation at a time (10,000 files: about 150,000 frees, ~3 % of
// the run); the kernel takes the memory back whole. Every output file is closed by then
// (write_output_by_parts). Under AddressSanitizer the normal return, so its leak check still runs.
#if defined(__SANITIZE_ADDRESS__)
#define MF_EXIT_WITHOUT_FREEING 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MF_EXIT_WITHOUT_FREEING 0
#endif
#endif
#ifndef MF_EXIT_WITHOUT_FREEING
#define MF_EXIT_WITHOUT_FREEING 1
#endif
int finish_run(int status) {
    std::fflush(stdout);
#if MF_EXIT_WITHOUT_FREEING
    std::fflush(stderr);
    std::_Exit(status);
#endif
    return status;
}

int main(int argc, char** argv) {
    restart_with_larger_malloc_cache(argv);
    const Options o = parse_args(argc, argv);
    const std::string questionnaire_path = o.questionnaire.empty() ? find_shipped_questionnaire(argv[0]) : o.questionnaire;
    if (questionnaire_path.empty()) {
        std::fprintf(stderr, "mf-aggregate: cannot find questionnaires/aktoersporet.json; pass --questionnaire PATH\n");
        return 2;
    }
    const std::optional<Questionnaire> q = load_tool_questionnaire(questionnaire_path);
    if (!q) {
        std::fprintf(stderr, "mf-aggregate: the questionnaire %s cannot be used\n", questionnaire_path.c_str());
        return 2;
    }

    std::vector<std::string> files;
    std::vector<bool> listed; // per file: found as a regular file listing a folder
    if (!collect_files(o.inputs, files, listed)) return 2;
    if (files.empty()) {
        std::fprintf(stderr, "mf-aggregate: no *.json files found\n");
        return 2;
    }
    const unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
    const Aggregate a = check_all(std::move(files), listed, *q, o.bundle, threads, o.aggregate);
    report_files(a, o.quiet);
    const std::string year_problem = publication_year_problem(a.rows, o.publish);
    if (!year_problem.empty()) {
        std::fprintf(stderr, "mf-aggregate: %s\n", year_problem.c_str());
        return 2;
    }
    // The summary shows one year and the change: the other years' figures are needed only for the
    // barometer and the benchmark (every year up to the summary's).
    PublishOptions publish_options = o.publish;
    publish_options.other_years_counts_only = o.barometer.empty() && o.benchmark.empty();
    const Publication p = publish(*q, a.rows, publish_options);

    bool written = true;
    if (!o.rows_csv.empty())
        written &= write_output_by_parts(o.rows_csv, [&](const std::function<void(std::string_view)>& write) { write_rows_csv(*q, a, o.csv, o.rows, write); });
    if (!o.rows_json.empty()) written &= write_output(o.rows_json, rows_json(*q, a, o.rows, o.csv.language).dump(2) + "\n");
    if (!o.summary_csv.empty()) written &= write_output(o.summary_csv, summary_csv(*q, p, o.csv));
    if (!o.summary_json.empty()) written &= write_output(o.summary_json, summary_json(*q, a, p).dump(2) + "\n");
    if (!o.barometer.empty()) {
        BarometerOptions b;
        b.language = o.csv.language;
        b.date = o.date;
        b.files_read = a.files.size();
        b.files_accepted = a.accepted;
        b.files_rejected = a.rejected;
        written &= write_output(o.barometer, barometer_html(*q, p, b));
    }
    if (!o.benchmark.empty()) written &= write_output(o.benchmark, benchmark_json(*q, p, o.date).dump() + "\n"); // compact: fetched by the app
    // The summary goes to stdout unless an output file is already being written there.
    const bool stdout_taken = o.rows_csv == "-" || o.rows_json == "-" || o.summary_csv == "-" || o.summary_json == "-" || o.barometer == "-" ||
                              o.benchmark == "-";
    if (!stdout_taken) report_summary(a, p, o);
    return finish_run(!written ? 2 : a.rejected > 0 ? 1 : 0);
}
