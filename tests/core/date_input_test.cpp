// date_input_test.cpp - dates as Danes and others type them, read into ISO; only real dates.
#include "core/date_input.h"

#include <gtest/gtest.h>

namespace {

std::string read(const char* text) { return mf::read_date_input(text).value_or("none"); }

TEST(DateInput, ReadsTheDanishWaysOfWritingADate) {
    EXPECT_EQ(read("2027-03-01"), "2027-03-01");
    EXPECT_EQ(read("1/3-2027"), "2027-03-01");
    EXPECT_EQ(read("1/3 2027"), "2027-03-01");
    EXPECT_EQ(read("01.03.2027"), "2027-03-01");
    EXPECT_EQ(read("1.3.27"), "2027-03-01");
    EXPECT_EQ(read("1-3-2027"), "2027-03-01");
    EXPECT_EQ(read("1. marts 2027"), "2027-03-01");
    EXPECT_EQ(read("den 1. marts 2027"), "2027-03-01");
    EXPECT_EQ(read("1. mar. 2027"), "2027-03-01");
    EXPECT_EQ(read(" 31. December 2027 "), "2027-12-31");
    EXPECT_EQ(read("15. okt 2027"), "2027-10-15");
    EXPECT_EQ(read("1. maj 2027"), "2027-05-01");
}

TEST(DateInput, ReadsEnglishForms) {
    EXPECT_EQ(read("1 March 2027"), "2027-03-01");
    EXPECT_EQ(read("March 1, 2027"), "2027-03-01");
    EXPECT_EQ(read("1st of May 2027"), "2027-05-01");
    EXPECT_EQ(read("Oct 15 2027"), "2027-10-15");
}

TEST(DateInput, RefusesWhatIsNoDate) {
    for (const char* text : {"", "soon", "30/2-2027", "29.02.2027", "2027-13-01", "1/3", "1. marts", "13.13.2027",
                             "1 3 2027 4", "1/3-202", "1. martsmåned 2027", "2027-3-1-1", "123/3-2027"})
        EXPECT_EQ(read(text), "none") << text;
    EXPECT_EQ(read("29.02.2028"), "2028-02-29"); // a leap year
}

TEST(DateInput, CalendarArithmetic) {
    EXPECT_EQ(mf::days_in_month(2027, 2), 28);
    EXPECT_EQ(mf::days_in_month(2028, 2), 29);
    EXPECT_EQ(mf::days_in_month(2100, 2), 28);
    EXPECT_EQ(mf::days_in_month(2000, 2), 29);
    EXPECT_EQ(mf::weekday(2026, 11, 30), 0); // a Monday
    EXPECT_EQ(mf::weekday(2027, 3, 1), 0);
    EXPECT_EQ(mf::weekday(2027, 1, 1), 4); // a Friday
    EXPECT_EQ(mf::weekday(2024, 2, 29), 3); // a Thursday
}

} // namespace
