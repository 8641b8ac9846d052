// clock.cpp - see clock.h.
#include "core/clock.h"

namespace mf {

// Digits by hand, not strftime: in the web build strftime is a 5 KB JavaScript function with
// locale tables, for two fixed numeric formats.
static std::tm broken_down(std::time_t t, bool local) {
    std::tm tm{};
    if (local) localtime_r(&t, &tm);
    else gmtime_r(&t, &tm);
    return tm;
}

static void append_number(std::string& out, int value, int digits) {
    char buf[12];
    for (int i = digits - 1; i >= 0; i--, value /= 10) buf[i] = (char)('0' + value % 10);
    out.append(buf, (std::size_t)digits);
}

static std::string date_of(const std::tm& tm) {
    std::string out;
    append_number(out, tm.tm_year + 1900, 4);
    out += '-';
    append_number(out, tm.tm_mon + 1, 2);
    out += '-';
    append_number(out, tm.tm_mday, 2);
    return out;
}

std::string format_utc_timestamp(std::time_t t) {
    const std::tm tm = broken_down(t, false);
    std::string out = date_of(tm);
    out += 'T';
    append_number(out, tm.tm_hour, 2);
    out += ':';
    append_number(out, tm.tm_min, 2);
    out += ':';
    append_number(out, tm.tm_sec, 2);
    out += 'Z';
    return out;
}

std::string format_date(std::time_t t, bool local) { return date_of(broken_down(t, local)); }

std::string now_timestamp() { return format_utc_timestamp(std::time(nullptr)); }
std::string today_date() { return format_date(std::time(nullptr), true); }
std::string today_date_utc() { return format_date(std::time(nullptr), false); }

} // namespace mf
