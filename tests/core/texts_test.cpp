// texts_test.cpp - the text table (assets/texts.json compiled into core): complete in both languages,
// every key used by the sources, every key the sources use present; numbers and dates as each
// language writes them.
#include "app/ui/glyph_ranges.h"
#include "core/diagnostic_codes.h"
#include "core/texts.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    static const std::regex kPlaceholder(R"(\{([a-z_][a-z0-9_]*)\})");
    for (std::sregex_iterator it(text.begin(), text.end(), kPlaceholder), end; it != end; ++it) out.insert((*it)[1]);
    return out;
}

// Every string literal in our sources (src/, the C++ and the JavaScript of the page), with the file it
// is in. Keys are only ever written as literals (texts.h), so this finds every use.
std::map<std::string, std::string> source_literals() {
    std::map<std::string, std::string> found;
    static const std::regex kLiteral(R"lit("([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)")lit");
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(MF_SOURCE_DIR) / "src")) {
        const std::string ext = entry.path().extension().string();
        if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".h" && ext != ".js")) continue;
        std::ifstream in(entry.path());
        std::stringstream ss;
        ss << in.rdbuf();
        const std::string text = ss.str();
        for (std::sregex_iterator it(text.begin(), text.end(), kLiteral), end; it != end; ++it)
            found.emplace((*it)[1], entry.path().lexically_relative(MF_SOURCE_DIR).string());
    }
    return found;
}

std::string area_of(const std::string& key) { return key.substr(0, key.find('.')); }

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The code points of a UTF-8 text (the texts are valid UTF-8: the generator and the loaders check).
std::vector<char32_t> code_points(const std::string& s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = (unsigned char)s[i];
        const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
        for (int k = 1; k < n && i + k < s.size(); k++) cp = (cp << 6) | ((unsigned char)s[i + k] & 0x3f);
        out.push_back(cp);
        i += (std::size_t)n;
    }
    return out;
}

// "U+0020-007E,U+00A0-00FF,U+2022" (assets/font-subset.json) as ranges.
std::vector<std::pair<char32_t, char32_t>> font_ranges() {
    const nlohmann::json def = nlohmann::json::parse(read_file(fs::path(MF_SOURCE_DIR) / "assets" / "font-subset.json"));
    std::vector<std::pair<char32_t, char32_t>> ranges;
    std::stringstream list(def.at("unicodes").get<std::string>());
    for (std::string part; std::getline(list, part, ',');) {
        const std::string hex = part.substr(2); // after "U+"
        const std::size_t dash = hex.find('-');
        const char32_t from = (char32_t)std::stoul(hex.substr(0, dash), nullptr, 16);
        const char32_t to = dash == std::string::npos ? from : (char32_t)std::stoul(hex.substr(dash + 1), nullptr, 16);
        ranges.emplace_back(from, to);
    }
    return ranges;
}

bool in_font(char32_t cp, const std::vector<std::pair<char32_t, char32_t>>& ranges) {
    if (cp == '\n') return true; // a line break is layout, not a glyph
    for (const auto& r : ranges)
        if (cp >= r.first && cp <= r.second) return true;
    return false;
}

void strings_of(const nlohmann::json& j, std::vector<std::string>& out) {
    if (j.is_string()) out.push_back(j.get<std::string>());
    else if (j.is_structured())
        for (const auto& child : j) strings_of(child, out);
}

} // namespace

TEST(Texts, EveryEntryHasBothLanguagesWithTheSamePlaceholders) {
    ASSERT_GT(mf::text_table_size(), 50u);
    for (std::size_t i = 0; i < mf::text_table_size(); i++) {
        const mf::TextEntry& e = mf::text_table_at(i);
        SCOPED_TRACE(e.key);
        EXPECT_STRNE(e.da, "");
        EXPECT_STRNE(e.en, "");
        EXPECT_EQ(placeholders(e.da), placeholders(e.en));
    }
}

TEST(Texts, KeysAreSortedAndUniqueSoEveryOneIsFound) {
    for (std::size_t i = 1; i < mf::text_table_size(); i++)
        EXPECT_LT(std::string(mf::text_table_at(i - 1).key), std::string(mf::text_table_at(i).key));
    for (std::size_t i = 0; i < mf::text_table_size(); i++) EXPECT_EQ(mf::find_text(mf::text_table_at(i).key), &mf::text_table_at(i));
    EXPECT_EQ(mf::find_text("no.such.key"), nullptr);
}

TEST(Texts, EveryKeyOfTheTableIsUsedInTheSources) {
    const std::map<std::string, std::string> literals = source_literals();
    for (std::size_t i = 0; i < mf::text_table_size(); i++) {
        const std::string key = mf::text_table_at(i).key;
        // "diag.<code>" is used through the code registry (diagnostic_text, core/texts.h).
        if (key.rfind("diag.", 0) == 0) {
            EXPECT_NE(mf::find_diagnostic_code(key.substr(5)), nullptr) << "\"" << key << "\" is a text for no registered code";
            continue;
        }
        EXPECT_TRUE(literals.count(key)) << "\"" << key << "\" is in assets/texts.json but no source uses it";
    }
}

// Each registered code has its plain-language text; its placeholders are parameters of the code and
// never the ones for experts (parser details, byte offsets, hashes, JSON pointers, raw JSON values),
// which the app shows only behind "Technical details".
TEST(Texts, EveryDiagnosticCodeHasAPlainTextFromItsParameters) {
    const std::set<std::string> technical = {"detail", "byte", "found", "computed", "first_at", "defined_at", "got", "got_type"};
    for (const mf::DiagnosticCodeInfo& info : mf::diagnostic_codes()) {
        SCOPED_TRACE(info.code);
        const mf::TextEntry* entry = mf::find_text("diag." + info.code);
        ASSERT_NE(entry, nullptr) << "assets/texts.json has no \"diag." << info.code << "\"";
        const std::set<std::string> params(info.params.begin(), info.params.end());
        for (const std::string& name : placeholders(entry->da)) {
            EXPECT_TRUE(params.count(name)) << "{" << name << "} is not a parameter of the code";
            EXPECT_FALSE(technical.count(name)) << "{" << name << "} is for experts only";
        }
    }
}

TEST(Texts, EveryKeyTheSourcesUseIsInTheTable) {
    std::set<std::string> areas; // "report", "plan", ...: a literal under one of these is a key
    for (std::size_t i = 0; i < mf::text_table_size(); i++) areas.insert(area_of(mf::text_table_at(i).key));
    for (const auto& [literal, file] : source_literals()) {
        if (!areas.count(area_of(literal))) continue;
        // A diagnostic code ("workshop.entry.bad_id", docs/diagnostics.md) is not a text key: its
        // text is "diag.<code>".
        if (mf::find_diagnostic_code(literal)) continue;
        EXPECT_NE(mf::find_text(literal), nullptr) << file << " uses \"" << literal << "\", which is not in assets/texts.json";
    }
}

// Every text of the table in both languages and every string of the shipped questionnaires, as
// (where, text).
static std::vector<std::pair<std::string, std::string>> every_text() {
    std::vector<std::pair<std::string, std::string>> texts;
    for (std::size_t i = 0; i < mf::text_table_size(); i++) {
        texts.emplace_back(std::string(mf::text_table_at(i).key) + " (da)", mf::text_table_at(i).da);
        texts.emplace_back(std::string(mf::text_table_at(i).key) + " (en)", mf::text_table_at(i).en);
    }
    for (const auto& entry : fs::directory_iterator(fs::path(MF_SOURCE_DIR) / "questionnaires")) {
        if (entry.path().extension() != ".json") continue;
        std::vector<std::string> strings;
        strings_of(nlohmann::json::parse(read_file(entry.path())), strings);
        for (const std::string& text : strings) texts.emplace_back(entry.path().filename().string(), text);
    }
    return texts;
}

// Dear ImGui's glyph ranges (pairs ending with 0, app/ui/glyph_ranges.h) as ranges.
static std::vector<std::pair<char32_t, char32_t>> imgui_ranges(const unsigned short* r) {
    std::vector<std::pair<char32_t, char32_t>> out;
    for (; r[0] != 0; r += 2) out.emplace_back(r[0], r[1]);
    return out;
}

// ImGui draws a character the font lacks as "?": every character of every text, and of the shipped
// questionnaires, must be in the subset emsdk-setup.sh cuts (assets/font-subset.json).
TEST(Texts, EveryCharacterIsInTheAppsFont) {
    const auto ranges = font_ranges();
    ASSERT_FALSE(ranges.empty());
    EXPECT_FALSE(in_font(0x4E2D, ranges)); // the check can fail: a CJK character is not in the subset
    for (const auto& [where, text] : every_text())
        for (char32_t cp : code_points(text))
            EXPECT_TRUE(in_font(cp, ranges)) << where << ": U+" << std::hex << (unsigned)cp << " is not in assets/font-subset.json";
}

// The first frame is drawn with fewer glyphs (glyph_ranges.h): none of the app's own texts may show
// a "?" there. Its glyphs are a part of all the atlas's, which are the font's (no glyph of the font
// left out, none asked for that it lacks).
TEST(Texts, EveryCharacterIsInTheFirstFramesGlyphs) {
    const auto first = imgui_ranges(mf::ui::kFirstFrameGlyphs), all = imgui_ranges(mf::ui::kAllGlyphs), font = font_ranges();
    EXPECT_FALSE(in_font(0x00F1, first)); // the check can fail: ñ waits for the second frame
    EXPECT_TRUE(in_font(0x00F1, all));
    for (const auto& [where, text] : every_text())
        for (char32_t cp : code_points(text))
            EXPECT_TRUE(in_font(cp, first)) << where << ": U+" << std::hex << (unsigned)cp << " is not in kFirstFrameGlyphs (app/ui/glyph_ranges.h)";
    for (const auto& [from, to] : first)
        for (char32_t cp = from; cp <= to; cp++) EXPECT_TRUE(in_font(cp, all)) << "U+" << std::hex << (unsigned)cp << " is only in the first frame's glyphs";
    for (const auto& [from, to] : all)
        for (char32_t cp = from; cp <= to; cp++) EXPECT_TRUE(in_font(cp, font)) << "U+" << std::hex << (unsigned)cp << " is not in assets/font-subset.json";
    for (const auto& [from, to] : font)
        for (char32_t cp = from; cp <= to; cp++) EXPECT_TRUE(in_font(cp, all)) << "U+" << std::hex << (unsigned)cp << " of the font is not in kAllGlyphs";
    for (const char32_t letter : {U'æ', U'ø', U'å', U'Æ', U'Ø', U'Å'}) EXPECT_TRUE(in_font(letter, first));
}

TEST(Texts, LooksUpTheLanguageAndFillsPlaceholders) {
    const mf::Texts da("da"), en("en"), other("de");
    EXPECT_STREQ(da("report.action_plan"), "Handlingsplan");
    EXPECT_STREQ(en("report.action_plan"), "Action plan");
    EXPECT_STREQ(other("report.action_plan"), "Handlingsplan"); // Danish is the first language
    EXPECT_EQ(da("report.coverage_line", {{"answered", "3"}, {"total", "31"}}), "3 af 31 spørgsmål besvaret");
    EXPECT_EQ(en("report.coverage_line", {{"answered", "3"}, {"total", "31"}}), "3 of 31 questions answered");
    EXPECT_STREQ(da("missing.key.shows.itself"), "missing.key.shows.itself");
    const mf::TextArg a{"a", "x"};
    EXPECT_EQ(mf::fill_placeholders("{a} and {b} and {a}", &a, 1), "x and {b} and x");
    const mf::TextArg unclosed{"unclosed", "x"};
    EXPECT_EQ(mf::fill_placeholders("{unclosed", &unclosed, 1), "{unclosed");
    const mf::TextArgs kept = {{"answered", "3"}, {"total", "31"}};
    EXPECT_EQ(en("report.coverage_line", kept), "3 of 31 questions answered");
}

TEST(Texts, NumbersAsEachLanguageWritesThem) {
    const mf::Texts da("da"), en("en");
    EXPECT_EQ(da.percent(54.25), "54,3 %"); // the engine's rounding: half away from zero
    EXPECT_EQ(en.percent(54.25), "54.3%");
    EXPECT_EQ(da.percent(50.0), "50 %");
    EXPECT_EQ(da.percent(std::nullopt), "\u2013");
    EXPECT_EQ(da.points(4.2), "+4,2");
    EXPECT_EQ(en.points(-1.5), "-1.5");
    EXPECT_EQ(da.points(0.04), "0");
    EXPECT_EQ(da.decimal(-0.04), "0");
    EXPECT_EQ(da.decimal(100), "100");
}

TEST(Texts, DatesInWords) {
    EXPECT_EQ(mf::Texts("da").date_in_words("2026-11-25"), "25. november 2026");
    EXPECT_EQ(mf::Texts("en").date_in_words("2027-03-01"), "1 March 2027");
    EXPECT_EQ(mf::Texts("da").date_in_words("soon"), "soon");
    EXPECT_EQ(mf::Texts("da").date_in_words("2027-13-01"), "2027-13-01");
}
