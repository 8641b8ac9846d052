// print_format.cpp - see print_format.h.
#include "core/print_format.h"

#include "core/result.h" // kAppName

#include <cmath>
#include <cstdio>

namespace mf {

std::string print_number(double x, const Texts& t, bool sign) {
    std::string out = t.decimal(x, sign);
    if (!out.empty() && out[0] == '-') out.replace(0, 1, "\u2212");
    return out;
}

std::string print_percent(const std::optional<double>& x, const Texts& t) {
    return x ? print_number(*x, t) + "\u00a0%" : std::string("\u2013");
}

std::string svg_number(double x) {
    long long hundredths = std::llround(x * 100.0);
    std::string out = hundredths < 0 ? "-" : "";
    if (hundredths < 0) hundredths = -hundredths;
    out += std::to_string(hundredths / 100);
    if (hundredths % 100) {
        char buf[8];
        std::snprintf(buf, sizeof buf, ".%02lld", hundredths % 100);
        out += buf;
    }
    return out;
}

std::string print_page_head(const std::string& language, const std::string& title, std::string_view css) {
    std::string h = "<!doctype html>\n<html lang=\"" + language + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    h += "<meta name=\"generator\" content=\"" + std::string(kAppName) + " " + MF_APP_VERSION + "\">\n";
    h += "<title>" + title + "</title>\n<style>" + std::string(css) + "</style>\n</head>\n<body>\n<main>\n";
    return h;
}

} // namespace mf
