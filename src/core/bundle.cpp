// bundle.cpp - several result files in one (see bundle.h).
#include "core/bundle.h"

#include "core/json_fast.h"
#include "core/json_input.h"
#include "core/json_reader.h"
#include "core/result.h"

#include <algorithm>

#include <optional>
#include <stdexcept>

namespace mf {

using json = nlohmann::json;

std::string bundle_text(const std::vector<BundleMember>& members, const std::string& created) {
    json j;
    j["format"] = kBundleFormat;
    const bool any_unfinished = std::any_of(members.begin(), members.end(), [](const BundleMember& m) { return m.unfinished; });
    j["formatVersion"] = any_unfinished ? kBundleFormatVersion : kBundleFormatVersionPlain;
    j["created"] = created;
    j["app"] = {{"name", kAppName}};
    json results = json::array();
    for (const BundleMember& m : members) {
        // Parsed by the import gate (json_input.cpp), so the wasm holds one nlohmann parser, not two.
        // The texts are export_result's; one that is not JSON is a programming error.
        Diagnostics problems;
        std::optional<json> result = parse_json_document(m.text, m.file, problems, JsonLimits{kMaxResultBytes, 64});
        if (!result) throw std::invalid_argument("bundle_text: " + problems.front().to_string());
        json member = {{"file", m.file}, {"result", std::move(*result)}};
        if (m.unfinished) member["unfinished"] = true;
        results.push_back(std::move(member));
    }
    j["results"] = results;
    return j.dump(2) + "\n";
}

// Found from its '/', a rare byte in a result file: std::string_view::find stopped at every 'm' (a
// memchr call each), which was two per cent of mf-aggregate's time.
bool mentions_bundle(std::string_view bytes) {
    const std::string_view format = kBundleFormat;
    const std::size_t slash = format.find('/');
    for (std::size_t at = bytes.find('/', slash); at != std::string_view::npos; at = bytes.find('/', at + 1))
        if (bytes.compare(at - slash, format.size(), format) == 0) return true;
    return false;
}

std::string bundle_member_name(const std::string& bundle, std::size_t index, const std::string& member_file) {
    std::string name = bundle + "#/results/" + std::to_string(index);
    if (!member_file.empty()) name += " (" + member_file + ")";
    return name;
}

BundleRead read_bundle(std::string_view bytes, const std::string& file, std::vector<BundleMember>& members,
                       Diagnostics& diagnostics) {
    if (!mentions_bundle(bytes)) return BundleRead::NotBundle;
    Diagnostics local;
    std::optional<json> doc = parse_json_document(bytes, file, local, JsonLimits{kMaxBundleBytes, 64});
    if (!doc) {
        diagnostics.insert(diagnostics.end(), local.begin(), local.end());
        return BundleRead::Bad;
    }
    if (!doc->is_object()) return BundleRead::NotBundle;
    auto format = doc->find("format");
    if (format == doc->end() || !format->is_string() || *format != kBundleFormat) return BundleRead::NotBundle;
    JsonReader reader{file, &diagnostics};
    const json* version = reader.member(*doc, "", "formatVersion", true);
    if (!version) return BundleRead::Bad;
    if (!version->is_number_integer() || version->get<long long>() < kBundleFormatVersionPlain ||
        version->get<long long>() > kBundleFormatVersion) {
        const std::string supported = std::to_string(kBundleFormatVersionPlain) + "–" + std::to_string(kBundleFormatVersion);
        reader.error("/formatVersion", "bundle.format_version.unknown", {{"version", version->dump()}, {"supported", supported}},
                     "bundle version " + version->dump() + " is not known to this program (it reads " + supported + ")");
        return BundleRead::Bad;
    }
    const json* results = reader.member(*doc, "", "results", true);
    if (!results || !reader.expect_array(*results, "/results")) return BundleRead::Bad;
    if (results->size() > kMaxBundleResults) {
        reader.error("/results", "bundle.too_many_results",
                     {{"count", std::to_string(results->size())}, {"max", std::to_string(kMaxBundleResults)}},
                     std::to_string(results->size()) + " results; a bundle holds at most " + std::to_string(kMaxBundleResults));
        return BundleRead::Bad;
    }
    for (std::size_t i = 0; i < results->size(); i++) {
        const std::string p = "/results/" + std::to_string(i);
        const json& m = (*results)[i];
        if (!reader.expect_object(m, p)) continue;
        std::string member_file;
        if (auto f = m.find("file"); f != m.end() && f->is_string()) member_file = f->get<std::string>();
        auto r = m.find("result");
        if (r == m.end() || !r->is_object()) {
            if (r == m.end())
                reader.error(p + "/result", "bundle.member.missing_result", {}, "missing: each member holds one result document");
            else
                reader.error(p + "/result", "bundle.member.not_an_object", got_params(*r),
                             "expected an object (a result document), got " + describe_json(*r));
            continue;
        }
        bool unfinished = false;
        if (auto u = m.find("unfinished"); u != m.end()) {
            if (!u->is_boolean()) {
                reader.error(p + "/unfinished", "json.expected_boolean", got_params(*u), "expected true or false, got " + describe_json(*u));
                continue;
            }
            unfinished = u->get<bool>();
        }
        // Printed as export prints a result file: the member is byte-identical to the single file.
        members.push_back({bundle_member_name(file, i, member_file), r->dump(2) + "\n", unfinished});
    }
    return BundleRead::Ok;
}

namespace {

// A good unfinished member that is not to be counted: no row, and the reason in its place.
void set_aside_unfinished(FileCheck& check, const std::string& file) {
    check.row.reset();
    check.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, file, "",
        "unfinished: not every question was answered when the workshop exported it; counted only when asked "
        "for (mf-aggregate --include-unfinished)", "bundle.member.unfinished", {}});
}

} // namespace

std::vector<FileCheck> check_results(std::string_view bytes, const std::string& file, const Questionnaire& current,
                                     const BundleOptions& options, FastDocument* scratch) {
    FastDocument own; // one for all the members when the caller keeps none
    if (!scratch) scratch = &own;
    std::vector<FileCheck> checks;
    std::vector<BundleMember> members;
    Diagnostics diagnostics;
    const BundleRead read = read_bundle(bytes, file, members, diagnostics);
    if (read == BundleRead::NotBundle) {
        checks.push_back(check_result(bytes, file, current, options.import_path, scratch));
        return checks;
    }
    if (read == BundleRead::Bad || has_errors(diagnostics)) {
        FileCheck bad;
        bad.file = file;
        bad.bytes = bytes.size();
        bad.diagnostics = std::move(diagnostics);
        checks.push_back(std::move(bad));
    }
    for (const BundleMember& m : members) {
        FileCheck check = check_result(m.text, m.file, current, options.import_path, scratch);
        if (m.unfinished && !options.count_unfinished && check.row) set_aside_unfinished(check, m.file);
        checks.push_back(std::move(check));
    }
    return checks;
}

} // namespace mf
