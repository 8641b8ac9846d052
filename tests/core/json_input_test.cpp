#include "core/json_input.h"
#include "support/diagnostic_check.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace {

std::string parse_error(std::string_view text, mf::JsonLimits limits = {}) {
    mf::Diagnostics d;
    auto doc = mf::parse_json_document(text, "in.json", d, limits);
    EXPECT_FALSE(doc.has_value());
    EXPECT_EQ(d.size(), 1u);
    mf_test::expect_coded(d);
    return d.empty() ? std::string() : d[0].to_string();
}

} // namespace

TEST(JsonInput, ParsesValidDocuments) {
    mf::Diagnostics d;
    auto doc = mf::parse_json_document(R"({"a": [1, 2, {"b": "æøå – ok"}]})", "in.json", d);
    ASSERT_TRUE(doc.has_value());
    EXPECT_TRUE(d.empty());
    EXPECT_EQ((*doc)["a"][2]["b"], "æøå – ok");
}

TEST(JsonInput, RejectsByteOrderMark) {
    EXPECT_EQ(parse_error("\xEF\xBB\xBF{}"),
              "in.json: the file starts with a byte order mark (EF BB BF); save it as UTF-8 without BOM");
}

TEST(JsonInput, RejectsInvalidUtf8WithPosition) {
    EXPECT_EQ(parse_error("{\n  \"a\": \"x\xC3\x28\"}"), "in.json: invalid UTF-8 at line 2, column 10 (byte 11)");
    EXPECT_NE(mf::find_invalid_utf8("\xED\xA0\x80"), std::string_view::npos); // surrogate
    EXPECT_NE(mf::find_invalid_utf8("\xC0\xAF"), std::string_view::npos);     // overlong
    EXPECT_EQ(mf::find_invalid_utf8("æøå – “ok” 😀"), std::string_view::npos);
}

TEST(JsonInput, RejectsMalformedJsonWithLineAndColumn) {
    std::string e = parse_error("{\"a\": 1,\n \"b\": }");
    EXPECT_EQ(e.rfind("in.json: invalid JSON at line 2, column 7: syntax error", 0), 0u) << e;
    EXPECT_EQ(parse_error("   "), "in.json: the file is empty");
    EXPECT_NE(parse_error("{\"a\": [1, 2").find("invalid JSON at line 1"), std::string::npos);
}

TEST(JsonInput, RejectsDeepNestingWithoutRecursingIntoIt) {
    std::string deep(10000, '[');
    deep += std::string(10000, ']');
    EXPECT_EQ(parse_error(deep, {1u << 20, 64}),
              "in.json: /0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0: nesting is deeper than 64 levels");
    mf::Diagnostics d;
    std::string ok(64, '[');
    ok += std::string(64, ']');
    EXPECT_TRUE(mf::parse_json_document(ok, "in.json", d).has_value());
}

TEST(JsonInput, RejectsDuplicateKeysWithTheirPointer) {
    EXPECT_EQ(parse_error(R"({"themes": [{"id": "a"}, {"id": "b", "id": "c"}]})"),
              "in.json: /themes/1: duplicate key \"id\" in the same object");
}

TEST(JsonInput, RejectsOversizeAndOutOfRangeNumbers) {
    EXPECT_EQ(parse_error("[1, 2, 3]", {4, 64}), "in.json: the file is too large: 9 bytes; the limit is 4 bytes");
    EXPECT_EQ(parse_error("[1e400]"), "in.json: /0: the number 1e400 is too large (beyond what a double can hold)");
    EXPECT_EQ(parse_error(R"({"a": [1, {"b": -2e999}]})"), "in.json: /a/1/b: the number -2e999 is too large (beyond what a double can hold)");
    EXPECT_EQ(parse_error("[0, 1, 12e1234]"), "in.json: /2: the number 12e1234 is too large (beyond what a double can hold)");
    EXPECT_NE(parse_error("[NaN]").find("invalid JSON"), std::string::npos);
}

TEST(JsonInput, DescribesValuesForMessages) {
    EXPECT_EQ(mf::describe_json(nlohmann::json("3")), "\"3\"");
    EXPECT_EQ(mf::describe_json(nlohmann::json::array()), "an array");
    EXPECT_EQ(mf::describe_json(nlohmann::json(nullptr)), "null");
    EXPECT_EQ(mf::json_pointer_token("a/b~c"), "a~1b~0c");
}

TEST(JsonInput, ReadFileReportsMissingFiles) {
    std::string bytes;
    mf::Diagnostics d;
    EXPECT_FALSE(mf::read_file_bytes(MF_SOURCE_DIR "/no/such/file.json", bytes, d));
    ASSERT_EQ(d.size(), 1u);
    EXPECT_NE(d[0].to_string().find("cannot open the file"), std::string::npos);
    d.clear();
    EXPECT_TRUE(mf::read_file_bytes(MF_SOURCE_DIR "/package.json", bytes, d));
    EXPECT_NE(bytes.find("playwright-core"), std::string::npos);
}

// FileReader (folder kept open, files opened relative to it) answers as read_file_bytes does, for
// files in one folder and the next, a missing file, a folder, a file over the limit, a path without
// a folder, and after a folder that cannot be opened.
TEST(JsonInput, FileReaderAnswersAsReadFileBytes) {
    namespace fs = std::filesystem;
    const fs::path root = fs::temp_directory_path() / ("mf-file-reader-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
    fs::remove_all(root);
    fs::create_directories(root / "a" / "sub");
    fs::create_directories(root / "b");
    auto write = [](const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; };
    write(root / "a" / "one.json", "{\"one\": 1}");
    write(root / "a" / "two.json", std::string(300, 'x'));
    write(root / "b" / "three.json", "[3]");
    write(root / "b" / "empty.json", "");
    write(root / "b" / "limit.json", std::string(200, 'y'));
    write(root / "b" / "over.json", std::string(201, 'z'));
    std::string large(100 * 1024 + 7, ' '); // more than the one read of a regular file (64 KB)
    for (std::size_t i = 0; i < large.size(); i += 97) large[i] = static_cast<char>('a' + i % 26);
    write(root / "b" / "large.json", large);
    const std::string r = root.string();
    const std::vector<std::string> paths = {r + "/a/one.json", r + "/a/two.json", r + "/a/missing.json", r + "/a/sub", r + "/b/three.json",
                                            r + "/a/one.json", r + "/nowhere/x.json", r + "/b/three.json", "package.json", r + "/a/",
                                            r + "//b/three.json", r + "/b/empty.json", r + "/b/limit.json", r + "/b/over.json",
                                            r + "/b/large.json"};
    // `regular` (the caller listed it as a regular file: no fstat, one read) gives the same answers,
    // also for a folder, a missing file, an empty one, one at the limit, one over it, and one larger
    // than that one read.
    for (const bool regular : {false, true}) {
        mf::FileReader reader;
        for (const std::string& path : paths) {
            const std::size_t limit = path.find("large") != std::string::npos ? 1 << 20 : 200;
            std::string expected_bytes, bytes = "old";
            mf::Diagnostics expected, got;
            const bool expected_ok = mf::read_file_bytes(path, expected_bytes, expected, limit);
            EXPECT_EQ(reader.read(path, bytes, got, limit, regular), expected_ok) << path << " " << regular;
            ASSERT_EQ(got.size(), expected.size()) << path << " " << regular;
            for (std::size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i].to_string(), expected[i].to_string()) << path;
            if (expected_ok) {
                EXPECT_EQ(bytes, expected_bytes) << path << " " << regular;
            }
        }
    }
    mf::FileReader reader;
    std::string bytes;
    mf::Diagnostics d;
    EXPECT_TRUE(reader.read(r + "/a/one.json", bytes, d));
    EXPECT_EQ(bytes, "{\"one\": 1}");
    fs::remove_all(root);
}
