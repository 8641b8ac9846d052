// model.h - the app's model: everything the app knows and does, without drawing (no ImGui here).
//
// Index
//   - Page            which screens a build reaches: the web's two pages, the desktop's one window
//   - ImportPurpose, PendingImport   a result file opened, waiting for the user's choice
//   - Notice          a short confirmation under the header, in the language shown at the time
//   - BenchmarkState  the municipality's benchmark for "Compare with others": asked for, absent,
//                     read, or unusable (and why)
//   - AppModel        the one object behind the app: the questionnaire, the open assessment (Session),
//                     the workshop list, the municipality's overview, notices, the pending import,
//                     and every action the screens call
//
// Who owns what: the host (platform_web.cpp / platform_desktop.cpp) owns the App (app.h), the App
// owns one AppModel and passes it to the screens (src/app/screens), which draw it and call its
// actions; nothing is global. The model reaches the machine only through Host (host.h), so its unit
// tests (tests/app) run every action in memory, natively and in WebAssembly.
//
// Where an action lives: session flow (this file, model.cpp), answers and the action plan
// (answers.cpp), the follow-up of an earlier plan and the calendar (plan_follow_up.cpp), one result file
// in or out: import, export, report (import_export.cpp), files
// arriving from the host (file_intake.h), the consultant's list (workshop_model.h), the
// municipality's overview (municipality_model.h), the benchmark to compare with (benchmark_model.cpp).
#pragma once
#include "app/model/host.h"
#include "app/model/municipality_model.h"
#include "app/model/workshop_model.h"
#include "core/benchmark_compare.h"
#include "core/calendar.h"
#include "core/diagnostic_codes.h"
#include "core/follow_up.h"
#include "core/questionnaire.h"
#include "core/result.h"
#include "core/session.h"
#include "core/texts.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

// The web build is two pages, each its own .wasm (CMakeLists.txt section 6): the respondent's
// self-assessment (index.html) and the municipality's overview (kommune.html). The desktop app is
// one window with both.
enum class Page { Respondent, Municipality, Both };

// What the next import is for: continuing an assessment, comparing with an earlier one, or the next
// round (a year later): its answers to start from, its scores to compare with, its action plan to
// follow up and a new plan to make. Ask leaves the choice to the import dialog.
enum class ImportPurpose { Ask, Continue, Compare, NextRound };

// A result file the user opened, waiting for them to choose what to do with it.
struct PendingImport {
    std::string file;
    std::optional<ImportedResult> result; // absent when the file could not be read
    Diagnostics problems;                 // errors (why it could not be read) and warnings
};

// A short confirmation ("Indlæst: bageriet.json"): a text table key and its values, rendered in the
// language shown at the time, so a language switch while it is up translates it.
struct Notice {
    std::string key;
    TextArgs args;
    double until = 0; // seconds on the frame clock
};

// The file the app asks for next to itself (docs/benchmark.md section 3).
inline constexpr const char* kServedBenchmarkFile = "benchmark.json";

// The benchmark behind the results screen's "Compare with others". Asked for once, when the results
// screen is first shown with a result: the host fetches benchmark.json from the app's own folder
// (Fetching until it answers); a file the user loads replaces it.
struct BenchmarkState {
    enum class Status { NotAsked, Fetching, Absent, Loaded, Bad };
    Status status = Status::NotAsked;
    bool served = false;                 // from the app's folder (else a file the user loaded)
    std::string file;                    // its name
    std::optional<Benchmark> benchmark;  // Loaded
    Diagnostics problems;                // Bad: the errors (core's benchmark.* and json.* codes)
};

class AppModel {
public:
    AppModel(Host& host, Page page);
    // One per app: its parts keep a reference to it, so it is never copied or moved.
    AppModel(const AppModel&) = delete;
    AppModel& operator=(const AppModel&) = delete;

    // --- Start-up and frames ---------------------------------------------------------------------
    // Loads the questionnaire (the embedded asset's text) and restores the saved assessments (the
    // respondent's page) or reads the page's settings from its address (the municipality's page).
    // `content_hash`: the questionnaire's hash when known (the embedded one's, computed at build time),
    // so start-up does not compute it (load_questionnaire_text).
    void start(std::string_view questionnaire_json, const std::string& file_name, std::string_view content_hash = {});
    bool loaded() const { return questionnaire_.has_value(); }
    const std::vector<std::string>& load_errors() const { return load_errors_; }
    // Every frame: `time` is the frame clock in seconds (notices expire on it).
    void begin_frame(double time);
    // After the frame: saves what changed (the assessment and the workshop's index, or the
    // municipality page's address).
    void end_frame();
    // Seconds until the model needs a frame with no input (a notice going away), or negative.
    double seconds_to_next_wake() const;
    // Work the next frame would do first that can take long: the overview's publication once a
    // loading is in (publish() over 10,000 rows: 0.1-0.2 s in the page). A host that can runs it in a
    // task of its own before that frame, a part per call of run_pending_work (the counts, the rows by
    // year, each year's figures, the change: MunicipalityModel::recompute_step) until work_pending()
    // is false, so that no task holds all of it or it and a frame; otherwise the frame does it all
    // (the screen recomputes what is stale).
    bool work_pending() const;
    void run_pending_work();
    double time() const { return time_; }

    // --- What there is ------------------------------------------------------------------------------
    Host& host() { return host_; }
    Page page() const { return page_; }
    const Questionnaire& questionnaire() const { return *questionnaire_; }
    const Session& session() const { return session_; }
    const Answers& answers() const { return session_.assessment.answers; }
    Screen screen() const { return session_.screen; }
    const std::string& language() const { return session_.assessment.language; }
    const Texts& texts() const { return texts_; } // in the language shown
    bool storage_failed() const { return storage_failed_; }
    WorkshopModel& workshop() { return workshop_; }
    const WorkshopModel& workshop() const { return workshop_; }
    // The overview's model: only on pages that have the overview (attach_overview), else nullptr.
    MunicipalityModel* municipality() { return municipality_.get(); }
    const MunicipalityModel* municipality() const { return municipality_.get(); }
    void attach_overview(std::unique_ptr<MunicipalityModel> overview) { municipality_ = std::move(overview); }
    // The overview replaces the respondent's screens: always on its own page, on the desktop while open.
    bool overview_open() const;

    // --- Settings -----------------------------------------------------------------------------------
    // Another language: at once when its texts are here; English on demand (below) first fetches
    // them and switches when they have arrived, keeping everything else as it is.
    void set_language(const std::string& language);
    // English on demand (docs/texts.md): the respondent's web page carries only the Danish of its
    // texts and of the questionnaire (whose "languages" is then ["da"]: start() adds "en", so a saved
    // or imported English assessment stays English); the English is `file`, served beside the
    // program (cmake/english_later.py), fetched through the host when English is first asked for.
    // Called before start(). Without it (every other build) all languages are compiled in.
    void fetch_english_on_demand(const std::string& file) { english_file_ = file; }
    enum class EnglishStatus { Here, NotAsked, Fetching, Failed };
    EnglishStatus english_status() const { return english_status_; }
    int text_size() const { return session_.text_size; }
    void set_text_size(int size);
    // The whole UI's scale on top of the platform's: the text size, and presentation mode.
    float ui_scale() const;

    // --- Moving between screens -----------------------------------------------------------------------
    void go_to(Screen screen);
    void go_to_theme(std::size_t theme);
    // The review's "Go to": the theme, scrolled to the question.
    void go_to_question(std::size_t theme, const std::string& question_id);
    // The start screen's "Continue": the incomplete profile, else the first theme with unanswered
    // questions, else the results.
    void resume();
    // The profile's "Next": every field counts as left (so what is missing shows), then the questions.
    void leave_profile();
    void previous_theme();
    void next_theme();
    // The start screen's "Municipality overview" and the overview's "Back".
    void open_overview();
    void close_overview();
    // The screen should start at the top / scroll to a question: taken by the frame that does it.
    bool take_scroll_to_top();
    // The screen should start at the top again without changing screen (presentation mode switched on).
    void scroll_to_top() { scroll_to_top_ = true; }
    bool take_scroll_to_question(const std::string& question_id);

    // --- Answers (answers.cpp) ----------------------------------------------------------------------
    void set_answer(const Question& question, AnswerValue value);
    void clear_answer(const Question& question);
    // A multiple-choice box ticked or unticked: an exclusive option ("none of these") clears the
    // others and the others clear it; unticking the last box makes the question unanswered.
    void toggle_option(const Question& question, const std::string& option_id);
    // What a number or text field shows: the text typed (kept as typed while it is not a valid
    // number, so nothing typed is lost), or the answer.
    std::string field_text(const Question& question) const;
    // Typing into a number or text field (profile or question): valid numbers become answers.
    void type_into(const Question& question, const std::string& text);
    // The message under a profile field (core's check), shown once the field was left.
    std::string field_problem(const Question& field) const;
    void leave_field(const std::string& question_id);
    // Whether a field (a question's id, or an action plan field's "plan:<i>:<field>") was left, or
    // counts as left because the user went on: its problem is shown from then on, not while typing.
    bool field_left(const std::string& id) const { return touched_.count(id) > 0; }
    bool help_open(const std::string& question_id) const { return help_open_.count(question_id) > 0; }
    void toggle_help(const std::string& question_id);

    // --- The action plan (answers.cpp) --------------------------------------------------------------
    const ActionPlan& plan() const { return session_.assessment.action_plan; }
    // A focus area (`focus` a theme or question id, "" to choose later); nothing when the plan is full.
    void add_focus_area(const std::string& focus);
    void remove_focus_area(std::size_t index);
    enum class PlanField { Focus, Goal, Responsible, FollowUp };
    // The follow-up date is read as people write it ("1/3-2027", "1. marts 2027": core/date_input.h)
    // and kept as ISO; text that is no date is kept as typed (and reported once the field is left).
    void set_plan_field(std::size_t index, PlanField field, const std::string& value);
    // What the follow-up field shows: the date in words ("1. marts 2027"), or the text as typed.
    std::string follow_up_text(std::size_t index) const;
    // The plan's "Next": every field counts as left (so what is missing shows), then the export.
    void leave_plan();
    // The themes with the biggest possible gain that are not in the plan yet (at most three).
    std::vector<std::string> suggested_focus_areas() const;
    // A focus area's indicator. Values are read as typed (parse_indicator_text); text that is not a
    // value of the unit is kept as it is, so nothing typed is lost and check_action_plan names it.
    enum class IndicatorField { Measure, Unit, Baseline, Target };
    void set_indicator_field(std::size_t index, IndicatorField field, const std::string& text);
    // What the field shows: the measure, the unit's id, a value the language's way ("12,5").
    std::string indicator_field_text(std::size_t index, IndicatorField field) const;
    // The questionnaire's suggested indicators for the focus area's theme (none without a focus).
    std::vector<SuggestedIndicator> suggested_indicators(std::size_t index) const;
    // Takes a suggestion's measure (in the language shown) and unit; values typed stay.
    void take_suggested_indicator(std::size_t index, std::size_t suggestion);
    // A plan field's message from core's check_action_plan (`field` as ActionPlanProblem::field), shown
    // once the field was left (leave_field("plan:<index>:<field>")) or has a value; empty text when
    // none. A warning is a gentle hint (no indicator, a target that is no change), not an error.
    struct FieldMessage {
        std::string text;
        bool warning = false;
    };
    FieldMessage plan_field_message(std::size_t index, const std::string& field) const;

    // --- The follow-up of an earlier plan (plan_follow_up.cpp) -------------------------------------
    // Started by comparing with, or continuing into the next round from, an earlier result with a
    // plan; part of the assessment (saved, exported as "planFollowUp").
    const std::optional<FollowUp>& follow_up() const { return session_.assessment.follow_up; }
    void set_follow_up_status(std::size_t item, FollowUpStatus status);
    void set_follow_up_current(std::size_t item, const std::string& text); // read as indicator values are
    std::string follow_up_current_text(std::size_t item) const;
    void set_follow_up_note(std::size_t item, const std::string& note);
    // A follow-up field's message from core's check_follow_up ("status", "current", "note"), shown
    // once the field was left (leave_field("followup:<item>:<field>")) or has a value; "" when none.
    std::string follow_up_problem(std::size_t item, const std::string& field) const;
    // The earlier goal into the new plan (core's carry_over); nothing when the plan is full or already
    // has that focus. carried_over: the plan has a focus area with the earlier one's focus.
    void carry_over_goal(std::size_t item);
    // The follow-up's "Next": every field counts as left (so what is missing shows), then the plan.
    void leave_follow_up();
    bool carried_over(std::size_t item) const;
    // "Tilføj opfølgning til kalenderen": the plan's follow-up dates as an .ics file (core/calendar.h),
    // saved as the export is. calendar_events: how many events it would hold (0: nothing to save).
    std::size_t calendar_events() const;
    void save_calendar();
    // The .ics of `organisations` saved as `file` (a download, or in the documents folder); the
    // workshop list saves every organisation's through it. Said in a notice.
    void save_calendar_of(const std::vector<CalendarOrganisation>& organisations, const std::string& file);

    // --- One result file in or out (import_export.cpp) ---------------------------------------------
    // Opens the file picker, or reads the typed path (desktop), for an import.
    void choose_import(ImportPurpose purpose);
    const std::optional<PendingImport>& pending_import() const { return pending_import_; }
    void adopt_import(ImportPurpose purpose);
    void dismiss_import();
    // The result file as it would be exported now (errors say what is missing).
    ExportOutcome prepare_export() const;
    std::string export_file_name_now() const;
    // The export's name with `ending` in place of ".json" ("-rapport.html"): one assessment's files sort together.
    std::string export_file_name_ending(const std::string& ending) const;
    // Saves it: a download, or `path` on the desktop.
    void save_export(const std::string& path);
    const std::string& last_export() const { return last_export_; }
    const std::string& export_error() const { return export_error_; }
    // The printable report in a new tab (browser) or next to the exports (desktop).
    void open_report();
    // The accessibility statement (web/tilgaengelighed.html, its English part at #en) in the UI's
    // language: its address, for the layer's link, and opening it in a new tab.
    std::string statement_url() const;
    void open_statement();
    void remove_comparison();
    // The desktop's typed paths (the browser has pickers): shown in the fields, kept while running.
    std::string& import_path();
    std::string& export_path();

    // --- Files from the host (file_intake.cpp) --------------------------------------------------------
    // Where arriving files go is decided by what the user is doing: the overview takes every file,
    // the workshop list takes every file as a batch import, anywhere else the first file is the
    // import. Bundles are expanded by core (check_results, read_bundle) as mf-aggregate does.
    bool takes_many_files() const;
    // Before a file is read: false when it is refused for its size (said where the file would go).
    bool file_announced(const std::string& name, double size);
    void files_announced(std::size_t count);
    void file_received(const std::string& name, std::string_view bytes);
    void file_unreadable(const std::string& name, const std::string& reason);
    // The largest file the current destination reads.
    std::size_t max_file_bytes() const;
    // Where many files go now: the overview or the workshop list; nullptr when one file is the import.
    const FileDestination* many_files_destination() const;
    FileDestination* many_files_destination();

    // --- Compare with others (benchmark_model.cpp) -------------------------------------------------
    const BenchmarkState& benchmark() const { return benchmark_; }
    // Where the company stands in the loaded benchmark, from its scores and profile now; nullopt
    // unless a benchmark is loaded.
    std::optional<BenchmarkComparison> benchmark_comparison() const;
    // "Load a benchmark file": the picker, or the typed benchmark_path() on the desktop. The file
    // arrives through the file intake, which knows a benchmark by its format (so a benchmark dropped
    // on the page or opened with the import's picker is taken as one too).
    void choose_benchmark();
    std::string& benchmark_path();
    // The host's answer to Host::fetch_beside_app: the file with its bytes, or not there (absent,
    // refused, no network).
    void served_file_arrived(const std::string& name, bool found, std::string_view bytes);

    // --- Start over ----------------------------------------------------------------------------------
    void ask_start_over() { confirm_start_over_ = true; }
    void cancel_start_over() { confirm_start_over_ = false; }
    bool confirming_start_over() const { return confirm_start_over_; }
    // Forgets the open assessment (answers, profile, plan); language and text size stay.
    void start_over();

    // --- Notices -------------------------------------------------------------------------------------
    void notify(const std::string& key, TextArgs args = {});
    std::string notice_text() const; // "" when none
    const std::optional<Notice>& notice() const { return notice_; }

    // --- For the parts (workshop, municipality) ------------------------------------------------------
    // The respondent changed an answer or the plan: stamps "updated" and saves at the end of the frame.
    void answers_changed();
    // Something else worth keeping changed (screen, language, settings).
    void session_changed() { dirty_ = true; }
    Session& session_for_workshop() { return session_; }
    // Forgets what only belonged to the assessment that was open (fields left, help, export).
    void reset_transient();
    void set_storage_failed(bool failed) { storage_failed_ = failed; }

private:
    void announce_new_questions(const Question& answered, const Answers& before);
    void ask_for_served_benchmark();
    // False when a user's file turns out to be of another format (it goes on to the import).
    bool benchmark_received(const std::string& name, std::string_view bytes, bool served);
    void adopt_settings(const std::string& query); // "lang=en&text=1" (the municipality's page)
    // English on demand (language_model.cpp).
    void show_available_language();
    void english_arrived(bool found, std::string_view bytes);
    bool install_english(std::string_view bytes);
    std::string page_settings() const;

    Host& host_;
    Page page_;
    std::optional<Questionnaire> questionnaire_;
    std::vector<std::string> load_errors_;
    // English on demand: the file, where it stands, the language waiting for it, and what it is put
    // back into (the embedded questionnaire's text, its name and the whole file's content hash).
    std::string english_file_;
    EnglishStatus english_status_ = EnglishStatus::Here;
    std::string language_wanted_;
    std::string_view questionnaire_text_;
    std::string questionnaire_file_, questionnaire_hash_;
    Session session_;
    Texts texts_;
    WorkshopModel workshop_;
    std::unique_ptr<MunicipalityModel> municipality_;
    double time_ = 0;
    bool dirty_ = false;
    bool storage_failed_ = false;

    // Only while running.
    bool municipality_view_ = false;    // the desktop's overview is open
    std::set<std::string> help_open_;   // questions whose help text is unfolded
    std::set<std::string> touched_;     // fields the respondent has left (profile ids, "plan:0:goal")
    bool scroll_to_top_ = false;
    std::string scroll_to_question_;
    std::optional<PendingImport> pending_import_;
    ImportPurpose import_purpose_ = ImportPurpose::Ask;
    bool confirm_start_over_ = false;
    std::optional<Notice> notice_;
    std::string last_export_, export_error_;
    std::string import_path_, export_path_, benchmark_path_;
    BenchmarkState benchmark_;
};

} // namespace mf
