// follow_up.cpp - the follow-up of an earlier action plan (follow_up.h).
//
// Index
//   - status ids and names
//   - start_follow_up, indicator_progress, check_follow_up, carry_over
//   - JSON
#include "core/follow_up.h"

#include "core/json_input.h"
#include "core/texts.h"

namespace mf {

using nlohmann::json;

const char* follow_up_status_id(FollowUpStatus status) {
    switch (status) {
    case FollowUpStatus::None: return "";
    case FollowUpStatus::Reached: return "reached";
    case FollowUpStatus::Partly: return "partly";
    case FollowUpStatus::NotReached: return "not_reached";
    case FollowUpStatus::Dropped: return "dropped";
    }
    return "";
}

std::optional<FollowUpStatus> follow_up_status_from_id(std::string_view id) {
    for (FollowUpStatus s : kFollowUpStatuses)
        if (id == follow_up_status_id(s)) return s;
    return std::nullopt;
}

std::string follow_up_status_name(FollowUpStatus status, const std::string& lang) {
    const Texts t(lang);
    switch (status) {
    case FollowUpStatus::None: return "\u2013";
    case FollowUpStatus::Reached: return t("followup.status.reached");
    case FollowUpStatus::Partly: return t("followup.status.partly");
    case FollowUpStatus::NotReached: return t("followup.status.not_reached");
    case FollowUpStatus::Dropped: return t("followup.status.dropped");
    }
    return "";
}

FollowUp start_follow_up(const ActionPlan& earlier_plan, const std::string& earlier_created, const std::string& earlier_checksum) {
    FollowUp f{earlier_created, earlier_checksum, {}};
    for (const FocusArea& area : earlier_plan.areas) f.items.push_back(FollowUpItem{area, FollowUpStatus::None, {}, {}});
    return f;
}

std::optional<double> indicator_progress(const Indicator& indicator, const IndicatorValue& current) {
    const std::string& unit = indicator.unit;
    if (!is_indicator_unit(unit) || !has_value(indicator.baseline) || !has_value(indicator.target) || !has_value(current))
        return std::nullopt;
    for (const IndicatorValue* v : {&indicator.baseline, &indicator.target, &current})
        if (!indicator_value_problem(unit, *v, "en").empty()) return std::nullopt;
    if (unit == kUnitYesNo) return current == indicator.target ? 100.0 : 0.0;
    const double baseline = std::get<double>(indicator.baseline), target = std::get<double>(indicator.target);
    const double now = std::get<double>(current);
    if (target == baseline) return now == target ? std::optional<double>(100.0) : std::nullopt;
    return 100.0 * (now - baseline) / (target - baseline);
}

namespace {

std::size_t utf8_chars(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

} // namespace

std::vector<FollowUpProblem> check_follow_up(const FollowUp& follow_up, const std::string& lang) {
    const Texts t(lang == "en" ? "en" : "da");
    std::vector<FollowUpProblem> problems;
    for (std::size_t i = 0; i < follow_up.items.size(); ++i) {
        const FollowUpItem& item = follow_up.items[i];
        const int n = static_cast<int>(i);
        if (item.status == FollowUpStatus::None)
            problems.push_back({n, "status", t("followup.status_missing"), "follow_up.status.missing", {}});
        if (has_value(item.current)) {
            if (item.earlier.indicator.empty())
                problems.push_back({n, "current", t("followup.current_without_indicator"), "follow_up.current.without_indicator", {}});
            else if (IndicatorValueProblem p = check_indicator_value(item.earlier.indicator.unit, item.current, t.language()); !p.code.empty())
                problems.push_back({n, "current", p.message, p.code, p.params});
        }
        if (const std::size_t chars = utf8_chars(item.note); chars > kMaxFollowUpNoteChars) {
            const std::string length = std::to_string(chars), max = std::to_string(kMaxFollowUpNoteChars);
            problems.push_back({n, "note", t("followup.note_too_long", {{"length", length}, {"max", max}}), "follow_up.note.too_long",
                                make_params({{"length", length}, {"max", max}})});
        }
    }
    return problems;
}

FocusArea carry_over(const FollowUpItem& item) {
    FocusArea area = item.earlier;
    area.follow_up.clear();
    if (!area.indicator.empty() && has_value(item.current)) area.indicator.baseline = item.current;
    return area;
}

void to_json(json& j, const FollowUp& follow_up) {
    json items = json::array();
    for (const FollowUpItem& item : follow_up.items) {
        const char* status = follow_up_status_id(item.status);
        items.push_back(json{{"focusArea", item.earlier},
                             {"status", *status ? json(status) : json(nullptr)},
                             {"current", indicator_value_json(item.current)},
                             {"note", item.note}});
    }
    j = json{{"earlier", {{"created", follow_up.earlier_created}, {"checksum", follow_up.earlier_checksum}}}, {"items", std::move(items)}};
}

bool read_follow_up(const json& j, const std::string& pointer, const JsonReader& reader, FollowUp& follow_up) {
    const std::size_t errors_before = count_errors(*reader.out);
    auto status_error = [&reader](const std::string& at, const json& status) {
        reader.error(at, "result.follow_up.status.unknown", got_params(status),
                     "expected \"reached\", \"partly\", \"not_reached\", \"dropped\" or null, got " + describe_json(status));
    };
    follow_up = FollowUp{};
    if (!reader.expect_object(j, pointer)) return false;
    reader.warn_unknown(j, pointer, {"earlier", "items"});
    if (const json* earlier = reader.member(j, pointer, "earlier", true)) {
        const std::string p = child_pointer(pointer, "earlier");
        if (reader.expect_object(*earlier, p)) {
            reader.warn_unknown(*earlier, p, {"created", "checksum"});
            for (auto [key, target] : {std::pair<const char*, std::string*>{"created", &follow_up.earlier_created},
                                       {"checksum", &follow_up.earlier_checksum}})
                if (const json* v = reader.member(*earlier, p, key, true)) reader.read_string(*v, child_pointer(p, key), *target);
        }
    }
    if (const json* items = reader.member(j, pointer, "items", true)) {
        const std::string p = child_pointer(pointer, "items");
        if (reader.expect_array(*items, p))
            for (std::size_t i = 0; i < items->size(); ++i) {
                const std::string ip = child_pointer(p, i);
                const json& v = (*items)[i];
                if (!reader.expect_object(v, ip)) continue;
                reader.warn_unknown(v, ip, {"focusArea", "status", "current", "note"});
                FollowUpItem item;
                bool ok = true;
                if (const json* area = reader.member(v, ip, "focusArea", true))
                    ok = read_focus_area(*area, child_pointer(ip, "focusArea"), reader, true, item.earlier) && ok;
                else ok = false;
                if (const json* status = reader.member(v, ip, "status", true)) {
                    if (status->is_string()) {
                        if (auto s = follow_up_status_from_id(status->get_ref<const std::string&>())) item.status = *s;
                        else {
                            status_error(child_pointer(ip, "status"), *status);
                            ok = false;
                        }
                    } else if (!status->is_null()) {
                        status_error(child_pointer(ip, "status"), *status);
                        ok = false;
                    }
                } else ok = false;
                if (const json* current = reader.member(v, ip, "current", true))
                    ok = read_indicator_value(*current, child_pointer(ip, "current"), reader, item.current) && ok;
                else ok = false;
                if (const json* note = reader.member(v, ip, "note", true))
                    ok = reader.read_string(*note, child_pointer(ip, "note"), item.note) && ok;
                else ok = false;
                if (ok) follow_up.items.push_back(std::move(item));
            }
    }
    return count_errors(*reader.out) == errors_before;
}

} // namespace mf
