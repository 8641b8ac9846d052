// The follow-up calendar (RFC 5545): the exact text of a small file, folding at 75 octets without
// splitting a character, TEXT escaping, all-day dates across month and year ends, stable UIDs from the
// CVR number and the focus, an organisation given twice counted once (its newest plan), and nothing to write
// without a date. tests/cli/calendar.test.sh reads the files with a real iCalendar parser.
#include "core/calendar.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

namespace {
using mf_test::example;

mf::CalendarOrganisation bakery() {
    mf::CalendarOrganisation o;
    o.name = "Bageriet Nord ApS";
    o.cvr = "2918 8505";
    o.updated = "2026-11-25T14:40:12Z";
    o.plan.areas = {{"rekruttering", "Flere kanaler; også foreninger, ikke kun netværk", "Søren Ørsted", "2027-12-31",
                     mf::Indicator{"Andel opslag delt via jobcentret", "percent", 25.0, 75.0}}};
    return o;
}

std::vector<std::string> lines_of(const std::string& ics) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    for (std::size_t end; (end = ics.find("\r\n", start)) != std::string::npos; start = end + 2) lines.push_back(ics.substr(start, end - start));
    EXPECT_EQ(start, ics.size()) << "every line ends with CRLF";
    return lines;
}

} // namespace

TEST(Calendar, TheWholeFileOfOneFocusArea) {
    const std::string ics = mf::follow_up_calendar(example(), {bakery()}, "da", "2026-11-30T12:00:00Z");
    EXPECT_EQ(ics,
              "BEGIN:VCALENDAR\r\n"
              "VERSION:2.0\r\n"
              "PRODID:-//Koebenhavns Kommune//Mangfoldighedstjek " MF_APP_VERSION "//DA\r\n"
              "CALSCALE:GREGORIAN\r\n"
              "METHOD:PUBLISH\r\n"
              "X-WR-CALNAME:Mangfoldighedstjek: opfølgning\r\n"
              "BEGIN:VEVENT\r\n"
              "UID:29188505-rekruttering@mangfoldighedstjek.kk.dk\r\n"
              "DTSTAMP:20261130T120000Z\r\n"
              "SEQUENCE:14148880\r\n" // minutes from 2000-01-01T00:00Z to 2026-11-25T14:40Z
              "DTSTART;VALUE=DATE:20271231\r\n"
              "DTEND;VALUE=DATE:20280101\r\n" // the day after: across the year's end
              "SUMMARY:Opfølgning: Rekruttering – Bageriet Nord ApS\r\n"
              // 75 octets a line at most; the third line stops at 74 because "ø" (2 octets) does not fit.
              "DESCRIPTION:Mål: Flere kanaler\\; også foreninger\\, ikke kun netværk\\nInd\r\n"
              " ikator: Andel opslag delt via jobcentret – i dag 25 %\\, målet er 75 %.\\\r\n"
              " nAnsvarlig: Søren Ørsted\\n\\nFra handlingsplanen i Mangfoldighedstjek. F\r\n"
              " ølg op på målet\\, notér hvor langt I er nået\\, og tag det med\\, når \r\n"
              " I laver tjekket igen.\r\n"
              "TRANSP:TRANSPARENT\r\n"
              "BEGIN:VALARM\r\n"
              "ACTION:DISPLAY\r\n"
              "DESCRIPTION:Opfølgning: Rekruttering – Bageriet Nord ApS\r\n"
              "TRIGGER:-P6DT15H\r\n"
              "END:VALARM\r\n"
              "END:VEVENT\r\n"
              "END:VCALENDAR\r\n");
}

TEST(Calendar, FoldsAt75OctetsWithoutSplittingACharacter) {
    // 73 ASCII bytes then "æ" (2 bytes) would end at octet 75; one more "ø" does not fit and moves on.
    const std::string line = "X:" + std::string(71, 'a') + "æøå" + std::string(200, 'b') + "€";
    const std::string folded = mf::ics_fold(line);
    std::string unfolded;
    std::size_t longest = 0;
    bool first = true;
    for (const std::string& l : lines_of(folded)) {
        longest = std::max(longest, l.size());
        EXPECT_TRUE(first || l[0] == ' ') << "continuation lines start with a space";
        unfolded += first ? l : l.substr(1);
        // No line starts or ends inside a UTF-8 character.
        EXPECT_NE(static_cast<unsigned char>(l[first ? 0 : 1]) & 0xC0, 0x80);
        first = false;
    }
    EXPECT_EQ(unfolded, line);
    EXPECT_EQ(longest, 75u);
    EXPECT_EQ(lines_of(folded)[0], "X:" + std::string(71, 'a') + "æ");
    EXPECT_EQ(mf::ics_fold("SHORT:x"), "SHORT:x\r\n");
    EXPECT_EQ(mf::ics_fold(std::string(75, 'z')), std::string(75, 'z') + "\r\n");
    EXPECT_EQ(mf::ics_fold(std::string(76, 'z')), std::string(75, 'z') + "\r\n z\r\n");
}

TEST(Calendar, EscapesText) {
    EXPECT_EQ(mf::ics_escape("a\\b;c,d\r\ne"), "a\\\\b\\;c\\,d\\ne");
    EXPECT_EQ(mf::ics_escape("Æble: \"ja\""), "Æble: \"ja\"");
}

TEST(Calendar, StableUidsOneEventPerUidAndEnglish) {
    mf::CalendarOrganisation old_year = bakery(), this_year = bakery();
    old_year.updated = "2025-11-20T09:47:05Z";
    old_year.plan.areas[0].follow_up = "2026-11-01";
    old_year.plan.areas.push_back({"channels", "Et mål fra sidste år", "HR", "2026-05-01"}); // not in this year's plan: no event
    this_year.plan.areas.push_back({"policy", "Politik vedtaget", "Direktøren", "2028-02-29"}); // a leap day; no indicator
    this_year.plan.areas.push_back({"ledelse", "Ingen dato endnu", "HR", ""});                   // no date: no event
    mf::CalendarOrganisation nameless;
    nameless.cvr = "12345678"; // not a valid CVR number: the UID comes from the (empty) name
    nameless.updated = "2026-01-01T00:00:00Z";
    nameless.plan.areas = {{"ledelse", "Goal", "CEO", "2027-02-28"}};

    const std::vector<mf::CalendarOrganisation> all{old_year, this_year, nameless};
    EXPECT_EQ(mf::follow_up_event_count(all), 3u);
    const std::string ics = mf::follow_up_calendar(example(), all, "en", "2026-11-30T12:00:00Z");
    const std::vector<std::string> lines = lines_of(ics);
    std::vector<std::string> uids, starts, ends, summaries;
    for (const std::string& l : lines) {
        if (l.rfind("UID:", 0) == 0) uids.push_back(l.substr(4));
        if (l.rfind("DTSTART;VALUE=DATE:", 0) == 0) starts.push_back(l.substr(19));
        if (l.rfind("DTEND;VALUE=DATE:", 0) == 0) ends.push_back(l.substr(17));
        if (l.rfind("SUMMARY:", 0) == 0) summaries.push_back(l.substr(8));
    }
    EXPECT_EQ(uids, (std::vector<std::string>{"29188505-rekruttering@mangfoldighedstjek.kk.dk", "29188505-policy@mangfoldighedstjek.kk.dk",
                                              "org-e3b0c44298fc1c14-ledelse@mangfoldighedstjek.kk.dk"}));
    EXPECT_EQ(starts, (std::vector<std::string>{"20271231", "20280229", "20270228"})) << "this year's plan, not last year's";
    EXPECT_EQ(ends, (std::vector<std::string>{"20280101", "20280301", "20270301"}));
    EXPECT_EQ(summaries[0], "Follow-up: Recruitment – Bageriet Nord ApS");
    EXPECT_EQ(summaries[2], "Follow-up: Leadership"); // no name: the focus alone
    EXPECT_NE(ics.find("PRODID:-//Koebenhavns Kommune//Mangfoldighedstjek " MF_APP_VERSION "//EN\r\n"), std::string::npos);

    // Exported again later (a goal changed): the same UIDs, a higher SEQUENCE.
    mf::CalendarOrganisation changed = this_year;
    changed.updated = "2026-12-01T08:00:00Z";
    changed.plan.areas[0].goal = "Tre kanaler";
    const std::string again = mf::follow_up_calendar(example(), {changed}, "da", "2026-12-01T08:00:00Z");
    EXPECT_NE(again.find("UID:29188505-rekruttering@mangfoldighedstjek.kk.dk\r\n"), std::string::npos);
    EXPECT_NE(again.find("SEQUENCE:14157120\r\n"), std::string::npos);
    EXPECT_NE(ics.find("SEQUENCE:14148880\r\n"), std::string::npos);
}

TEST(Calendar, NothingToWriteWithoutADate) {
    mf::CalendarOrganisation o = bakery();
    o.plan.areas[0].follow_up = "2027-02-30";
    EXPECT_EQ(mf::follow_up_calendar(example(), {o}, "da", "2026-11-30T12:00:00Z"), "");
    EXPECT_EQ(mf::follow_up_calendar(example(), {}, "da", "2026-11-30T12:00:00Z"), "");
    EXPECT_EQ(mf::follow_up_event_count({o}), 0u);
}
