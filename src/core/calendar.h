// calendar.h - the follow-up dates of action plans as an iCalendar file (RFC 5545), so that the
// organisation is reminded: "Tilføj opfølgning til kalenderen".
//
// Index
//   - CalendarOrganisation   one organisation's plan and what names it (CVR, name)
//   - calendar_organisation  the same, taken from an assessment
//   - follow_up_calendar     the .ics text: one all-day event per focus area on its follow-up date
//   - ics_escape, ics_fold   RFC 5545 text escaping and line folding (exposed for the tests)
//
// The file (docs/result-format.md, "The follow-up calendar"): UTF-8, CRLF line ends, lines folded at
// 75 octets without splitting a character, TEXT values escaped. Each event's UID is derived from the
// organisation's CVR number and the focus id, so exporting again (after a date or a goal changed)
// updates the event in the user's calendar instead of adding a second one; SEQUENCE grows with the
// assessment's last change. The description holds the goal, the indicator and who is responsible; a
// reminder (VALARM) goes off a week before, at 09:00. One file may hold several organisations (the
// workshop list); an organisation given twice (last year's and this year's file) counts once, with the
// plan of its assessment changed last. Core has no clock: the caller passes DTSTAMP.
#pragma once
#include "core/action_plan.h"
#include "core/questionnaire.h"
#include "core/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace mf {

struct CalendarOrganisation {
    std::string name;    // as answered; "" when not answered
    std::string cvr;     // as answered (spaces are removed); "" when not answered
    std::string updated; // the assessment's last change (YYYY-MM-DDTHH:MM:SSZ): the events' SEQUENCE
    ActionPlan plan;
};

CalendarOrganisation calendar_organisation(const Questionnaire& questionnaire, const Assessment& assessment);

// The .ics text, in `language` ("en" English, anything else Danish), or "" when no focus area of
// any organisation has a valid follow-up date (an iCalendar file needs at least one event).
// `stamp` is now, as a result timestamp ("2026-11-30T12:00:00Z"): every event's DTSTAMP.
std::string follow_up_calendar(const Questionnaire& questionnaire, const std::vector<CalendarOrganisation>& organisations,
                               const std::string& language, const std::string& stamp);

// The number of events follow_up_calendar writes for these organisations.
std::size_t follow_up_event_count(const std::vector<CalendarOrganisation>& organisations);

// TEXT value escaping: \ ; , and line breaks ("\n"; a CR is dropped).
std::string ics_escape(std::string_view text);
// One content line, folded: at most 75 octets per line, continuation lines start with a space, a
// UTF-8 character is never split; every line ends with CRLF.
std::string ics_fold(std::string_view line);

} // namespace mf
