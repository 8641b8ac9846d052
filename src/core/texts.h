// texts.h - every fixed text the user reads, in Danish and English, looked up by key.
//
// Index
//   - TextEntry, text_table     the table compiled from assets/texts.json (cmake/texts_to_cpp.py)
//   - TextArg, Texts            a language's view of the table: texts by key, {name} placeholders
//   - numbers and dates         "54,3 %" / "54.3%", "+4,2", "25. november 2026" as the language writes them
//
// One table for the app's screens, the printed report, the accessible layer and every message, so a
// text is written once per language and a reviewer finds it in one place (assets/texts.json,
// documented in docs/texts.md). Keys are dotted lower-case names ("report.title"); a key is written
// in the source only as a string literal, so tests/core/texts_test.cpp can prove that every key
// used exists and that no key of the table is unused. Texts taken from a questionnaire (questions,
// themes, levels) are not here: they are the questionnaire's data (LocalText).
#pragma once
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mf {

struct TextEntry {
    const char* key;
    const char* da;
    const char* en;
};

// The compiled table, sorted by key (generated: build/<preset>/generated/text_table.cpp).
std::size_t text_table_size();
const TextEntry& text_table_at(std::size_t index);
// The entry of `key`, or nullptr.
const TextEntry* find_text(std::string_view key);

// English on demand (docs/texts.md): the respondent's web page compiles a table whose English is
// nullptr for most entries and fetches it when the user asks for English. Until then an English
// lookup of such an entry gives the Danish text (never an empty gap).
// Gives the missing English, `english` by key. All or nothing: installs nothing and returns false
// when one missing entry is not in it or is empty; extra keys are ignored. Texts already compiled in
// are not replaced.
bool install_english_texts(const std::map<std::string, std::string, std::less<>>& english);

// A named value for a {name} placeholder. The name is a string literal (it is a key's placeholder,
// written once in the source): not copied, which keeps every call site small in the web build.
struct TextArg {
    const char* name;
    std::string value;
};
using TextArgs = std::vector<TextArg>; // kept values (a notice shown later)

// The table in one language. "en" is English; any other language code reads Danish, the product's
// first language (as the questionnaire's texts do).
class Texts {
public:
    explicit Texts(std::string_view language = "da");

    const std::string& language() const { return language_; }
    bool english() const { return english_; }

    // The text of `key`. A key missing from the table returns the key itself, so a mistake shows on
    // screen instead of an empty gap (the texts test keeps that from happening).
    const char* operator()(std::string_view key) const;
    // The text with each {name} replaced by its argument's value; a placeholder without an argument
    // stays as written.
    std::string operator()(std::string_view key, std::initializer_list<TextArg> args) const;
    std::string operator()(std::string_view key, const TextArgs& args) const;

    // Numbers rounded to one decimal as the language writes them, "50" for whole numbers:
    // "54,3" / "54.3". `sign`: "+4,2" for positive values.
    std::string decimal(double value, bool sign = false) const;
    // "54,3 %" / "54.3%", or "–" when absent.
    std::string percent(std::optional<double> value) const;
    // "+4,2" / "-1,5" / "0": a change in percentage points.
    std::string points(double value) const;
    // "25. november 2026" / "25 November 2026" for a YYYY-MM-DD date (anything else as it is).
    std::string date_in_words(std::string_view date) const;

private:
    std::string language_;
    bool english_ = false;
};

// Replaces each {name} in `text` by its argument (the engine of Texts::operator() with arguments).
std::string fill_placeholders(std::string_view text, const TextArg* args, std::size_t count);

} // namespace mf
