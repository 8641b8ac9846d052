// clock.cpp - see clock.h.
#include "core/clock.h"

namespace mf {

static std::string format_time(std::time_t t, bool local, const char* format) {
    std::tm tm{};
    if (local) localtime_r(&t, &tm);
    else gmtime_r(&t, &tm);
    char buf[32];
    const std::size_t n = std::strftime(buf, sizeof buf, format, &tm);
    return std::string(buf, n);
}

std::string format_utc_timestamp(std::time_t t) { return format_time(t, false, "%Y-%m-%dT%H:%M:%SZ"); }
std::string format_date(std::time_t t, bool local) { return format_time(t, local, "%Y-%m-%d"); }

std::string now_timestamp() { return format_utc_timestamp(std::time(nullptr)); }
std::string today_date() { return format_date(std::time(nullptr), true); }
std::string today_date_utc() { return format_date(std::time(nullptr), false); }

} // namespace mf
