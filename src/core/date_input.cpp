// date_input.cpp - dates as people type them (see date_input.h).
//
// The text is cut into tokens: numbers and words; separators (". / - ," and spaces) only divide them.
// Then the tokens are matched against the few shapes people use: Y M D (ISO), D M Y with a number
// or a month's name for M, and the English M D Y.
#include "core/date_input.h"

#include <cctype>
#include <cstdio>
#include <vector>

namespace mf {

namespace {

struct Token {
    bool number = false;
    int value = 0;       // a number's value, or a month's number (1..12) for a month's name, 0 if neither
    std::size_t digits = 0;
};

// Month names and their usual abbreviations, Danish and English (lower case; "maj" and "may" both).
int month_of(const std::string& word) {
    static const char* const kNames[12][5] = {
        {"januar", "jan", "january", nullptr, nullptr},
        {"februar", "feb", "february", nullptr, nullptr},
        {"marts", "mar", "march", nullptr, nullptr},
        {"april", "apr", nullptr, nullptr, nullptr},
        {"maj", "may", nullptr, nullptr, nullptr},
        {"juni", "jun", "june", nullptr, nullptr},
        {"juli", "jul", "july", nullptr, nullptr},
        {"august", "aug", nullptr, nullptr, nullptr},
        {"september", "sep", "sept", nullptr, nullptr},
        {"oktober", "okt", "october", "oct", nullptr},
        {"november", "nov", nullptr, nullptr, nullptr},
        {"december", "dec", nullptr, nullptr, nullptr},
    };
    for (int m = 0; m < 12; m++)
        for (const char* name : kNames[m])
            if (name && word == name) return m + 1;
    return 0;
}

// Splits into numbers and words. False when a character fits neither nor a separator.
bool tokens_of(std::string_view text, std::vector<Token>& out) {
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = (unsigned char)text[i];
        if (c == ' ' || c == '.' || c == '/' || c == '-' || c == ',' || c == '\t') {
            i++;
        } else if (std::isdigit(c)) {
            Token t;
            t.number = true;
            while (i < text.size() && std::isdigit((unsigned char)text[i]) && t.digits < 5) {
                t.value = t.value * 10 + (text[i] - '0');
                t.digits++;
                i++;
            }
            if (i < text.size() && std::isdigit((unsigned char)text[i])) return false; // too many digits
            out.push_back(t);
        } else if (std::isalpha(c)) {
            std::string word;
            while (i < text.size() && std::isalpha((unsigned char)text[i])) word += (char)std::tolower((unsigned char)text[i++]);
            if (word == "den" || word == "the" || word == "of") continue; // "den 1. marts", "the 1st of March"
            if (word == "st" || word == "nd" || word == "rd" || word == "th") continue; // "1st"
            Token t;
            t.value = month_of(word);
            if (!t.value) return false;
            out.push_back(t);
        } else {
            return false;
        }
    }
    return true;
}

std::optional<std::string> iso(int year, int month, int day) {
    if (year < 100) year += 2000;
    if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
        return std::nullopt;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return std::string(buf);
}

bool year_token(const Token& t) { return t.number && (t.digits == 4 || t.digits == 2); }

} // namespace

int days_in_month(int year, int month) {
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

int weekday(int year, int month, int day) {
    // Sakamoto's method: 0 = Sunday; shifted so that 0 = Monday.
    static const int kOffsets[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (month < 3) year -= 1;
    const int sunday_based = (year + year / 4 - year / 100 + year / 400 + kOffsets[month - 1] + day) % 7;
    return (sunday_based + 6) % 7;
}

std::optional<std::string> read_date_input(std::string_view text) {
    std::vector<Token> t;
    if (!tokens_of(text, t) || t.size() != 3) return std::nullopt;
    // ISO: a four-digit year first.
    if (t[0].number && t[0].digits == 4 && t[1].number && t[2].number) return iso(t[0].value, t[1].value, t[2].value);
    // Day, month (a number or a name), year.
    if (t[0].number && t[0].digits <= 2 && year_token(t[2]) && t[1].digits <= 2) return iso(t[2].value, t[1].value, t[0].value);
    // English: month's name, day, year.
    if (!t[0].number && t[1].number && t[1].digits <= 2 && year_token(t[2])) return iso(t[2].value, t[0].value, t[1].value);
    return std::nullopt;
}

} // namespace mf
