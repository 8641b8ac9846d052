// benchmark_model.cpp - "Compare with others" on the results screen (model.h, "Compare with others";
// docs/benchmark.md section 4).
//
// Index
//   - ask_for_served_benchmark   once, when the results screen is first shown with a result
//   - served_file_arrived        the host's answer: benchmark.json from the app's folder, or none
//   - choose_benchmark           the user's own file (it arrives through the file intake)
//   - benchmark_received         core reads it (read_benchmark); a bad file keeps its reasons; a
//                                user's file of another format goes on to the import
//   - benchmark_comparison       core places the company (place_in_benchmark)
//
// The host only moves bytes; reading and judging the file is core's, deciding when to ask is here.
#include "app/model/model.h"

#include "core/scoring.h"

namespace mf {

void AppModel::ask_for_served_benchmark() {
    if (benchmark_.status != BenchmarkState::Status::NotAsked) return;
    benchmark_.status = BenchmarkState::Status::Fetching;
    host_.fetch_beside_app(kServedBenchmarkFile);
}

void AppModel::served_file_arrived(const std::string& name, bool found, std::string_view bytes) {
    if (loaded() && !english_file_.empty() && name == english_file_) return english_arrived(found, bytes);
    // Only the answer to our question, and never over a file the user chose meanwhile.
    if (!loaded() || name != kServedBenchmarkFile || benchmark_.status != BenchmarkState::Status::Fetching) return;
    if (!found) {
        benchmark_.status = BenchmarkState::Status::Absent;
        return;
    }
    benchmark_received(name, bytes, true);
}

void AppModel::choose_benchmark() {
    import_purpose_ = ImportPurpose::Ask;
    std::string error;
    if (!host_.choose_file(benchmark_path_, error)) {
        benchmark_ = BenchmarkState{};
        benchmark_.status = BenchmarkState::Status::Bad;
        benchmark_.file = benchmark_path_;
        benchmark_.problems.push_back(Diagnostic{Diagnostic::Severity::Error, benchmark_path_, "", error});
    }
}

std::string& AppModel::benchmark_path() { return benchmark_path_; }

bool AppModel::benchmark_received(const std::string& name, std::string_view bytes, bool served) {
    BenchmarkState next;
    next.served = served;
    next.file = name;
    next.benchmark = read_benchmark(bytes, name, questionnaire().id, next.problems);
    // A user's file that only mentions the format (a result whose answer quotes it) is not one.
    const bool other_format = !next.problems.empty() && next.problems.front().code == "benchmark.format.wrong";
    if (!served && other_format) return false;
    next.status = next.benchmark ? BenchmarkState::Status::Loaded : BenchmarkState::Status::Bad;
    if (!served && next.benchmark) notify("results.benchmark.loaded", {{"file", name}});
    if (next.benchmark) next.problems.clear(); // warnings (unknown fields) are for the file's maker, not the company
    benchmark_ = std::move(next);
    return true;
}

std::optional<BenchmarkComparison> AppModel::benchmark_comparison() const {
    if (!loaded() || !benchmark_.benchmark) return std::nullopt;
    const Assessment& a = session_.assessment;
    const ScoreSummary own = summarise(questionnaire(), compute_scores(questionnaire(), a.answers));
    return place_in_benchmark(*benchmark_.benchmark, questionnaire(), own, benchmark_groups(questionnaire(), a.answers, a.updated));
}

} // namespace mf
