// follow_up.h - the follow-up of an earlier action plan: for each of last year's focus areas, how it
// went (status), the indicator's value now, a short note, and the progress towards the target.
//
// Index
//   - FollowUpStatus          reached / partly / not_reached / dropped, their ids and names
//   - FollowUpItem, FollowUp  one earlier focus area followed up; which earlier file (its created
//                             time and checksum) the follow-up is of
//   - start_follow_up         the follow-up to fill in for an earlier plan
//   - indicator_progress      percent of the way from the baseline to the target (docs/result-format.md,
//                             "Progress towards the target", is the specification)
//   - check_follow_up         every problem, in Danish or English, for the app (as the user types)
//                             and the export
//   - carry_over              an earlier focus area as a focus area of the new plan
//   - JSON                    "planFollowUp" in result files (format 2) and saved sessions
//
// The follow-up copies each earlier focus area as it was written, so a result file is complete on its
// own: the municipality reads goal, indicator, baseline, target, value now and status from one file.
#pragma once
#include "core/action_plan.h"
#include "core/json_reader.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

enum class FollowUpStatus { None, Reached, Partly, NotReached, Dropped };
inline constexpr FollowUpStatus kFollowUpStatuses[] = {FollowUpStatus::Reached, FollowUpStatus::Partly,
                                                       FollowUpStatus::NotReached, FollowUpStatus::Dropped};
// "reached", "partly", "not_reached", "dropped"; "" for None.
const char* follow_up_status_id(FollowUpStatus status);
std::optional<FollowUpStatus> follow_up_status_from_id(std::string_view id); // nullopt for unknown ids
// "Nået" / "Reached", "Delvist nået" / "Partly reached", "Ikke nået" / "Not reached", "Opgivet" / "Dropped".
std::string follow_up_status_name(FollowUpStatus status, const std::string& lang);

inline constexpr std::size_t kMaxFollowUpNoteChars = 500; // "a short note": characters, not bytes

struct FollowUpItem {
    FocusArea earlier;                // the earlier focus area, as its file has it
    FollowUpStatus status = FollowUpStatus::None;
    IndicatorValue current;           // the indicator's value now; none without an indicator
    std::string note;                 // short, may be empty
};

struct FollowUp {
    std::string earlier_created;  // the earlier result's "created" (YYYY-MM-DDTHH:MM:SSZ)
    std::string earlier_checksum; // the checksum of the earlier file's content ("sha256:<hex>")
    std::vector<FollowUpItem> items; // the earlier plan's focus areas, in its order
};

// The follow-up to fill in: one item per earlier focus area, nothing chosen yet.
FollowUp start_follow_up(const ActionPlan& earlier_plan, const std::string& earlier_created, const std::string& earlier_checksum);

// Progress towards the target, in percent of the way from the baseline to the target, unrounded
// (writers and screens round with round1); nullopt when it cannot be computed. Numeric units:
// 100 × (current − baseline) / (target − baseline), so 0 is no change, 100 the target reached, more
// than 100 beyond it, below 0 away from it, for rising and falling targets alike. When the target
// equals the baseline (a level to hold): 100 when current equals it, else nullopt (a deviation has no
// direction to measure). Yes/no: 100 when current equals the target, else 0. Nullopt when the
// indicator is empty or incomplete, its unit unknown, current absent, or a value does not fit the unit.
std::optional<double> indicator_progress(const Indicator& indicator, const IndicatorValue& current);

// One problem in the follow-up: item is the index in FollowUp::items, field "status", "current" or
// "note" (the JSON field names). code and params say the same as message without its language
// ("follow_up.status.missing", docs/diagnostics.md).
struct FollowUpProblem {
    int item = -1;
    std::string field;
    std::string message;
    std::string code;
    DiagnosticParams params;
};

// Every problem: no status chosen, a value now that does not fit the indicator's unit (or a value
// without an indicator), a note over kMaxFollowUpNoteChars characters. lang "en" English, anything
// else Danish.
std::vector<FollowUpProblem> check_follow_up(const FollowUp& follow_up, const std::string& lang);

// The earlier focus area as a focus area of the new plan: same focus, goal, responsible and
// indicator; the indicator's baseline becomes the value now when one was measured, the follow-up
// date is left for the respondent to choose.
FocusArea carry_over(const FollowUpItem& item);

// {"earlier": {"created", "checksum"}, "items": [{"focusArea", "status", "current", "note"}]}; the
// status is null when not chosen, current null when there is no value.
void to_json(nlohmann::json& j, const FollowUp& follow_up);
// Types only (status one of the ids or null; focus areas as read_focus_area reads format 2).
bool read_follow_up(const nlohmann::json& j, const std::string& pointer, const JsonReader& reader, FollowUp& follow_up);

} // namespace mf
