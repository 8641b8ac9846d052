// municipality_model.cpp - the municipality's overview without its drawing (see municipality_model.h).
//
// Index
//   - receiving    announced, received (bundles expanded by core), rejected, clear
//   - rows         each accepted file's row added once: to the rows publish() reads and to its CVR
//                  number's duplicates (newest first); the counts follow from these
//   - recompute    publish() with the chosen year and k, throttled while loading (again, alone, when
//                  only those change); the lists of rejected and not counted files in file-name order
//   - not_counted_text   a file not counted: newer assessment, or the same file sent again
//   - exports      the CLI's writers over the current aggregate and publication
#include "app/model/municipality_model.h"

#include "core/barometer.h"
#include "core/benchmark.h"
#include "core/bundle.h"
#include "core/json_fast.h"

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
    std::optional<OrganisationRow> row = std::move(check.row);
    check.row.reset();
    std::size_t i = checks_.size();
    if (auto it = by_name_.find(check.file); it != by_name_.end()) {
        i = it->second;
        remove_row(i);
        checks_[i] = std::move(check);
        ++replaced_;
    } else {
        by_name_.emplace(check.file, i);
        checks_.push_back(std::move(check));
        row_of_.push_back(kNoRow);
    }
    if (row) add_row(i, std::move(*row));
    figures_out_of_date();
}

void MunicipalityModel::file_received(const std::string& name, std::string_view bytes) {
    if (drop_arriving_file()) return;
    if (!scratch_) scratch_ = std::make_shared<FastDocument>();
    for (FileCheck& check : check_results(bytes, name, *questionnaire_, {}, scratch_.get())) add_check(std::move(check));
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

// ---------------------------------------------------------------------------------------------
// Rows: added once, kept with their CVR number's duplicates, newest first
// ---------------------------------------------------------------------------------------------
// As aggregate(): an organisation with a change over time has its oldest and newest rows in different years.
bool MunicipalityModel::has_change(const std::vector<std::size_t>& duplicates) const {
    return duplicates.size() > 1 && changed_between_years(rows_[duplicates.back()], rows_[duplicates.front()]);
}

void MunicipalityModel::add_row(std::size_t check, OrganisationRow row) {
    const std::size_t r = rows_.size();
    std::vector<std::size_t>& duplicates = by_cvr_[row.cvr];
    rows_.push_back(std::move(row));
    check_of_.push_back(check);
    row_of_[check] = r;
    with_change_ -= has_change(duplicates) ? 1 : 0;
    const auto at = std::upper_bound(duplicates.begin(), duplicates.end(), r,
                                     [&](std::size_t x, std::size_t y) { return compare_newest_first(rows_[x], rows_[y]) < 0; });
    duplicates.insert(at, r);
    with_change_ += has_change(duplicates) ? 1 : 0;
}

// The row of check `check`, if it has one, leaves rows_ (the last row takes its place).
void MunicipalityModel::remove_row(std::size_t check) {
    const std::size_t r = row_of_[check];
    if (r == kNoRow) return;
    auto group = by_cvr_.find(rows_[r].cvr);
    std::vector<std::size_t>& duplicates = group->second;
    with_change_ -= has_change(duplicates) ? 1 : 0;
    duplicates.erase(std::find(duplicates.begin(), duplicates.end(), r));
    with_change_ += has_change(duplicates) ? 1 : 0;
    if (duplicates.empty()) by_cvr_.erase(group);
    const std::size_t last = rows_.size() - 1;
    if (r != last) {
        std::vector<std::size_t>& moved = by_cvr_.find(rows_[last].cvr)->second;
        *std::find(moved.begin(), moved.end(), last) = r;
        rows_[r] = std::move(rows_[last]);
        check_of_[r] = check_of_[last];
        row_of_[check_of_[r]] = r;
    }
    rows_.pop_back();
    check_of_.pop_back();
    row_of_[check] = kNoRow;
}

MunicipalityModel::Counts MunicipalityModel::current_counts() const {
    Counts c;
    c.files = checks_.size();
    c.accepted = rows_.size();
    c.rejected = c.files - c.accepted;
    c.counted = options_.keep_duplicates ? c.accepted : by_cvr_.size();
    c.superseded = c.accepted - c.counted;
    c.with_change = with_change_;
    return c;
}

void MunicipalityModel::set_min_group(std::size_t k) {
    publish_.min_group = std::max(k, kSmallestMinGroup);
    republish();
}

void MunicipalityModel::set_year(std::optional<int> year) {
    publish_.year = year;
    republish();
}

// The chosen options, with a chosen year the rows cannot publish left out (then the latest).
PublishOptions MunicipalityModel::publication_options() const {
    PublishOptions options = publish_;
    if (options.year && !publication_year_problem(rows_, options).empty()) options.year.reset();
    return options;
}

// The published figures again (cheap): a year the files do not hold falls back to the latest.
void MunicipalityModel::republish() {
    publishing_.reset();
    if (!counts_) return;
    publication_ = publish(*questionnaire_, rows_, publication_options());
}

void MunicipalityModel::set_keep_duplicates(bool keep) {
    if (options_.keep_duplicates == keep) return;
    options_.keep_duplicates = keep;
    figures_out_of_date();
}

// The rows or the options changed: the next recompute starts again, and a publication under way by
// parts (recompute_step) is of the old ones.
void MunicipalityModel::figures_out_of_date() {
    stale_ = true;
    publishing_.reset();
}

// ---------------------------------------------------------------------------------------------
// Recompute: the counts and the publication, spaced out while files arrive.
// ---------------------------------------------------------------------------------------------
double MunicipalityModel::steady_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void MunicipalityModel::recompute(double time) {
    if (!stale_) return;
    publishing_.reset();
    if (loading() && computed_at_ >= 0 && time - computed_at_ < std::max(0.5, 4 * recompute_cost_)) return;
    const double started = cost_clock();
    counts_ = current_counts();
    list_problems();
    // publish() runs over every row (disclosure control needs every group at once): while files
    // arrive only as long as it is quick, then once when the last file is in. Its cost grows with
    // the rows: the last one's cost scaled to the rows now must stay under kQuickPublish (else the
    // one that crosses it took 0.1 s and more in a frame of the page).
    const double expected = published_rows_ > 0 ? publish_cost_ * static_cast<double>(rows_.size()) / static_cast<double>(published_rows_)
                                                 : publish_cost_;
    const bool publish_now = !loading() || expected < kQuickPublish;
    if (publish_now) republish();
    stale_ = !publish_now;
    computed_at_ = time;
    recompute_cost_ = cost_clock() - started;
    if (publish_now) {
        publish_cost_ = recompute_cost_;
        published_rows_ = rows_.size();
    }
}

void MunicipalityModel::recompute_step(double time) {
    if (!stale_ || loading()) return recompute(time);
    const double started = cost_clock();
    if (!publishing_) {
        counts_ = current_counts();
        list_problems();
        publishing_ = std::make_shared<Publishing>(*questionnaire_, rows_, publication_options());
        publishing_cost_ = cost_clock() - started;
        return;
    }
    publishing_->step();
    publishing_cost_ += cost_clock() - started;
    if (!publishing_->done()) return;
    publication_ = publishing_->take();
    publishing_.reset();
    stale_ = false;
    computed_at_ = time;
    recompute_cost_ = publish_cost_ = publishing_cost_;
    published_rows_ = rows_.size();
}

// The rejected files' errors and the files not counted, in file-name order (aggregate()'s files).
void MunicipalityModel::list_problems() {
    rejections_.clear();
    superseded_.clear();
    for (const auto& [name, i] : by_name_) {
        const FileCheck& check = checks_[i];
        if (row_of_[i] == kNoRow) {
            for (const Diagnostic& d : check.diagnostics)
                if (d.severity == Diagnostic::Severity::Error) rejections_.push_back(d);
            continue;
        }
        if (options_.keep_duplicates) continue;
        const OrganisationRow& row = rows_[row_of_[i]];
        const std::size_t newest = by_cvr_.find(row.cvr)->second.front();
        if (newest == row_of_[i]) continue;
        const OrganisationRow& latest = rows_[newest];
        superseded_.push_back(NotCounted{check.file, latest.file, same_file_sent_again(row, latest)});
    }
}

Aggregate MunicipalityModel::full_aggregate() const {
    std::vector<FileCheck> sorted;
    sorted.reserve(checks_.size());
    for (const auto& entry : by_name_) {
        sorted.push_back(checks_[entry.second]);
        if (row_of_[entry.second] != kNoRow) sorted.back().row = rows_[row_of_[entry.second]];
    }
    return aggregate(*questionnaire_, std::move(sorted), options_);
}

std::string not_counted_text(const Texts& texts, const MunicipalityModel::NotCounted& file) {
    if (file.same_file) return texts("muni.resent_line", {{"file", file.file}, {"by", file.by}});
    return texts("muni.superseded_line", {{"file", file.file}, {"by", file.by}});
}

// ---------------------------------------------------------------------------------------------
// Exports: the same bytes as mf-aggregate writes
// ---------------------------------------------------------------------------------------------
std::string MunicipalityModel::rows_csv_text() const { return counts_ ? rows_csv(*questionnaire_, full_aggregate(), csv) : std::string(); }

std::string MunicipalityModel::summary_csv_text() const {
    return publication_ ? summary_csv(*questionnaire_, *publication_, csv) : std::string();
}

std::string MunicipalityModel::summary_json_text() const {
    return counts_ && publication_ ? summary_json(*questionnaire_, full_aggregate(), *publication_).dump(2) + "\n" : std::string();
}

std::string MunicipalityModel::barometer_html_text(const std::string& language, const std::string& date) const {
    if (!counts_ || !publication_) return std::string();
    BarometerOptions b; // as mf-aggregate --barometer
    b.language = language;
    b.date = date;
    b.files_read = counts_->files;
    b.files_accepted = counts_->accepted;
    b.files_rejected = counts_->rejected;
    return barometer_html(*questionnaire_, *publication_, b);
}

std::string MunicipalityModel::benchmark_json_text(const std::string& date) const {
    return publication_ ? benchmark_json(*questionnaire_, *publication_, date).dump() + "\n" : std::string();
}

} // namespace mf
