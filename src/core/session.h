// session.h - the respondent app's state between visits, and the app's view logic that is not drawing.
//
// Index
//   - Screen, Session        where the respondent is, what they answered, their settings, the earlier
//                            result they compare with; saved at every change, resumed exactly
//   - session_text, read_session   the saved form (JSON) and its tolerant reader
//   - progress               questions answered per theme and overall, the unanswered list
//   - profile checks         problems under the organisation profile's fields while typing (a code,
//                            parameters and the message: check_profile_field)
//   - export_file_name       "mangfoldighedstjek-<organisation>-<date>.json"
//
// The app (src/app) draws; everything here is plain data and functions, unit-tested natively and
// in wasm like the rest of core.
#pragma once
#include "core/answers.h"
#include "core/diagnostics.h"
#include "core/questionnaire.h"
#include "core/result.h"
#include "core/scoring.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

// Workshop and Compare are the consultant's screens: the list of organisations and the comparison.
// FollowUp: how the goals of an earlier plan went (shown when the assessment follows one up).
enum class Screen { Start, Profile, Theme, Review, Results, Plan, Export, Workshop, Compare, FollowUp };

const char* screen_id(Screen screen); // "start", "profile", "theme", "review", "results", "plan", "export",
                                      // "workshop", "compare", "followup"
std::optional<Screen> screen_from_id(std::string_view id);

// The text-size setting: steps of the whole UI's scale.
inline constexpr float kTextSizes[] = {1.0f, 1.15f, 1.3f, 1.5f};
inline constexpr int kTextSizeCount = 4;

// An earlier result loaded for comparison (last year's): its stored scores, not its answers.
struct EarlierResult {
    std::string file;         // the file's name as the user chose it
    std::string created;      // its "created" timestamp
    std::string organisation; // its organisation name, when it had one
    ScoreSummary scores;
};

struct Session {
    Screen screen = Screen::Start;
    std::size_t theme = 0;   // index of the theme shown on the Theme screen
    int text_size = 0;       // index into kTextSizes
    Assessment assessment;   // language, answers, action plan, timestamps
    // What the respondent typed into number fields that is not (yet) a valid number: kept so that
    // nothing typed is lost, while only valid numbers become answers.
    std::map<std::string, std::string> drafts;
    std::optional<EarlierResult> earlier;
};

float text_scale(const Session& session);

// The saved form: {"format": "mangfoldighedstjek/session", "formatVersion": 1, "screen", "theme",
// "textSize", "assessment", "drafts", "earlier"}, compact JSON.
std::string session_text(const Session& session);

// Reads a saved session for the current questionnaire. Answers that no longer fit a question (the
// questionnaire was revised) are dropped, a theme index out of range is clamped. Returns false with
// diagnostics when the text is not a readable session at all; `out` is then untouched.
bool read_session(std::string_view text, const Questionnaire& questionnaire, Session& out, Diagnostics& diagnostics);

// --- Progress -----------------------------------------------------------------------------------
// Counts visible scored questions (free-text questions are optional and never counted).
struct Progress {
    int answered = 0;
    int visible = 0;
    bool complete() const { return answered >= visible; }
};
Progress theme_progress(const Questionnaire& questionnaire, const Answers& answers, std::size_t theme);
Progress total_progress(const Questionnaire& questionnaire, const Answers& answers);

// The questions of a theme to show now (visible ones), in order.
std::vector<const Question*> visible_questions(const Questionnaire& questionnaire, const Answers& answers,
                                               std::size_t theme);

struct UnansweredQuestion {
    std::size_t theme = 0;
    std::string question_id;
};
// Visible scored questions without an answer, in questionnaire order.
std::vector<UnansweredQuestion> unanswered_questions(const Questionnaire& questionnaire, const Answers& answers);

// Where "Next" on the last theme leads: the review of unanswered questions, or the results.
Screen screen_after_themes(const Questionnaire& questionnaire, const Answers& answers);

// --- Profile checks -----------------------------------------------------------------------------
// Reads a number as people type it: spaces ignored, a decimal comma accepted ("12,5"). False when the
// whole text is not one finite number.
bool parse_number_text(std::string_view text, double& value);

// A plain e-mail shape check: one "@", something before it, a dot in the part after it, no spaces.
bool is_plausible_email(std::string_view text);

// The problem to show under a profile field for what is typed (`text`, for text and number fields)
// or chosen (single choice: `text` is the option id or empty): a code with its parameters
// ("profile.number.below_minimum" {value, min}, docs/diagnostics.md) and the message in "da" or "en";
// all empty when fine. Required fields that are empty get a problem only when `show_missing` (not
// while still untouched).
struct FieldProblem {
    std::string code;
    DiagnosticParams params;
    std::string message;
    bool fine() const { return code.empty(); }
};
FieldProblem check_profile_field(const Question& field, const std::string& text, const std::string& lang, bool show_missing);
// check_profile_field's message alone ("" when fine).
std::string profile_field_problem(const Question& field, const std::string& text, const std::string& lang,
                                  bool show_missing);

// True when every required profile field is answered and valid (CVR checksum included).
bool profile_complete(const Questionnaire& questionnaire, const Answers& answers);

// --- Files ----------------------------------------------------------------------------------------
// "mangfoldighedstjek-<organisation>-<date>.json": the organisation's name in lower case with æ ø å
// spelled ae oe aa, other letters' accents dropped, anything else a single "-", at most 40
// characters; "organisation" when nothing is left. `date` is YYYY-MM-DD.
std::string export_file_name(const std::string& organisation, const std::string& date);

// The respondent's organisation name from the profile ("" when unanswered).
std::string organisation_name(const Questionnaire& questionnaire, const Answers& answers);

} // namespace mf
