// texts.cpp - the text table's lookup and the language's way of writing numbers and dates (see texts.h).
#include "core/texts.h"

#include "core/scoring.h" // round1: every shown number is rounded as exported numbers are

#include <algorithm>
#include <cmath>

namespace mf {

namespace generated {
// cmake/texts_to_cpp.py writes these from assets/texts.json, sorted by key.
extern const TextEntry kTextTable[];
extern const std::size_t kTextTableSize;
} // namespace generated

std::size_t text_table_size() { return generated::kTextTableSize; }

const TextEntry& text_table_at(std::size_t index) { return generated::kTextTable[index]; }

const TextEntry* find_text(std::string_view key) {
    const TextEntry* begin = generated::kTextTable;
    const TextEntry* end = begin + generated::kTextTableSize;
    const TextEntry* it = std::lower_bound(begin, end, key, [](const TextEntry& e, std::string_view k) { return std::string_view(e.key) < k; });
    return it != end && std::string_view(it->key) == key ? it : nullptr;
}

// The English installed for entries compiled without it, by table index (empty: none yet).
static std::vector<std::string>& installed_english() {
    static std::vector<std::string> english;
    return english;
}

bool install_english_texts(const std::map<std::string, std::string, std::less<>>& english) {
    std::vector<std::string> next(generated::kTextTableSize);
    for (std::size_t i = 0; i < generated::kTextTableSize; i++) {
        const TextEntry& e = generated::kTextTable[i];
        if (e.en) continue;
        const auto it = english.find(std::string_view(e.key));
        if (it == english.end() || it->second.find_first_not_of(" \t\r\n") == std::string::npos) return false;
        next[i] = it->second;
    }
    installed_english() = std::move(next);
    return true;
}

std::string fill_placeholders(std::string_view text, const TextArg* args, std::size_t count) {
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            const std::size_t close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                const std::string_view name = text.substr(i + 1, close - i - 1);
                const TextArg* arg = nullptr;
                for (std::size_t k = 0; k < count; k++)
                    if (name == args[k].name) arg = &args[k];
                if (arg) {
                    out += arg->value;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

Texts::Texts(std::string_view language) : language_(language), english_(language == "en") {}

const char* Texts::operator()(std::string_view key) const {
    const TextEntry* e = find_text(key);
    if (!e) return key.data(); // keys are string literals: null-terminated
    if (!english_) return e->da;
    if (e->en) return e->en;
    // English on demand: the installed text, or the Danish until it is there.
    const std::vector<std::string>& installed = installed_english();
    const std::size_t index = static_cast<std::size_t>(e - generated::kTextTable);
    return index < installed.size() && !installed[index].empty() ? installed[index].c_str() : e->da;
}

std::string Texts::operator()(std::string_view key, std::initializer_list<TextArg> args) const {
    return fill_placeholders((*this)(key), args.begin(), args.size());
}

std::string Texts::operator()(std::string_view key, const TextArgs& args) const {
    return fill_placeholders((*this)(key), args.data(), args.size());
}

// Built from whole tenths: no locale, no printf rounding of binary fractions.
std::string Texts::decimal(double value, bool sign) const {
    long long tenths = std::llround(round1(value) * 10.0);
    std::string out;
    if (tenths < 0) {
        out = "-";
        tenths = -tenths;
    } else if (sign && tenths > 0) {
        out = "+";
    }
    out += std::to_string(tenths / 10);
    if (tenths % 10 != 0) {
        out += english_ ? '.' : ',';
        out += char('0' + tenths % 10);
    }
    return out;
}

std::string Texts::percent(std::optional<double> value) const {
    if (!value) return "\u2013";
    return decimal(*value) + (english_ ? "%" : " %");
}

std::string Texts::points(double value) const { return decimal(value, true); }

std::string Texts::date_in_words(std::string_view date) const {
    auto digits = [&](std::size_t from, std::size_t n) {
        int v = 0;
        for (std::size_t i = from; i < from + n; i++) {
            if (i >= date.size() || date[i] < '0' || date[i] > '9') return -1;
            v = v * 10 + (date[i] - '0');
        }
        return v;
    };
    const int year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
    if (date.size() != 10 || date[4] != '-' || date[7] != '-' || year < 0 || month < 1 || month > 12 || day < 1 || day > 31)
        return std::string(date);
    static const char* const kMonths[] = {"date.month.01", "date.month.02", "date.month.03", "date.month.04",
                                          "date.month.05", "date.month.06", "date.month.07", "date.month.08",
                                          "date.month.09", "date.month.10", "date.month.11", "date.month.12"};
    return (*this)("date.in_words", {{"day", std::to_string(day)}, {"month", (*this)(kMonths[month - 1])},
                                     {"year", std::string(date.substr(0, 4))}});
}

} // namespace mf
