// benchmark_compare.h - the companies' side of the benchmark (docs/benchmark.md section 4): reading a
// benchmark.json the municipality published, and where one company's result stands in it.
//
// Index
//   - kMaxBenchmarkBytes     the largest benchmark file read
//   - BenchmarkCount         a published count: a number, "under k", or hidden
//   - Benchmark...           the file as read: years, groups (all, sector, size band), parts
//   - mentions_benchmark     cheap test: do these bytes look like a benchmark (the app's file intake)
//   - read_benchmark         bytes -> Benchmark, every problem a Diagnostic (benchmark.*, json.*)
//   - BenchmarkGroups        the company's own sector and size band, and its assessment year
//   - BenchmarkPlace, place_in_benchmark   per part (overall, each principle) and group: the published
//                            quartiles and the company's position, or why there is no figure
//
// What a company may see is exactly what was published: a group the file shows as "under k" or as
// hidden (null) gives no figure, and a file that shows quartiles for a group under k is refused
// (benchmark.quartiles.small_group), so the app never passes on a figure the disclosure rules of
// docs/aggregation.md section 12 withhold.
#pragma once
#include "core/diagnostics.h"
#include "core/questionnaire.h"
#include "core/scoring.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

inline constexpr std::size_t kMaxBenchmarkBytes = 4u << 20; // 4 MiB: 600 organisations over three years are 90 KB

// A count as published: a number (0 included), {"under": k} (1 to k-1), or null (hidden).
struct BenchmarkCount {
    enum class Kind { Number, Under, Hidden };
    Kind kind = Kind::Hidden;
    long long value = 0; // Number: the count; Under: k
    bool published() const { return kind == Kind::Number; }
};

struct BenchmarkPart {
    std::string kind; // "overall", "principle", "theme"
    std::string id;
    BenchmarkCount n;
    std::optional<double> q1, median, q3; // percent; present only when n is published and at least minGroup
};

struct BenchmarkGroup {
    std::string dimension; // "all", "sector", "size"
    std::string group;     // "all", a sector's option id, a size band, or "unknown"
    BenchmarkCount organisations;
    std::vector<BenchmarkPart> parts;
    const BenchmarkPart* part(const std::string& kind, const std::string& id) const;
};

struct BenchmarkYear {
    int year = 0;
    std::vector<BenchmarkGroup> groups;
    const BenchmarkGroup* group(const std::string& dimension, const std::string& group) const;
};

struct Benchmark {
    std::string file;
    std::string questionnaire_id, questionnaire_version;
    std::string created; // YYYY-MM-DD
    long long min_group = 0;
    std::vector<BenchmarkYear> years; // ascending
};

// True when the bytes mention the benchmark format: worth reading as one (a substring search).
bool mentions_benchmark(std::string_view bytes);

// Reads a benchmark file. nullopt (and errors in `out`) when it is not one this program reads, is
// malformed, is for another questionnaire than `questionnaire_id`, or shows a figure the disclosure
// rules withhold. Warnings (unknown fields) do not stop it.
std::optional<Benchmark> read_benchmark(std::string_view bytes, const std::string& file, const std::string& questionnaire_id,
                                        Diagnostics& out);

// Who the company is compared with: its sector (the sector question's option id, "" when
// unanswered), its size band (size_band of the employee count, "unknown" when none) and the year of
// its assessment (of `updated`, 0 when unknown).
struct BenchmarkGroups {
    std::string sector;
    std::string size;
    int year = 0;
};
BenchmarkGroups benchmark_groups(const Questionnaire& questionnaire, const Answers& answers, const std::string& updated);

// Where the company's value lies against a group's published quartiles (Q1 and Q3 inclusive in Middle).
enum class BenchmarkPosition { Below, Middle, Above };

// One group's line for one part.
struct BenchmarkPlace {
    enum class Status {
        Shown,      // quartiles published: q1, median, q3 (and n) set; position when the company has a value
        Small,      // the group (or its count for this part) is published as "under k"
        Hidden,     // hidden so that a small group cannot be worked out
        NotInFile,  // the file has no such group (no organisation of that sector or size that year)
        NoGroup,    // the company has no sector / size band in its profile
    };
    std::string dimension, group; // "all"/"all", "sector"/<id>, "size"/<band>
    Status status = Status::NotInFile;
    std::optional<long long> n;
    std::optional<double> q1, median, q3;
    std::optional<BenchmarkPosition> position;
};

struct BenchmarkPartPlace {
    std::string kind, id;      // "overall"/"overall" or "principle"/<id>
    std::optional<double> own; // the company's percent, rounded to one decimal as the file's figures
    std::vector<BenchmarkPlace> places; // all, own sector, own size band (in that order)
};

struct BenchmarkComparison {
    int year = 0;              // the year compared with
    bool own_year = false;     // it is the company's assessment year (else the newest in the file)
    int assessment_year = 0;   // the company's year (BenchmarkGroups::year), 0 when unknown
    long long min_group = 0;
    std::vector<BenchmarkPartPlace> parts; // overall (when the file has it), then the questionnaire's principles
};

// The company's scores against the benchmark's year `groups.year` when the file has it, else its
// newest year. Parts are matched by id; a principle the file does not have is left out.
BenchmarkComparison place_in_benchmark(const Benchmark& benchmark, const Questionnaire& questionnaire, const ScoreSummary& own,
                                       const BenchmarkGroups& groups);

} // namespace mf
