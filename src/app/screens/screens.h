// screens.h - the screens: one function each, drawing the model and calling its actions.
//
// Index
//   - the respondent's screens    start, profile, theme, review, results, plan, export (one file each)
//   - the consultant's screens    the workshop list, the comparison, the bar under the header
//   - the municipality's screen   the overview
//   - the frame's parts           header, steps, dialogs (frame.cpp)
//   - shared pieces               import controls, the report and calendar buttons, focus titles,
//                                 last year's goals in short (shared.cpp)
//
// A screen reads the model (m.session(), m.questionnaire(), core's read-only functions such as
// compute_scores) and draws it with the ui widgets (app/ui/ui.h); everything it changes goes through
// an AppModel action. Every text comes from the text table: `const Texts& tr = m.texts();` then
// tr("plan.heading") (assets/texts.json, docs/texts.md).
#pragma once
#include "app/model/model.h"

namespace mf {

// The respondent's flow.
void screen_start(AppModel& m);
void screen_profile(AppModel& m);
void screen_theme(AppModel& m);
void screen_review(AppModel& m);
void screen_results(AppModel& m);
void screen_plan(AppModel& m);
void screen_export(AppModel& m);
void screen_follow_up(AppModel& m); // how last year's goals went (screen_follow_up.cpp)

// The consultant's workshop (screen_workshop.cpp).
void workshop_bar(AppModel& m); // under the header: which organisation is open, the way to the list
void screen_workshop(AppModel& m);
void screen_compare(AppModel& m);

// The municipality's overview (screen_municipality.cpp).
void screen_municipality(AppModel& m);

// The frame's parts (frame.cpp).
void header(AppModel& m);
void steps(AppModel& m);
void import_dialog(AppModel& m);
void start_over_dialog(AppModel& m);
void storage_failed_notice(AppModel& m);
void language_notice(AppModel& m);   // English on demand: being fetched, or could not be
void notice_overlay(AppModel& m);
void load_error_screen(AppModel& m);

// Shared pieces (shared.cpp): open a result file (a picker, or a typed path on the desktop), and the
// printable report's button.
void import_controls(AppModel& m, ImportPurpose purpose);
void report_button(AppModel& m);
// "Tilføj opfølgning til kalenderen": the plan's follow-up dates as an .ics file (greyed without any).
void calendar_button(AppModel& m);
// What a focus id names: "Tema: <title>" or the question's text.
std::string focus_title(const AppModel& m, const std::string& id);
// Last year's goals with their status and progress, and the change in each goal's theme when the
// comparison is there (the results screen).
void follow_up_summary(AppModel& m, const std::optional<ScoreComparison>& comparison);

} // namespace mf
