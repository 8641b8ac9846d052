// municipality_model.h - the municipality's overview: many result files in, the same published
// figures as mf-aggregate out (disclosure control, a year, k), the rejected files with their
// reasons, the exports (internal rows, summary CSV/JSON, barometer, benchmark).
//
// Index
//   - MunicipalityModel   the files received (one FileCheck per file name; a bundle gives one per
//                         member), loading progress, the view's choices (year, k, breakdown), the
//                         recompute (aggregate, then publish), the exports
//
// One implementation with the command-line tool: every file goes through core's check_results
// (bundles expanded there), every figure through aggregate() and publish() (core/publication.h: what
// the overview shows is what may be published), every exported byte through rows_csv / summary_csv /
// summary_json / barometer_html / benchmark_json. A file name seen again replaces the earlier file of
// that name (dropping the same folder twice does not count it twice).
//
// Privacy: the files live in memory only; nothing of them is stored or sent.
//
// Only the pages with the overview create one (app.cpp, "Pages"): the AppModel reaches it through
// FileDestination and a pointer, so the respondent's page links none of the aggregation code.
#pragma once
#include "app/model/file_intake.h"
#include "core/aggregate.h"
#include "core/aggregate_output.h"
#include "core/publication.h"
#include "core/questionnaire.h"
#include "core/texts.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mf {

class MunicipalityModel : public FileDestination {
public:
    explicit MunicipalityModel(const Questionnaire& questionnaire);

    // --- Receiving (FileDestination) -------------------------------------------------------------------
    std::size_t max_file_bytes() const override;
    // `count` files will arrive (one loading, shown as "Reading files: n of count").
    void files_announced(std::size_t count) override;
    // A file's bytes: checked now (a bundle gives one check per member).
    void file_received(const std::string& name, std::string_view bytes) override;
    // A file that was not read (too large, unreadable): listed as rejected with `why`.
    void file_refused(const std::string& name, std::size_t bytes, Diagnostic why) override;
    bool drop_arriving_file() override;
    bool loading() const { return arrived_ < announced_; }
    // The number of files of a loading that has just finished, once; 0 otherwise.
    std::size_t take_finished_reading();
    std::size_t announced() const { return announced_; }
    std::size_t arrived() const { return arrived_; }
    std::size_t replaced() const { return replaced_; }
    std::size_t files() const { return checks_.size(); }
    // Forgets every file, also in the middle of a loading: the files of that loading still on their
    // way are dropped as they come (drop_arriving_file), so the overview stays empty.
    void clear();

    // --- The figures --------------------------------------------------------------------------------
    // Aggregates again when something changed; while files are still arriving at most twice a second
    // (`time` in seconds), so loading thousands does not recompute thousands of times, and not
    // sooner than four times its own last cost after the last one, so that recomputing takes at most
    // a fifth of a long loading (with 8,000 files read a recompute takes about 0.35 s in the page).
    void recompute(double time);
    // The clock that measures a recompute's cost, in seconds (a test gives its own).
    double (*cost_clock)() = steady_seconds;
    static double steady_seconds();
    const std::optional<Aggregate>& result() const { return result_; }
    // The published figures of the chosen year under the chosen k (absent before any file counts).
    const std::optional<Publication>& publication() const { return publication_; }
    bool stale() const { return stale_; }
    // The rejected files' errors and the files not counted, in the aggregate's order.
    struct NotCounted {
        std::string file;
        std::string by;         // the file that counts instead
        bool same_file = false; // an identical copy of it (same checksum): sent again, not newer
    };
    const std::vector<Diagnostic>& rejections() const { return rejections_; }
    const std::vector<NotCounted>& superseded() const { return superseded_; }

    // --- The view's choices --------------------------------------------------------------------------
    bool keep_duplicates() const { return options_.keep_duplicates; }
    void set_keep_duplicates(bool keep);
    // k: groups of fewer organisations show only "under k"; never below kSmallestMinGroup.
    std::size_t min_group() const { return publish_.min_group; }
    void set_min_group(std::size_t k);
    // The year of the figures: absent = the latest year with organisations.
    std::optional<int> year() const { return publish_.year; }
    void set_year(std::optional<int> year);
    enum class Breakdown { Sector, Size };
    Breakdown breakdown = Breakdown::Sector;
    std::string question_theme; // the theme whose questions' answers are shown ("" = the first)
    CsvOptions csv;        // decimal comma on by default: Danish Excel reads numbers only so
    std::string paths;     // desktop: the typed files or folders

    // --- Exports ----------------------------------------------------------------------------------
    std::string rows_csv_text() const;
    std::string summary_csv_text() const;
    std::string summary_json_text() const;
    // The printable barometer (`language` "da"/"en", dated `date`) and the benchmark for the companies.
    std::string barometer_html_text(const std::string& language, const std::string& date) const;
    std::string benchmark_json_text(const std::string& date) const;
    std::string last_export;
    std::string export_error;

private:
    void file_arrived(); // counts a file in and notes the end of a loading
    void add_check(FileCheck check);
    void republish();

    const Questionnaire* questionnaire_; // a pointer, so that clear() can assign a fresh model
    std::vector<FileCheck> checks_;             // one per file name, in arrival order
    std::map<std::string, std::size_t> by_name_; // file name -> index into checks_ (sorted: the CLI's order)
    std::size_t announced_ = 0, arrived_ = 0, replaced_ = 0;
    std::size_t finished_reading_ = 0; // see take_finished_reading
    std::size_t dropping_ = 0;         // files of a cleared loading still on their way
    AggregateOptions options_;
    bool stale_ = false;
    double computed_at_ = -1;
    double recompute_cost_ = 0; // seconds the last recompute took (cost_clock)
    std::optional<Aggregate> result_;
    PublishOptions publish_;
    std::optional<Publication> publication_;
    std::vector<Diagnostic> rejections_;
    std::vector<NotCounted> superseded_;
};

// "alfa.json: not counted – the same file sent again (as alfa-kopi.json)" or "... newer assessment
// of the same CVR number in ...", in the texts' language.
std::string not_counted_text(const Texts& texts, const MunicipalityModel::NotCounted& file);

} // namespace mf
