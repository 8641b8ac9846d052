// The canonical text behind the result checksum (docs/result-format.md): strings, keys, integers
// and layout as nlohmann's dump() writes them; numbers with a fraction or exponent as Python's
// repr() writes them, so the documented Python recipe gives the same bytes.
#include "core/json_canonical.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <utility>
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

// Everything but numbers nlohmann writes in another form than Python: nlohmann's bytes exactly.
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

// Doubles as Python's repr() writes them (the values printed by Python 3.11): the shortest digits
// that read back, the closest of those, positional from 1e-4 to below 1e16. The first lines are
// numbers nlohmann's Grisu2 writes differently (a longer or a farther form, or 1e+15), which made
// the documented Python recipe disagree with the app before.
TEST(JsonCanonical, DoublesAsPythonRepr) {
    const std::pair<double, const char*> cases[] = {
        {0x1.f6dbd968ebb3ap-2, "0.49107303336034"},
        {0x1.e11fa2ccd8fd1p+18, "492670.543752906"},
        {0x1.2c3457864d69dp-17, "8.9467901146321e-06"},
        {0x1.9a989cb600bebp+12, "6569.538259509"},
        {0x1.36fa740e38f48p+36, "83477610723.5597"},
        {-0x1.4acedd7cb8caep+49, "-727454632735125.8"},
        {0x1.c6bf526340000p+49, "1000000000000000.0"},
        {-0x1.c6bf526340000p+49, "-1000000000000000.0"},
        {0x1.18b54f22aeb03p+50, "1234567890123456.8"},
        {0x1.1985ccc9bc7e5p+50, "1238149735313913.2"},
        {0x1.1c37937e07fffp+53, "9999999999999998.0"},
        {0x1.3768ed7fb2884p+55, "4.38270435079793e+16"},
        {0x1.1c37937e08000p+53, "1e+16"},
        {0x1.a36e2eb1c432dp-14, "0.0001"},
        {0x1.4f8b588e368f1p-17, "1e-05"},
        {0x0.0000000000001p-1022, "5e-324"},
        {0x1.0000000000000p-1022, "2.2250738585072014e-308"},
        {0x1.fffffffffffffp+1023, "1.7976931348623157e+308"},
        {0x1.999999999999ap-4, "0.1"},
        {0x1.3333333333334p-2, "0.30000000000000004"},
        {0x1.0000000000001p+53, "9007199254740994.0"},
        {0x1.0000000000000p+64, "1.8446744073709552e+19"},
        {-0x1.602f9af703e45p-85, "-3.556169393814842e-26"},
        {0x1.94002b5281f0bp-646, "5.4046168572124136e-195"},
        {0x1.2888d7e4936d6p+26, "77734751.57149825"},
        {0x1.5733333333333p+5, "42.9"},
        {0x1.0accccccccccdp+6, "66.7"},
        {0x1.9000000000000p+6, "100.0"},
        {0x1.8000000000000p+0, "1.5"},
        {-0x0.0p+0, "-0.0"},
        {0x0.0p+0, "0.0"},
        {0x1.c12218377de40p+46, "123456789012345.0"},
        {0x1.7e43c8800759cp+996, "1e+300"},
        {-0x1.421f5f40d8376p-23, "-1.5e-07"},
        {0x1.02c9dedbc309dp-13, "0.0001234"},
        {0x1.8800000000000p+3, "12.25"},
    };
    for (const auto& [x, expected] : cases) {
        std::string out;
        mf::append_canonical_json(json(x), out);
        EXPECT_EQ(out, expected);
        EXPECT_EQ(std::strtod(out.c_str(), nullptr), x) << out << " reads back";
    }
    // In a document: the canonical text of a result with such an answer.
    EXPECT_EQ(canonical(json::parse(R"({"b":1000000000000000.0,"a":[0.49107303336034,1e15,1,-0.0]})")),
              R"({"a":[0.49107303336034,1000000000000000.0,1,-0.0],"b":1000000000000000.0})");
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
