// app_internal.h - what the screens share: the app's state, translations, navigation, and the
// screen functions (one file each: screen_start.cpp, screen_profile.cpp, ...).
//
// Index
//   - AppState      the saved Session plus what only lives while the app runs
//   - helpers       tr(), the questionnaire, changing answers, moving between screens, time
//   - screens       one function per screen
#pragma once
#include "app/ui.h"
#include "core/clock.h" // now_timestamp(), today_date()
#include "core/questionnaire.h"
#include "core/result.h"
#include "core/session.h"
#include "core/workshop.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace mf {

// A result file the user opened or dropped, waiting for them to choose what to do with it.
struct PendingImport {
    std::string file;
    std::optional<ImportedResult> result;   // absent when the file could not be read
    std::vector<std::string> errors;        // plain messages (why it could not be read)
    std::vector<std::string> warnings;      // read, but with something to know (dropped answers, ...)
};

// What the next import is for: continuing a saved assessment, or comparing with an earlier one.
enum class ImportPurpose { Ask, Continue, Compare };

struct AppState {
    std::optional<Questionnaire> questionnaire;
    std::vector<std::string> load_errors; // the embedded questionnaire did not load (a build error)
    Session session;
    Workshop workshop;                    // the list of organisations (one for most users); session is its current one
    bool dirty = false;                   // the session changed: saved at the end of the frame
    bool storage_failed = false;

    // Only while running.
    std::set<std::string> help_open;      // questions whose help text is unfolded
    std::set<std::string> touched;        // profile fields the respondent has left
    std::optional<PendingImport> pending_import;
    ImportPurpose import_purpose = ImportPurpose::Ask;
    bool confirm_start_over = false;
    bool scroll_to_top = false;
    std::string scroll_to_question;       // after "Go to question" on the review screen
    const char* notice_da = nullptr;      // a short confirmation ("Gemt: " + detail), see show_notice
    const char* notice_en = nullptr;
    std::string notice_detail;
    double notice_until = 0;
    std::string last_export;              // where the last export went
    std::string export_error;
    std::string desktop_path;             // desktop: the path typed for export/import
    std::string modal;                    // the open modal's name, for tests ("" when none)
    double time = 0;                      // seconds since start (ImGui's clock)
    UiRegistry ui;                        // what was drawn this frame (for tests and a11y)
};

extern AppState g_app;

// The current language's text of two.
const char* tr(const char* da, const char* en);
const std::string& lang();
const Questionnaire& questionnaire();

// The respondent changed an answer or the plan: stamps "updated" and saves at the end of the frame.
void answers_changed();
// Something else worth keeping changed (screen, language, settings).
void session_changed();

void go_to(Screen screen);
void go_to_theme(std::size_t theme);

// Shows a short message under the header for a few seconds: `da` or `en` (string literals), in the
// language shown at the time (a switch while it is up translates it), then `detail` (a file name, a
// path, a reason from the core: no language of its own).
void show_notice(const char* da, const char* en, const std::string& detail = "");
// The message shown now, in the current language ("" when none).
std::string notice_text();

// Opens the file picker (browser) or reads the typed path (desktop) for an import.
void start_import(ImportPurpose purpose);
// Adopts the pending import as the current assessment or as the comparison.
void adopt_import(ImportPurpose purpose);

// Numbers as the language writes them: "54,3 %" / "54.3%"; "–" when absent.
std::string format_percent(std::optional<double> percent);
std::string format_points(double points); // "+4,2" / "+4.2"

// Screens.
void screen_start();
void screen_profile();
void screen_theme();
void screen_review();
void screen_results();
void screen_plan();
void screen_export();
// The municipality's overview (screen_municipality.cpp): outside the respondent's flow, its files
// in memory only. While open it replaces the respondent's screens and takes every file dropped.
// In the browser it is a page of its own (kommune.html, see app.cpp's "Pages"); on the desktop a
// view inside the one window.
bool municipality_open();                 // app.cpp: this page is the overview, or the view is open
void enter_municipality();                // app.cpp: the start screen's button (the page, or the view)
void leave_municipality();                // app.cpp: the overview's back button
bool municipality_view_open();
void open_municipality(bool open);
void screen_municipality();
void municipality_files_announced(std::size_t count);
void municipality_file_received(const std::string& name, const std::string& bytes);
bool municipality_file_announced(const std::string& name, double size); // false: too large, listed as rejected
void municipality_file_unreadable(const std::string& name, const std::string& reason); // listed as rejected, with `reason`
void municipality_state(nlohmann::json& out);
// The consultant's workshop (screen_workshop.cpp): start-up and saving of the list and the open
// assessment, the presentation mode's scale and F2 key, the bar under the header, the list and
// comparison screens, batch import (true when the file was taken), and the state for tests.
void workshop_init();
bool workshop_save();
float workshop_ui_scale();
void workshop_keys();
void workshop_bar();
void screen_workshop();
void screen_compare();
bool workshop_file_received(const std::string& name, const std::string& bytes);
// The workshop list takes many files at once (a batch import); one the host could not read, or
// one too large to read, is listed with its reason (true when the list took it).
bool workshop_takes_files();
bool workshop_file_refused(const std::string& name, const std::string& reason);
void workshop_state(nlohmann::json& j);

// Shared by the start, results and export screens: open a file, or (desktop) type its path.
void import_controls(ImportPurpose purpose);
// "Open printable report": the results and action plan as core's report page, in a new tab (browser)
// or saved next to the exports (desktop). Shared by the results and plan screens (report_button.cpp).
void report_button();
// The import dialog (what to do with an opened file) and its error dialog.
void import_dialog();

} // namespace mf
