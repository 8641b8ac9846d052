// The follow-up of an earlier plan: progress towards the target (rising and falling targets, a target
// equal to the baseline, yes/no), the rules while the user fills it in, carrying a goal over, and the
// JSON that result files and saved sessions hold.
#include "core/follow_up.h"

#include <gtest/gtest.h>

#include <cmath>

namespace {

mf::Indicator numeric(const char* unit, double baseline, double target) {
    return mf::Indicator{"Andel opslag delt via jobcentret", unit, baseline, target};
}

mf::Indicator yes_no(const char* baseline, const char* target) {
    return mf::Indicator{"Politik vedtaget", "yesno", std::string(baseline), std::string(target)};
}

std::optional<double> progress(const mf::Indicator& indicator, mf::IndicatorValue current) {
    return mf::indicator_progress(indicator, current);
}

} // namespace

TEST(FollowUpProgress, RisingTargets) {
    const mf::Indicator ind = numeric("percent", 20, 60);
    EXPECT_EQ(progress(ind, 20.0), 0.0);    // no change
    EXPECT_EQ(progress(ind, 40.0), 50.0);   // half the way
    EXPECT_EQ(progress(ind, 60.0), 100.0);  // reached
    EXPECT_EQ(progress(ind, 70.0), 125.0);  // beyond the target
    EXPECT_EQ(progress(ind, 10.0), -25.0);  // away from it
    EXPECT_EQ(progress(numeric("number", 0, 3), 1.0), 100.0 / 3.0) << "unrounded; writers round";
}

TEST(FollowUpProgress, FallingTargets) {
    // "Fewer job ads that ask for fluent Danish": 12 -> 4.
    const mf::Indicator ind = numeric("number", 12, 4);
    EXPECT_EQ(progress(ind, 12.0), 0.0);
    EXPECT_EQ(progress(ind, 8.0), 50.0);
    EXPECT_EQ(progress(ind, 4.0), 100.0);
    EXPECT_EQ(progress(ind, 3.0), 112.5);
    EXPECT_EQ(progress(ind, 14.0), -25.0);
    EXPECT_EQ(progress(numeric("percent", 80, 40), 60.0), 50.0);
}

TEST(FollowUpProgress, TargetEqualToBaselineIsALevelToHold) {
    const mf::Indicator hold = numeric("percent", 50, 50);
    EXPECT_EQ(progress(hold, 50.0), 100.0);          // held
    EXPECT_EQ(progress(hold, 60.0), std::nullopt);   // moved: no direction to measure, no figure
    EXPECT_EQ(progress(hold, 40.0), std::nullopt);
    EXPECT_EQ(progress(numeric("number", 0, 0), 0.0), 100.0);
}

TEST(FollowUpProgress, YesNoIsReachedOrNot) {
    EXPECT_EQ(progress(yes_no("no", "yes"), std::string("yes")), 100.0);
    EXPECT_EQ(progress(yes_no("no", "yes"), std::string("no")), 0.0);
    EXPECT_EQ(progress(yes_no("yes", "no"), std::string("no")), 100.0); // "no longer ..." goals
    EXPECT_EQ(progress(yes_no("yes", "yes"), std::string("yes")), 100.0); // kept
    EXPECT_EQ(progress(yes_no("yes", "yes"), std::string("no")), 0.0);    // lost
}

TEST(FollowUpProgress, NoFigureWithoutWhatItNeeds) {
    const mf::Indicator ind = numeric("percent", 20, 60);
    EXPECT_EQ(progress(ind, mf::IndicatorValue{}), std::nullopt);               // not measured
    EXPECT_EQ(progress(mf::Indicator{}, 40.0), std::nullopt);                   // no indicator
    EXPECT_EQ(progress(numeric("kg", 20, 60), 40.0), std::nullopt);             // unknown unit
    EXPECT_EQ(progress(ind, std::string("yes")), std::nullopt);                 // a value of another unit
    EXPECT_EQ(progress(ind, 140.0), std::nullopt);                              // not a percentage
    EXPECT_EQ(progress(numeric("percent", 20, 160), 40.0), std::nullopt);       // a target that is not one
    EXPECT_EQ(progress(yes_no("no", "maybe"), std::string("yes")), std::nullopt);
    mf::Indicator half = ind;
    half.target = mf::IndicatorValue{};
    EXPECT_EQ(progress(half, 40.0), std::nullopt);
}

TEST(FollowUp, StartsFromTheEarlierPlanAndChecksWhatIsFilledIn) {
    mf::ActionPlan earlier;
    earlier.areas = {{"rekruttering", "Flere kanaler", "HR", "2026-11-01", numeric("percent", 20, 60)},
                     {"ledelse", "Politik vedtaget", "Direktøren", "2026-06-30"}};
    mf::FollowUp f = mf::start_follow_up(earlier, "2025-11-20T09:12:00Z", "sha256:" + std::string(64, 'a'));
    ASSERT_EQ(f.items.size(), 2u);
    EXPECT_EQ(f.items[0].earlier.goal, "Flere kanaler");
    EXPECT_EQ(f.items[1].status, mf::FollowUpStatus::None);
    EXPECT_EQ(f.earlier_created, "2025-11-20T09:12:00Z");

    auto describe = [](const std::vector<mf::FollowUpProblem>& problems) {
        std::vector<std::string> out;
        for (const auto& p : problems) out.push_back(std::to_string(p.item) + " " + p.field + ": " + p.message);
        return out;
    };
    EXPECT_EQ(describe(mf::check_follow_up(f, "da")), (std::vector<std::string>{
        "0 status: Vælg hvordan det gik: nået, delvist nået, ikke nået eller opgivet.",
        "1 status: Vælg hvordan det gik: nået, delvist nået, ikke nået eller opgivet."}));
    f.items[0].status = mf::FollowUpStatus::Partly;
    f.items[0].current = 140.0;
    f.items[1].status = mf::FollowUpStatus::Dropped;
    f.items[1].current = std::string("yes"); // the earlier area had no indicator
    f.items[1].note = std::string(501, 'x');
    EXPECT_EQ(describe(mf::check_follow_up(f, "en")), (std::vector<std::string>{
        "0 current: A percentage lies between 0 and 100 (140 does not).",
        "1 current: The focus area had no indicator, so there is no value to measure.",
        "1 note: The note has 501 characters; write at most 500."}));
    f.items[0].current = 45.0;
    f.items[1].current = mf::IndicatorValue{};
    f.items[1].note = "";
    for (int i = 0; i < 500; ++i) f.items[1].note += "æ"; // 500 characters, 1000 bytes: fine
    EXPECT_TRUE(mf::check_follow_up(f, "da").empty());
}

TEST(FollowUp, StatusIdsAndNames) {
    for (mf::FollowUpStatus s : mf::kFollowUpStatuses) EXPECT_EQ(mf::follow_up_status_from_id(mf::follow_up_status_id(s)), s);
    EXPECT_EQ(mf::follow_up_status_from_id("nået"), std::nullopt);
    EXPECT_EQ(mf::follow_up_status_from_id(""), std::nullopt);
    EXPECT_EQ(std::string(mf::follow_up_status_id(mf::FollowUpStatus::NotReached)), "not_reached");
    EXPECT_EQ(mf::follow_up_status_name(mf::FollowUpStatus::Partly, "da"), "Delvist nået");
    EXPECT_EQ(mf::follow_up_status_name(mf::FollowUpStatus::Dropped, "en"), "Dropped");
}

TEST(FollowUp, CarryOverStartsFromTheValueNow) {
    mf::FollowUpItem item{{"rekruttering", "Flere kanaler", "HR", "2026-11-01", numeric("percent", 20, 60)},
                          mf::FollowUpStatus::Partly, 45.0, "Halvvejs"};
    const mf::FocusArea next = mf::carry_over(item);
    EXPECT_EQ(next.focus, "rekruttering");
    EXPECT_EQ(next.goal, "Flere kanaler");
    EXPECT_EQ(next.responsible, "HR");
    EXPECT_EQ(next.follow_up, "") << "a new date is the respondent's choice";
    EXPECT_EQ(next.indicator, numeric("percent", 45, 60));
    item.current = mf::IndicatorValue{};
    EXPECT_EQ(mf::carry_over(item).indicator, numeric("percent", 20, 60)) << "not measured: the old baseline stays";
}

TEST(FollowUp, JsonRoundTripAndTypeErrors) {
    mf::FollowUp f{"2025-11-20T09:12:00Z", "sha256:" + std::string(64, 'b'), {}};
    f.items.push_back({{"rekruttering", "Flere kanaler", "HR", "2026-11-01", numeric("percent", 20, 60)}, mf::FollowUpStatus::Reached, 62.5, "Nået i oktober"});
    f.items.push_back({{"ledelse", "Politik", "Direktøren", "2026-06-30"}, mf::FollowUpStatus::None, {}, ""});
    const nlohmann::json j = f;
    EXPECT_EQ(j["earlier"], (nlohmann::json{{"created", "2025-11-20T09:12:00Z"}, {"checksum", f.earlier_checksum}}));
    EXPECT_EQ(j["items"][0]["status"], "reached");
    EXPECT_EQ(j["items"][0]["current"], 62.5);
    EXPECT_EQ(j["items"][1]["status"], nullptr);
    EXPECT_EQ(j["items"][1]["current"], nullptr);
    EXPECT_EQ(j["items"][1]["focusArea"]["indicator"], nullptr);

    mf::Diagnostics diagnostics;
    mf::JsonReader reader{"f.json", &diagnostics};
    mf::FollowUp back;
    ASSERT_TRUE(mf::read_follow_up(j, "/planFollowUp", reader, back));
    EXPECT_TRUE(diagnostics.empty());
    ASSERT_EQ(back.items.size(), 2u);
    EXPECT_EQ(back.items[0].earlier.indicator, f.items[0].earlier.indicator);
    EXPECT_EQ(back.items[0].current, f.items[0].current);
    EXPECT_EQ(back.items[0].note, "Nået i oktober");
    EXPECT_EQ(back.items[1].status, mf::FollowUpStatus::None);
    EXPECT_EQ(nlohmann::json(back), j);

    nlohmann::json bad = j;
    bad["items"][0]["status"] = "nået";
    bad["items"][1].erase("note");
    bad["earlier"]["created"] = 2025;
    EXPECT_FALSE(mf::read_follow_up(bad, "/planFollowUp", reader, back));
    std::vector<std::string> messages;
    for (const mf::Diagnostic& d : diagnostics) messages.push_back(d.to_string());
    EXPECT_EQ(messages, (std::vector<std::string>{
        "f.json: /planFollowUp/earlier/created: expected a string, got 2025",
        "f.json: /planFollowUp/items/0/status: expected \"reached\", \"partly\", \"not_reached\", \"dropped\" or null, got \"nået\"",
        "f.json: /planFollowUp/items/1: the field \"note\" is missing"}));
}
