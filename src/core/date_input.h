// date_input.h - dates as people type them, in Danish or English, read into ISO 8601 (YYYY-MM-DD).
//
// Index
//   - read_date_input    "1/3-2027", "01.03.2027", "1. marts 2027", "1 March 2027", "2027-03-01" -> "2027-03-01"
//   - days_in_month, weekday   for the calendar picker
//
// Day before month, as Danes (and most Europeans) write dates; a year of two digits is 20xx. Only
// real dates are read: "30/2-2027" is not a date. Stored dates are always ISO; how a date is shown is
// the text table's business (Texts::date_in_words).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace mf {

// The ISO date the text names, or nothing. Accepted (spaces around separators allowed, case ignored):
//   2027-03-01                         ISO
//   1/3-2027, 1/3 2027, 1/3/2027        day/month, then the year after "-", "/" or a space
//   01.03.2027, 1.3.27, 1-3-2027        day, month, year with ".", "-" or "/"
//   1. marts 2027, 1 marts 2027, 1. mar. 2027, den 1. marts 2027
//   1 March 2027, March 1, 2027, 1 Mar 2027
std::optional<std::string> read_date_input(std::string_view text);

int days_in_month(int year, int month);
// 0 = Monday ... 6 = Sunday (the Danish calendar starts its weeks on Monday).
int weekday(int year, int month, int day);

} // namespace mf
