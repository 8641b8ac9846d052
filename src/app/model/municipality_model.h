// municipality_model.h - the municipality's overview: many result files in, the same published
// figures as mf-aggregate out (disclosure control, a year, k), the rejected files with their
// reasons, the exports (internal rows, summary CSV/JSON, barometer, benchmark).
//
// Index
//   - MunicipalityModel   the files received (one FileCheck per file name; a bundle gives one per
//                         member), loading progress, the view's choices (year, k, breakdown),
//                         the running counts and the publication, the exports
//
// One implementation with the command-line tool: every file goes through core's check_results
// (bundles expanded there), every figure through publish() (core/publication.h: what the overview
// shows is what may be published), every exported byte through aggregate() and rows_csv /
// summary_csv / summary_json / barometer_html / benchmark_json. A file name seen again replaces the
// earlier file of that name (dropping the same folder twice does not count it twice).
//
// Incremental: a file's row is added once, where it arrives, to the rows publish() reads (in any
// order: publish sorts its own pointers) and to its CVR number's duplicates, newest first, as
// aggregate() orders them; the file counts (accepted, counted, superseded, rejected, with a change
// over time) follow from those at once. Only publish() (disclosure control needs every group at once)
// runs over all rows, spaced out while files arrive and once when they have all arrived. aggregate()
// itself runs only for an export that needs its rows or groups. tests/app/municipality_model_test.cpp
// checks that the counts, lists and figures are those of aggregate() and publish() over all files.
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
#include <memory>
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
    // Counts, lists and publishes again when something changed. While files are still arriving: at
    // most twice a second (`time` in seconds) and not sooner than four times its own last cost after
    // the last one, so that loading thousands does not recompute thousands of times; and the figures
    // are published again only while that would take under kQuickPublish, the last one's cost scaled
    // to the rows now (with thousands of rows publish() takes 0.1 s and more in the page: then once,
    // when the last file is in).
    void recompute(double time);
    static constexpr double kQuickPublish = 0.05;
    // The same once no file is arriving, a part at a time (AppModel::run_pending_work: a host runs
    // each call in a task of its own): the counts and lists, then publish() a part per call
    // (core's Publishing: the rows by year, each year, the change); stale() until the last part is
    // in. Anything that changes the rows or the options starts it again.
    void recompute_step(double time);
    // The clock that measures a recompute's cost, in seconds (a test gives its own).
    double (*cost_clock)() = steady_seconds;
    static double steady_seconds();
    // What aggregate() would count over the files (Aggregate's counts), as of the last recompute.
    struct Counts {
        std::size_t files = 0, accepted = 0, rejected = 0, counted = 0, superseded = 0;
        std::size_t with_change = 0; // organisations with assessments from different years
    };
    const std::optional<Counts>& counts() const { return counts_; }
    // aggregate() over every file now (in file-name order, as mf-aggregate): for the exports.
    Aggregate full_aggregate() const;
    // The published figures of the chosen year under the chosen k (absent before any file counts).
    const std::optional<Publication>& publication() const { return publication_; }
    // Something changed that the figures do not show yet.
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
    void add_row(std::size_t check, OrganisationRow row);
    void remove_row(std::size_t check);
    bool has_change(const std::vector<std::size_t>& duplicates) const;
    Counts current_counts() const;
    void republish();
    void figures_out_of_date();
    PublishOptions publication_options() const;
    void list_problems();

    static constexpr std::size_t kNoRow = static_cast<std::size_t>(-1);
    const Questionnaire* questionnaire_; // a pointer, so that clear() can assign a fresh model
    // The fast reader's buffers and the questionnaire's answer table, kept from file to file (core/json_fast.h).
    std::shared_ptr<FastDocument> scratch_;
    std::vector<FileCheck> checks_;             // one per file name, in arrival order; rows in rows_
    std::vector<std::size_t> row_of_;           // per check: its row in rows_, or kNoRow (rejected)
    std::vector<OrganisationRow> rows_;         // the accepted files' rows, as publish() reads them
    std::vector<std::size_t> check_of_;         // per row: its check in checks_
    std::map<std::string, std::size_t> by_name_; // file name -> index into checks_ (sorted: the CLI's order)
    // CVR number -> its rows, newest first (aggregate()'s order: updated, created, file name).
    std::map<std::string, std::vector<std::size_t>> by_cvr_;
    std::size_t with_change_ = 0; // CVR numbers whose oldest and newest rows are of different years
    std::size_t announced_ = 0, arrived_ = 0, replaced_ = 0;
    std::size_t finished_reading_ = 0; // see take_finished_reading
    std::size_t dropping_ = 0;         // files of a cleared loading still on their way
    AggregateOptions options_;
    bool stale_ = false;
    double computed_at_ = -1;
    double recompute_cost_ = 0; // seconds the last recompute took (cost_clock)
    double publish_cost_ = 0;   // seconds the last recompute that published took
    std::size_t published_rows_ = 0; // the rows it published
    std::optional<Counts> counts_;
    PublishOptions publish_;
    std::optional<Publication> publication_;
    // recompute_step's publication under way (it points into rows_), and the seconds its parts took.
    std::shared_ptr<Publishing> publishing_;
    double publishing_cost_ = 0;
    std::vector<Diagnostic> rejections_;
    std::vector<NotCounted> superseded_;
};

// "alfa.json: not counted – the same file sent again (as alfa-kopi.json)" or "... newer assessment
// of the same CVR number in ...", in the texts' language.
std::string not_counted_text(const Texts& texts, const MunicipalityModel::NotCounted& file);

} // namespace mf
