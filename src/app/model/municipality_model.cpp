// municipality_model.cpp - the municipality's overview without its drawing (see municipality_model.h).
//
// Index
//   - receiving    announced, received (bundles expanded by core), rejected, clear
//   - recompute    aggregate() over the checks in file-name order, throttled while loading; publish()
//                  with the chosen year and k (again, alone, when only those change)
//   - not_counted_text   a file not counted: newer assessment, or the same file sent again
//   - exports      the CLI's writers over the current aggregate and publication
#include "app/model/municipality_model.h"

#include "core/barometer.h"
#include "core/benchmark.h"
#include "core/bundle.h"

#include <nlohmann/json.hpp>
#include <utility>

#include <algorithm>
#include <chrono>

namespace mf {

MunicipalityModel::MunicipalityModel(const Questionnaire& questionnaire) : questionnaire_(&questionnaire) {
    csv.decimal_comma = true;
}

std::size_t MunicipalityModel::max_file_bytes() const { return kMaxBundleBytes; }

// ---------------------------------------------------------------------------------------------
// Receiving
// ---------------------------------------------------------------------------------------------
void MunicipalityModel::files_announced(std::size_t count) {
    if (!loading()) announced_ = arrived_ = 0;
    announced_ += count;
}

void MunicipalityModel::add_check(FileCheck check) {
    auto it = by_name_.find(check.file);
    if (it != by_name_.end()) {
        checks_[it->second] = std::move(check);
        ++replaced_;
    } else {
        by_name_.emplace(check.file, checks_.size());
        checks_.push_back(std::move(check));
    }
    stale_ = true;
}

void MunicipalityModel::file_received(const std::string& name, std::string_view bytes) {
    if (drop_arriving_file()) return;
    for (FileCheck& check : check_results(bytes, name, *questionnaire_)) add_check(std::move(check));
    file_arrived();
}

void MunicipalityModel::file_refused(const std::string& name, std::size_t bytes, Diagnostic why) {
    if (drop_arriving_file()) return;
    FileCheck c;
    c.file = name;
    c.bytes = bytes;
    why.file = name;
    why.severity = Diagnostic::Severity::Error;
    c.diagnostics.push_back(std::move(why));
    add_check(std::move(c));
    file_arrived();
}

void MunicipalityModel::file_arrived() {
    if (++arrived_ > announced_) announced_ = arrived_;
    if (!loading()) finished_reading_ = arrived_;
}

std::size_t MunicipalityModel::take_finished_reading() { return std::exchange(finished_reading_, 0); }

bool MunicipalityModel::drop_arriving_file() {
    if (dropping_ == 0) return false;
    --dropping_;
    return true;
}

void MunicipalityModel::clear() {
    // The host reads a loading's files in order and asks before each one (file_announced) or hands
    // over one it had begun to read (file_received, file_refused): those of the cleared loading come
    // before any of a new one, so dropping the next `on_the_way` files drops exactly them.
    const std::size_t on_the_way = dropping_ + (announced_ - arrived_);
    const CsvOptions kept_csv = csv;
    const std::string kept_paths = paths;
    const std::size_t kept_k = publish_.min_group;
    double (*kept_clock)() = cost_clock;
    *this = MunicipalityModel(*questionnaire_);
    cost_clock = kept_clock;
    csv = kept_csv;
    paths = kept_paths;
    publish_.min_group = kept_k;
    dropping_ = on_the_way;
}

void MunicipalityModel::set_min_group(std::size_t k) {
    publish_.min_group = std::max(k, kSmallestMinGroup);
    republish();
}

void MunicipalityModel::set_year(std::optional<int> year) {
    publish_.year = year;
    republish();
}

// The published figures again (cheap): a year the files do not hold falls back to the latest.
void MunicipalityModel::republish() {
    if (!result_) return;
    PublishOptions options = publish_;
    if (options.year && !publication_year_problem(result_->rows, options).empty()) options.year.reset();
    publication_ = publish(*questionnaire_, result_->rows, options);
}

void MunicipalityModel::set_keep_duplicates(bool keep) {
    if (options_.keep_duplicates == keep) return;
    options_.keep_duplicates = keep;
    stale_ = true;
}

// ---------------------------------------------------------------------------------------------
// Recompute: the whole aggregate and its publication again, spaced out while files arrive.
// ---------------------------------------------------------------------------------------------
double MunicipalityModel::steady_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void MunicipalityModel::recompute(double time) {
    if (!stale_) return;
    if (loading() && computed_at_ >= 0 && time - computed_at_ < std::max(0.5, 4 * recompute_cost_)) return;
    const double started = cost_clock();
    std::vector<FileCheck> sorted;
    sorted.reserve(checks_.size());
    for (const auto& entry : by_name_) sorted.push_back(checks_[entry.second]);
    result_ = aggregate(*questionnaire_, std::move(sorted), options_);
    republish();
    stale_ = false;
    computed_at_ = time;
    recompute_cost_ = cost_clock() - started;
    rejections_.clear();
    superseded_.clear();
    for (const FileReport& f : result_->files) {
        if (f.status == FileReport::Status::Rejected)
            for (const Diagnostic& d : f.diagnostics)
                if (d.severity == Diagnostic::Severity::Error) rejections_.push_back(d);
        if (f.status == FileReport::Status::Superseded) superseded_.push_back(NotCounted{f.file, f.superseded_by, f.same_file});
    }
}

std::string not_counted_text(const Texts& texts, const MunicipalityModel::NotCounted& file) {
    if (file.same_file) return texts("muni.resent_line", {{"file", file.file}, {"by", file.by}});
    return texts("muni.superseded_line", {{"file", file.file}, {"by", file.by}});
}

// ---------------------------------------------------------------------------------------------
// Exports: the same bytes as mf-aggregate writes
// ---------------------------------------------------------------------------------------------
std::string MunicipalityModel::rows_csv_text() const { return result_ ? rows_csv(*questionnaire_, *result_, csv) : std::string(); }

std::string MunicipalityModel::summary_csv_text() const {
    return publication_ ? summary_csv(*questionnaire_, *publication_, csv) : std::string();
}

std::string MunicipalityModel::summary_json_text() const {
    return result_ && publication_ ? summary_json(*questionnaire_, *result_, *publication_).dump(2) + "\n" : std::string();
}

std::string MunicipalityModel::barometer_html_text(const std::string& language, const std::string& date) const {
    if (!result_ || !publication_) return std::string();
    BarometerOptions b; // as mf-aggregate --barometer
    b.language = language;
    b.date = date;
    b.files_read = result_->files.size();
    b.files_accepted = result_->accepted;
    b.files_rejected = result_->rejected;
    return barometer_html(*questionnaire_, *publication_, b);
}

std::string MunicipalityModel::benchmark_json_text(const std::string& date) const {
    return publication_ ? benchmark_json(*questionnaire_, *publication_, date).dump() + "\n" : std::string();
}

} // namespace mf
