// fast_import_test.cpp - check_result's fast path (json_fast.h, import_result_fast) gives exactly the
// FileCheck of the full import: on an exported file (which it must take), on awkward but valid text
// (escapes, numbers spelled unusually: the canonical text and so the checksum must come out the
// same), and on what it must leave to the full import (which then says why). The fuzz target
// mf_fuzz_fast_import checks the same on any bytes.
#include "core/aggregate.h"
#include "core/bundle.h"
#include "core/json_canonical.h"
#include "core/json_fast.h"
#include "core/json_input.h"
#include "core/result.h"
#include "support/file_check_text.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace fast_import_test {

using mf_test::example;

mf::Assessment planned_assessment() {
    mf::Assessment a;
    a.language = "da";
    a.created = "2026-03-02T08:00:00Z";
    a.updated = "2026-03-02T09:30:00Z";
    a.answers = mf::Answers{{"org_name", std::string("Bager \"Nord\" / Øst\tApS")}, {"cvr", std::string("1374 8136")},
                            {"sector", std::string("service")},       {"employees", 60.0},
                            {"policy", std::string("draft")},         {"leader_goal", std::string("yes")},
                            {"policy_public", std::string("no")},     {"channels", std::vector<std::string>{"jobcenter", "school"}},
                            {"only_network", std::string("no")},      {"large_employer", std::string("yes")}};
    mf::FocusArea area;
    area.focus = "rekruttering";
    area.goal = "Flere ansøgere; \"bredere\" kanaler";
    area.responsible = "HR";
    area.follow_up = "2026-12-01";
    area.indicator = mf::Indicator{"Andel ansøgere via nye kanaler", "percent", 12.5, 30.0};
    a.action_plan.areas.push_back(area);
    return a;
}

std::string exported_text() {
    mf::ExportOutcome out = mf::export_result(example(), planned_assessment());
    for (const mf::Diagnostic& d : out.diagnostics) ADD_FAILURE() << d.to_string();
    return out.text;
}

// The text with its checksum replaced by the one the full import computes for it (for texts a test
// edits by hand, so that only the edit differs).
std::string rechecksummed(const std::string& text) {
    mf::Diagnostics diagnostics;
    std::optional<nlohmann::json> doc = mf::parse_json_document(text, "t.json", diagnostics);
    if (!doc) {
        ADD_FAILURE() << "not JSON: " << text;
        return text;
    }
    return std::regex_replace(text, std::regex("\"checksum\": \"sha256:[0-9a-f]{64}\""), "\"checksum\": \"" + mf::result_checksum(*doc) + "\"",
                              std::regex_constants::format_first_only);
}

std::string replaced(std::string text, const std::string& from, const std::string& to, const std::string& after = {}) {
    const std::size_t at = text.find(from, text.find(after));
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) text.replace(at, from.size(), to);
    return text;
}

bool fast_path_takes(const std::string& text) {
    mf::FastDocument scratch;
    return mf::import_result_fast(text, example(), scratch).has_value();
}

void expect_same_check(const std::string& text) {
    const std::string fast = mf_test::file_check_text(mf::check_result(text, "r.json", example(), mf::ImportPath::FastFirst));
    const std::string full = mf_test::file_check_text(mf::check_result(text, "r.json", example(), mf::ImportPath::FullOnly));
    EXPECT_EQ(fast, full);
}

} // namespace fast_import_test

using namespace fast_import_test;

TEST(FastImport, AnExportedFileTakesTheFastPathAndGivesTheFullImportsRow) {
    const std::string text = exported_text();
    ASSERT_TRUE(fast_path_takes(text));
    const mf::FileCheck fast = mf::check_result(text, "r.json", example());
    ASSERT_TRUE(fast.row.has_value());
    EXPECT_TRUE(fast.diagnostics.empty());
    EXPECT_EQ(fast.row->cvr, "13748136");
    EXPECT_EQ(fast.row->name, "Bager \"Nord\" / Øst\tApS");
    EXPECT_EQ(fast.row->plan_themes, std::vector<std::string>{"rekruttering"});
    expect_same_check(text);

    // The same file as the full import reads it: the same result, field by field.
    mf::FastDocument scratch;
    const std::optional<mf::ImportedResult> quick = mf::import_result_fast(text, example(), scratch);
    const mf::ImportOutcome full = mf::import_result(text, "r.json", example());
    ASSERT_TRUE(quick && full.result);
    EXPECT_TRUE(full.diagnostics.empty());
    EXPECT_EQ(quick->content_checksum, full.result->content_checksum);
    EXPECT_EQ(quick->assessment.answers, full.result->assessment.answers);
    EXPECT_EQ(quick->stored_scores, full.result->stored_scores);
    ASSERT_EQ(quick->stored_plan.areas.size(), 1u);
    EXPECT_EQ(quick->stored_plan.areas[0].indicator, full.result->stored_plan.areas[0].indicator);
    EXPECT_EQ(quick->assessment.created, full.result->assessment.created);
}

TEST(FastImport, EscapesAndUnusualNumbersGiveTheSameCanonicalText) {
    const std::string text = exported_text();
    // Other spellings of the same strings: \u escapes (a surrogate pair too), "\/".
    std::string escaped = replaced(text, "\"HR\"", "\"\\u0048\\u0052\"");
    escaped = replaced(escaped, "Øst", "\\u00d8st");
    escaped = replaced(escaped, "Bager \\\"Nord\\\" /", "Bager \\\"Nord\\\" \\/");
    EXPECT_TRUE(fast_path_takes(escaped)); // the content, and so the checksum, is unchanged
    expect_same_check(escaped);
    const std::string emoji = rechecksummed(replaced(text, "\"HR\"", "\"H\\ud83d\\ude00R \\u0001 \\u007f\""));
    EXPECT_TRUE(fast_path_takes(emoji));
    expect_same_check(emoji);

    // Numbers the checksum's canonical text writes otherwise than the file (the organisation block's
    // values are not read, only hashed): each must hash as the full import hashes it.
    for (const char* number : {"2e1", "1E+2", "0.00001", "0.0001", "1e16", "1e15", "123456789012345678", "-0", "-0.0", "0.1000",
                               "1.7976931348623157e308", "0.30000000000000004", "123456789.123456789", "1e22", "1e23",
                               "-12.5", "100.0", "7.0e0", "9007199254740993"}) {
        const std::string edited = rechecksummed(replaced(text, "\"employees\": 60", std::string("\"employees\": ") + number, "\"organisation\""));
        EXPECT_TRUE(fast_path_takes(edited)) << number;
        expect_same_check(edited);
    }
    // Beyond what the fast reader reads exactly (19 digits, an underflow): left to the full import.
    for (const char* number : {"1234567890123456789", "5e-324", "1e-400"}) {
        const std::string edited = rechecksummed(replaced(text, "\"employees\": 60", std::string("\"employees\": ") + number, "\"organisation\""));
        EXPECT_FALSE(fast_path_takes(edited)) << number;
        expect_same_check(edited);
    }
}

TEST(FastImport, WhatTheFastPathLeavesToTheFullImport) {
    const std::string text = exported_text();
    nlohmann::json doc = nlohmann::json::parse(text);
    // Keys not in sorted order (another program wrote it): read in full, and accepted all the same.
    nlohmann::ordered_json reversed = nlohmann::ordered_json::object();
    for (auto it = doc.rbegin(); it != doc.rend(); ++it) reversed[it.key()] = *it;
    const std::string unsorted = reversed.dump(2);
    EXPECT_FALSE(fast_path_takes(unsorted));
    EXPECT_TRUE(mf::check_result(unsorted, "r.json", example()).row.has_value());
    expect_same_check(unsorted);

    nlohmann::json whole_float = doc;
    whole_float["scores"]["overall"] = 50.0;
    nlohmann::json hidden = doc; // policy "none" hides policy_public, which is answered
    hidden["answers"]["policy"] = "none";
    nlohmann::json unknown_field = doc;
    unknown_field["extra"] = 1;
    nlohmann::json bad_cvr = doc;
    bad_cvr["answers"]["cvr"] = "12345678";
    nlohmann::json other_version = doc;
    other_version["questionnaire"]["version"] = "0.9.0";
    nlohmann::json unknown_focus = doc;
    unknown_focus["actionPlan"][0]["focus"] = "nowhere";
    nlohmann::json no_cvr = doc;
    no_cvr["answers"].erase("cvr");
    for (const std::string& awkward :
         {std::string("\xEF\xBB\xBF") + text, replaced(text, "{\n", "{\n  \"language\": \"da\",\n"), text + "x", text.substr(0, text.size() / 2),
          replaced(text, "\"sha256:", "\"sha256:0"), replaced(text, "\"HR\"", "\"H\xC3\""),
          mf_test::with_checksum(whole_float), mf_test::with_checksum(hidden), mf_test::with_checksum(unknown_field),
          mf_test::with_checksum(bad_cvr), mf_test::with_checksum(other_version), mf_test::with_checksum(unknown_focus),
          std::string(), std::string("[]"), std::string("{}")}) {
        EXPECT_FALSE(fast_path_takes(awkward)) << mf_test::file_check_text(mf::check_result(awkward, "r.json", example()));
        expect_same_check(awkward);
    }
    // Without a CVR number the import has nothing to say, but the municipality rejects the file:
    // check_result leaves it to the full path, which says why.
    const std::string without_cvr = mf_test::with_checksum(no_cvr);
    EXPECT_TRUE(fast_path_takes(without_cvr));
    EXPECT_FALSE(mf::check_result(without_cvr, "r.json", example()).row.has_value());
    expect_same_check(without_cvr);
}

TEST(FastImport, TheFastReaderGivesTheGatesDocument) {
    for (const char* text : {"{\"a\":[1,-2,3.25,true,false,null,\"x\\ny\"],\"b\":{}}", "[]", "\"\\u00e6\"", " 0 ", "{\"\":1,\"a\":2}"}) {
        mf::FastDocument fast;
        ASSERT_TRUE(mf::parse_fast_json(text, fast, nullptr, 1000)) << text;
        EXPECT_EQ(mf::fast_to_json(fast, 0), nlohmann::json::parse(text)) << text;
    }
    // Given up on: duplicate or unsorted keys, bad UTF-8, a lone surrogate, deep nesting, a control
    // character, another escape, a BOM.
    for (const std::string& text : {std::string("{\"a\":1,\"a\":2}"), std::string("{\"b\":1,\"a\":2}"), std::string("\"\xC0\xAF\""),
                                    std::string("\"\\udc00\""), std::string(40, '[') + std::string(40, ']'), std::string("\"a\tb\""),
                                    std::string("\"\\x41\""), std::string("\xEF\xBB\xBF{}")}) {
        mf::FastDocument fast;
        EXPECT_FALSE(mf::parse_fast_json(text, fast, nullptr, 1000)) << text;
    }
    mf::FastDocument fast;
    EXPECT_TRUE(mf::parse_fast_json("[1,2,3]", fast, nullptr, 7));
    EXPECT_FALSE(mf::parse_fast_json("[1,2,3]", fast, nullptr, 6)); // over the size limit
}

// The follow-up of an earlier plan is read from the fast reader's nodes: the same follow-up as the
// full import's, and anything unusual in it left to the full import, which says why.
TEST(FastImport, AFollowUpIsReadAsTheFullImportReadsIt) {
    mf::Assessment a = planned_assessment();
    a.follow_up = mf::start_follow_up(a.action_plan, "2025-03-02T08:00:00Z", "sha256:" + std::string(64, 'a'));
    a.follow_up->items[0].status = mf::FollowUpStatus::Partly;
    a.follow_up->items[0].current = 20.5;
    a.follow_up->items[0].note = "Halvvejs \"der\"";
    mf::ExportOutcome out = mf::export_result(example(), a);
    for (const mf::Diagnostic& d : out.diagnostics) ADD_FAILURE() << d.to_string();
    const std::string text = out.text;
    ASSERT_NE(text.find("\"partly\""), std::string::npos);
    ASSERT_TRUE(fast_path_takes(text));
    expect_same_check(text);
    mf::FastDocument scratch;
    const std::optional<mf::ImportedResult> quick = mf::import_result_fast(text, example(), scratch);
    const mf::ImportOutcome full = mf::import_result(text, "r.json", example());
    ASSERT_TRUE(quick && full.result && quick->assessment.follow_up && full.result->assessment.follow_up);
    EXPECT_EQ(nlohmann::json(*quick->assessment.follow_up), nlohmann::json(*full.result->assessment.follow_up));

    // Another status: read by the fast path too. No status yet, or a text value for a percent
    // indicator, is read as well, and the importer's warning about it sends the file to the full import.
    const std::string reached = rechecksummed(replaced(text, "\"status\": \"partly\"", "\"status\": \"reached\""));
    EXPECT_TRUE(fast_path_takes(reached));
    expect_same_check(reached);
    expect_same_check(rechecksummed(replaced(replaced(text, "\"status\": \"partly\"", "\"status\": null"), "\"current\": 20.5", "\"current\": null")));
    expect_same_check(rechecksummed(replaced(text, "\"current\": 20.5", "\"current\": \"yes\"")));
    // Left to the full import: an unknown status, a status or value of another type, an unknown
    // member, a missing note, an earlier time that is not one, an earlier without its checksum.
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"\"status\": \"partly\"", "\"status\": \"done\""},
             {"\"status\": \"partly\"", "\"status\": 2"},
             {"\"current\": 20.5", "\"current\": [1]"},
             {"\"current\": 20.5", "\"current\": 20.5, \"extra\": 1"},
             {"\"note\": \"Halvvejs \\\"der\\\"\"", "\"notes\": \"\""},
             {"\"created\": \"2025-03-02T08:00:00Z\"", "\"created\": \"2025-03-02\""},
             {"\"checksum\": \"sha256:aaaa", "\"checksumx\": \"sha256:aaaa"}}) {
        const std::string edited = rechecksummed(replaced(text, from, to, "\"planFollowUp\""));
        EXPECT_FALSE(fast_path_takes(edited)) << to;
        expect_same_check(edited);
    }
}

// Strings and runs of spaces are scanned eight bytes at a time: a byte that ends the plain run
// (a quote, an escape, a control character, UTF-8) is found at every offset within the word, and
// keys are compared byte by byte as unsigned.
TEST(FastImport, TheWordAtATimeScanFindsEveryByteAtEveryOffset) {
    for (std::size_t at = 0; at < 20; ++at) {
        for (const std::string& inner : {std::string("\\\""), std::string("\\\\"), std::string("\\u00e6"), std::string("\xC3\xA6"),
                                         std::string("\xE2\x82\xAC"), std::string("\xF0\x9F\x98\x80"), std::string("\x7F"), std::string("~"),
                                         std::string(" ")}) {
            const std::string text = "[\"" + std::string(at, 'x') + inner + std::string(20 - at, 'y') + "\"," + std::string(at, ' ') + "1" +
                                     std::string(at, ' ') + "\n" + std::string(at, ' ') + "]";
            mf::FastDocument fast;
            ASSERT_TRUE(mf::parse_fast_json(text, fast, nullptr, 1000)) << text;
            EXPECT_EQ(mf::fast_to_json(fast, 0), nlohmann::json::parse(text)) << text;
            std::string canonical;
            mf::append_canonical_json(nlohmann::json::parse(text), canonical);
            EXPECT_EQ(fast.canonical, canonical) << text;
        }
        for (const std::string& inner : {std::string("\x01"), std::string("\x1F"), std::string("\t"), std::string("\xFF"), std::string("\xC3"),
                                         std::string("\x80"), std::string("\xED\xA0\x80")}) {
            const std::string text = "[\"" + std::string(at, 'x') + inner + std::string(20 - at, 'y') + "\"]";
            mf::FastDocument fast;
            EXPECT_FALSE(mf::parse_fast_json(text, fast, nullptr, 1000)) << at;
        }
        const std::string unterminated = "\"" + std::string(at, 'x');
        mf::FastDocument fast;
        EXPECT_FALSE(mf::parse_fast_json(unterminated, fast, nullptr, 1000)) << at;
    }
    for (const char* sorted : {"{\"a\":1,\"ab\":2}", "{\"z\":1,\"\xC3\xA6\":2}", "{\"abcdefghij1\":1,\"abcdefghij2\":2}"}) {
        mf::FastDocument fast;
        EXPECT_TRUE(mf::parse_fast_json(sorted, fast, nullptr, 1000)) << sorted;
    }
    for (const char* unsorted : {"{\"ab\":1,\"a\":2}", "{\"\xC3\xA6\":1,\"z\":2}", "{\"abcdefghij2\":1,\"abcdefghij1\":2}"}) {
        mf::FastDocument fast;
        EXPECT_FALSE(mf::parse_fast_json(unsorted, fast, nullptr, 1000)) << unsorted;
    }
}

// The scratch keeps the questionnaire's answer table (answer_table.h) between files; checked
// against another questionnaire it makes a new one, and the results are those of fresh buffers.
TEST(FastImport, OneScratchServesFileAfterFileAndAnotherQuestionnaire) {
    const std::string text = exported_text();
    mf::FastDocument scratch;
    const mf::FileCheck fresh = mf::check_result(text, "r.json", example());
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(mf_test::file_check_text(mf::check_result(text, "r.json", example(), mf::ImportPath::FastFirst, &scratch)),
                  mf_test::file_check_text(fresh));
    mf::Questionnaire other = example();
    other.version = "9.9.9"; // the file was made with another version now: the fast path gives up
    EXPECT_FALSE(mf::import_result_fast(text, other, scratch).has_value());
    EXPECT_EQ(mf_test::file_check_text(mf::check_result(text, "r.json", other, mf::ImportPath::FastFirst, &scratch)),
              mf_test::file_check_text(mf::check_result(text, "r.json", other, mf::ImportPath::FullOnly)));
    EXPECT_TRUE(mf::import_result_fast(text, example(), scratch).has_value());
}

// check_results with a scratch kept from file to file (mf-aggregate, the municipality page) gives
// the checks it gives without one, for a single file and for a bundle's members.
TEST(FastImport, CheckResultsWithAScratchGivesTheSameChecks) {
    const std::string text = exported_text();
    const std::string bundle = mf::bundle_text({mf::BundleMember{"a.json", text, false}, mf::BundleMember{"b.json", text, false}},
                                               "2026-03-02T10:00:00Z");
    mf::FastDocument scratch;
    for (const std::string* bytes : {&text, &bundle, &text}) {
        const std::vector<mf::FileCheck> fresh = mf::check_results(*bytes, "x.json", example());
        const std::vector<mf::FileCheck> kept = mf::check_results(*bytes, "x.json", example(), {}, &scratch);
        ASSERT_EQ(fresh.size(), kept.size());
        for (std::size_t i = 0; i < fresh.size(); ++i) EXPECT_EQ(mf_test::file_check_text(kept[i]), mf_test::file_check_text(fresh[i]));
    }
}
