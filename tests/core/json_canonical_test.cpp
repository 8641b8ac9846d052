#include "core/json_canonical.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

namespace {

using nlohmann::json;

std::string nlohmann_canonical(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string canonical(const json& j, const char* skip = nullptr) {
    std::string out;
    mf::append_canonical_json(j, out, skip);
    return out;
}

} // namespace

// The checksum of every result file depends on these bytes: they must be nlohmann's, byte for byte.
TEST(JsonCanonical, SameBytesAsNlohmannDump) {
    const json docs[] = {
        json::parse(R"({"b":[1,-2,3.5,-0.0,0.0,1e300,-1.5e-7,52.3,100.0,18446744073709551615,-9223372036854775808],
                        "a":{"z":null,"y":true,"x":false,"w":{},"v":[]},"é":"æøå – “quoted” ✓ 😀"})"),
        json::parse(R"(["\"\\\/\b\f\n\r\t\u0001\u001f\u007f", "tab\there", "", "~/", "\u00e6"])"),
        json("a string on its own"), json(nullptr), json(42), json(-1), json(0.1), json(1e-5), json(123456789012345.0),
        json(std::numeric_limits<double>::quiet_NaN()), json(std::numeric_limits<double>::infinity()),
        json(std::string("invalid \xC3\x28 and \xED\xA0\x80 UTF-8")), json::object({{std::string("k\xFF"), 1}}),
    };
    for (const json& doc : docs) EXPECT_EQ(canonical(doc), nlohmann_canonical(doc)) << nlohmann_canonical(doc);
    std::string all_bytes;
    for (int c = 1; c < 128; ++c) all_bytes += static_cast<char>(c);
    EXPECT_EQ(canonical(json(all_bytes)), nlohmann_canonical(json(all_bytes)));
}

TEST(JsonCanonical, LeavesOutTheTopLevelMemberOnly) {
    const json doc = json::parse(R"({"checksum":"x","a":{"checksum":"kept"},"z":1})");
    json without = doc;
    without.erase("checksum");
    EXPECT_EQ(canonical(doc, "checksum"), nlohmann_canonical(without));
    EXPECT_EQ(canonical(doc, "checksum"), R"({"a":{"checksum":"kept"},"z":1})");
    EXPECT_EQ(canonical(json::array({"checksum"}), "checksum"), R"(["checksum"])");
    std::string out = "prefix:";
    mf::append_canonical_json(json{{"a", 1}}, out);
    EXPECT_EQ(out, R"(prefix:{"a":1})");
}
