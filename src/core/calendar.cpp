// calendar.cpp - the follow-up calendar (calendar.h; docs/result-format.md, "The follow-up calendar").
//
// Index
//   - dates: days since 1970 and back (Hinnant's civil-date algorithms), the next day, SEQUENCE
//   - ics_escape, ics_fold
//   - calendar_organisation, follow_up_calendar
#include "core/calendar.h"

#include "core/answers.h"
#include "core/cvr.h"
#include "core/sha256.h"
#include "core/texts.h"

#include <cstdio>
#include <map>
#include <set>

namespace mf {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
long long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(long long z, int& y, int& m, int& d) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = static_cast<int>(yoe + era * 400 + (m <= 2));
}

// "2027-03-01" -> "20270301"; with `add` days added first.
std::string ics_date(const std::string& date, int add = 0) {
    int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
    civil_from_days(days_from_civil(y, m, d) + add, y, m, d);
    char out[16];
    std::snprintf(out, sizeof out, "%04d%02d%02d", y, m, d);
    return out;
}

// "2026-11-30T12:00:00Z" -> "20261130T120000Z".
std::string ics_timestamp(const std::string& timestamp) {
    std::string out;
    for (char c : timestamp)
        if (c != '-' && c != ':') out += c;
    return out;
}

// SEQUENCE: minutes from 2000-01-01T00:00:00Z to the assessment's last change, so that a calendar
// sees a later export as the newer version of the same event. 0 when the time is not valid.
long long sequence_of(const std::string& updated) {
    if (!is_valid_timestamp(updated)) return 0;
    const long long days = days_from_civil(std::stoi(updated.substr(0, 4)), std::stoi(updated.substr(5, 2)), std::stoi(updated.substr(8, 2))) -
                           days_from_civil(2000, 1, 1);
    const long long minutes = days * 1440 + std::stoi(updated.substr(11, 2)) * 60 + std::stoi(updated.substr(14, 2));
    return minutes < 0 ? 0 : minutes;
}

// The part of the UID before the focus id: the CVR number when it is valid, else a digest of the name.
std::string organisation_key(const CalendarOrganisation& o) {
    const std::string cvr = normalise_cvr(o.cvr);
    if (check_cvr(cvr) == CvrCheck::Valid) return cvr;
    return "org-" + sha256_hex(o.name).substr(0, 16);
}

std::string focus_title(const Questionnaire& q, const std::string& focus, const std::string& lang) {
    for (const Theme& t : q.themes) {
        if (t.id == focus) return t.title.in(lang);
        for (const Question& question : t.questions)
            if (question.id == focus) return question.text.in(lang);
    }
    return focus;
}

struct Event {
    const CalendarOrganisation* organisation;
    const FocusArea* area;
    std::string uid;
};

// Every focus area with a valid date, in input order, one per UID. An organisation given twice (last
// year's file and this year's, or a copy) counts once: its assessment changed last is its plan now.
std::vector<Event> events_of(const std::vector<CalendarOrganisation>& organisations) {
    std::map<std::string, const CalendarOrganisation*> newest; // organisation key -> its newest assessment
    for (const CalendarOrganisation& o : organisations) {
        auto [it, added] = newest.emplace(organisation_key(o), &o);
        if (!added && o.updated > it->second->updated) it->second = &o;
    }
    std::vector<Event> events;
    std::set<std::string> uids;
    for (const CalendarOrganisation& o : organisations) {
        const std::string key = organisation_key(o);
        if (newest[key] != &o) continue;
        for (const FocusArea& a : o.plan.areas) {
            std::string uid = key + "-" + a.focus + "@mangfoldighedstjek.kk.dk";
            if (is_valid_date(a.follow_up) && uids.insert(uid).second) events.push_back(Event{&o, &a, std::move(uid)});
        }
    }
    return events;
}

} // namespace

std::string ics_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '\\': out += "\\\\"; break;
        case ';': out += "\\;"; break;
        case ',': out += "\\,"; break;
        case '\n': out += "\\n"; break;
        case '\r': break;
        default: out += c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    std::string out;
    std::size_t start = 0;
    bool first = true;
    while (true) {
        const std::size_t room = first ? 75 : 74; // continuation lines begin with a space
        std::size_t end = start + room;
        if (end >= line.size()) {
            if (!first) out += ' ';
            out.append(line.substr(start));
            out += "\r\n";
            return out;
        }
        while (end > start && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end; // not inside a character
        if (!first) out += ' ';
        out.append(line.substr(start, end - start));
        out += "\r\n";
        start = end;
        first = false;
    }
}

CalendarOrganisation calendar_organisation(const Questionnaire& questionnaire, const Assessment& assessment) {
    CalendarOrganisation o;
    if (const Question* q = questionnaire.profile_field("name"))
        if (const std::string* v = answer_text(assessment.answers, q->id)) o.name = *v;
    if (const Question* q = questionnaire.profile_field("cvr"))
        if (const std::string* v = answer_text(assessment.answers, q->id)) o.cvr = *v;
    o.updated = assessment.updated;
    o.plan = assessment.action_plan;
    return o;
}

std::size_t follow_up_event_count(const std::vector<CalendarOrganisation>& organisations) { return events_of(organisations).size(); }

std::string follow_up_calendar(const Questionnaire& questionnaire, const std::vector<CalendarOrganisation>& organisations,
                               const std::string& language, const std::string& stamp) {
    const std::vector<Event> events = events_of(organisations);
    if (events.empty()) return "";
    const Texts t(language);
    const std::string& lang = t.language();
    std::string out;
    auto line = [&](const std::string& name, const std::string& value) { out += ics_fold(name + ":" + value); };
    line("BEGIN", "VCALENDAR");
    line("VERSION", "2.0");
    line("PRODID", std::string("-//Koebenhavns Kommune//") + kAppName + " " + MF_APP_VERSION + "//" + (t.english() ? "EN" : "DA"));
    line("CALSCALE", "GREGORIAN");
    line("METHOD", "PUBLISH");
    line("X-WR-CALNAME", ics_escape(t("calendar.name")));
    for (const Event& e : events) {
        const CalendarOrganisation& o = *e.organisation;
        const FocusArea& a = *e.area;
        const std::string focus = focus_title(questionnaire, a.focus, lang);
        const std::string summary = o.name.empty() ? t("calendar.summary_alone", {{"focus", focus}})
                                                   : t("calendar.summary", {{"focus", focus}, {"organisation", o.name}});
        std::string description = t("calendar.goal", {{"goal", a.goal}});
        const Indicator& ind = a.indicator;
        if (!ind.empty())
            description += "\n" + t("calendar.indicator", {{"measure", ind.measure},
                                                           {"baseline", indicator_value_text(ind.unit, ind.baseline, lang)},
                                                           {"target", indicator_value_text(ind.unit, ind.target, lang)}});
        description += "\n" + t("calendar.responsible", {{"responsible", a.responsible}});
        description += "\n\n" + std::string(t("calendar.footer"));
        line("BEGIN", "VEVENT");
        line("UID", e.uid);
        line("DTSTAMP", ics_timestamp(stamp));
        line("SEQUENCE", std::to_string(sequence_of(o.updated)));
        line("DTSTART;VALUE=DATE", ics_date(a.follow_up));
        line("DTEND;VALUE=DATE", ics_date(a.follow_up, 1));
        line("SUMMARY", ics_escape(summary));
        line("DESCRIPTION", ics_escape(description));
        line("TRANSP", "TRANSPARENT");
        line("BEGIN", "VALARM");
        line("ACTION", "DISPLAY");
        line("DESCRIPTION", ics_escape(summary));
        line("TRIGGER", "-P6DT15H"); // the all-day event starts at 00:00: a week before, at 09:00
        line("END", "VALARM");
        line("END", "VEVENT");
    }
    line("END", "VCALENDAR");
    return out;
}

} // namespace mf
