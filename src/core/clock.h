// clock.h - the wall clock in the formats the results and reports use.
//
// Index
//   - format_utc_timestamp / format_date   a given moment, for tests and for the functions below
//   - now_timestamp / today_date / today_date_utc   the moment the user acts
//
// One place for these so the app (result timestamps, plan dates) and the command-line tools
// (mf-report's default date) cannot drift apart in format.
#pragma once
#include <ctime>
#include <string>

namespace mf {

// "2026-11-25T14:03:00Z": the timestamp format of result files (docs/result-format.md).
std::string format_utc_timestamp(std::time_t t);
// "2026-11-25": in the local time zone when `local`, else in UTC.
std::string format_date(std::time_t t, bool local);

std::string now_timestamp();   // UTC now
std::string today_date();      // the user's local date: what "today" means on their calendar
std::string today_date_utc();  // UTC date: stable for batch tools whatever the machine's zone

} // namespace mf
