// clock_test.cpp - the timestamp and date formats of core/clock.h.
#include "core/clock.h"

#include <gtest/gtest.h>

#include <regex>

namespace mf {
namespace {

TEST(Clock, FormatsKnownMomentsInUtc) {
    EXPECT_EQ(format_utc_timestamp(0), "1970-01-01T00:00:00Z");
    // 2026-11-25 14:03:09 UTC = 1795615389 s after the epoch.
    EXPECT_EQ(format_utc_timestamp(1795615389), "2026-11-25T14:03:09Z");
    EXPECT_EQ(format_date(1795615389, false), "2026-11-25");
    // Every field below 10 keeps its leading zero; the last second of a year.
    EXPECT_EQ(format_utc_timestamp(981173106), "2001-02-03T04:05:06Z");
    EXPECT_EQ(format_utc_timestamp(946684799), "1999-12-31T23:59:59Z");
    EXPECT_EQ(format_date(981173106, false), "2001-02-03");
}

TEST(Clock, NowHasTheResultFileShape) {
    const std::regex timestamp(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)");
    const std::regex date(R"(\d{4}-\d{2}-\d{2})");
    EXPECT_TRUE(std::regex_match(now_timestamp(), timestamp)) << now_timestamp();
    EXPECT_TRUE(std::regex_match(today_date(), date)) << today_date();
    EXPECT_TRUE(std::regex_match(today_date_utc(), date)) << today_date_utc();
    // The UTC date is the date part of the UTC timestamp (read in one go would be racy at midnight,
    // so compare against a timestamp taken from the same second).
    const std::time_t t = std::time(nullptr);
    EXPECT_EQ(format_utc_timestamp(t).substr(0, 10), format_date(t, false));
}

} // namespace
} // namespace mf
