// The workshop list and its storage (core/workshop.h), and bundles (core/bundle.h), against the
// shipped questionnaire and an in-memory store.
#include "core/bundle.h"
#include "core/questionnaire_load.h"
#include "core/result.h"
#include "core/workshop.h"
#include "support/diagnostic_check.h"
#include "support/memory_store.h"
#include "support/test_questionnaires.h"

#include <gtest/gtest.h>

#include <map>

namespace {
using mf_test::shipped;

using mf_test::MemoryStore;

const std::string kNow = "2026-11-25T17:00:00Z";

// A session with a profile (name, CVR, ...) and a few theme answers.
mf::Session answered_session(const std::string& name, const std::string& answer) {
    const mf::Questionnaire& q = shipped();
    mf::Session s;
    s.screen = mf::Screen::Theme;
    s.theme = 1;
    s.assessment.created = "2026-11-25T10:00:00Z";
    s.assessment.updated = "2026-11-25T10:30:00Z";
    for (const mf::Question& p : q.profile) {
        if (p.type == mf::QuestionType::Number) s.assessment.answers[p.id] = 25.0;
        else if (p.type == mf::QuestionType::Single) s.assessment.answers[p.id] = p.options.front().id;
        else if (p.role == "cvr") s.assessment.answers[p.id] = std::string("24256790");
        else if (p.role == "email") s.assessment.answers[p.id] = std::string("hr@example.dk");
        else s.assessment.answers[p.id] = name;
    }
    for (const mf::Question& question : q.themes[0].questions)
        if (question.type == mf::QuestionType::YesNo) s.assessment.answers[question.id] = answer;
    return s;
}

TEST(Workshop, IndexRoundTripsExactly) {
    mf::Workshop w;
    mf::add_entry(w, "  Bageriet \t Nord ", kNow);
    mf::add_entry(w, "Café Ærø", kNow);
    w.presentation = true;
    w.text_size = 2;
    ASSERT_EQ(w.entries.size(), 2u);
    EXPECT_EQ(w.entries[0].id, "a1");
    EXPECT_EQ(w.entries[0].name, "Bageriet Nord");
    EXPECT_EQ(w.current, "a2"); // the new one opens
    const std::string text = mf::workshop_text(w);
    mf::Workshop back;
    mf::Diagnostics d;
    ASSERT_TRUE(mf::read_workshop(text, back, d));
    EXPECT_TRUE(d.empty());
    EXPECT_EQ(mf::workshop_text(back), text);
    EXPECT_EQ(back.next_id, 3);
    EXPECT_TRUE(back.presentation);
    EXPECT_EQ(back.text_size, 2);
}

TEST(Workshop, IdsAreNeverReusedAfterDelete) {
    mf::Workshop w;
    mf::add_entry(w, "A", kNow);
    mf::add_entry(w, "B", kNow);
    mf::add_entry(w, "C", kNow);
    w.current = "a2";
    ASSERT_TRUE(mf::remove_entry(w, "a2"));
    EXPECT_EQ(w.current, "a3"); // the next one
    ASSERT_TRUE(mf::remove_entry(w, "a3"));
    EXPECT_EQ(w.current, "a1"); // else the previous one
    EXPECT_EQ(mf::add_entry(w, "D", kNow), "a4");
    EXPECT_FALSE(mf::remove_entry(w, "a9"));
    EXPECT_FALSE(mf::rename_entry(w, "a9", "x"));
    ASSERT_TRUE(mf::remove_entry(w, "a1"));
    ASSERT_TRUE(mf::remove_entry(w, "a4"));
    EXPECT_EQ(w.current, "");
}

TEST(Workshop, NamesAreCleanedAndCutOnACharacterBoundary) {
    EXPECT_EQ(mf::clean_name("  a\n\nb\x01 c  "), "a b c");
    std::string long_name;
    for (int i = 0; i < 100; i++) long_name += "æ"; // 2 bytes each
    const std::string cut = mf::clean_name(long_name);
    EXPECT_LE(cut.size(), mf::kMaxNameBytes);
    EXPECT_EQ(cut.size() % 2, 0u); // never half a character
    EXPECT_EQ(mf::anonymous_name(0), "Organisation A");
    EXPECT_EQ(mf::anonymous_name(25), "Organisation Z");
    EXPECT_EQ(mf::anonymous_name(26), "Organisation AA");
    mf::WorkshopEntry e{"a1", "", "", ""};
    EXPECT_EQ(mf::display_name(e, 2, ""), "Organisation 3");
    EXPECT_EQ(mf::display_name(e, 2, " Kantinen "), "Kantinen");
    e.name = "Bageriet";
    EXPECT_EQ(mf::display_name(e, 2, "Kantinen"), "Bageriet");
}

TEST(Workshop, ListIsLimited) {
    mf::Workshop w;
    for (std::size_t i = 0; i < mf::kMaxAssessments; i++) ASSERT_FALSE(mf::add_entry(w, "x", kNow).empty());
    EXPECT_EQ(mf::add_entry(w, "one too many", kNow), "");
    EXPECT_EQ(w.entries.size(), mf::kMaxAssessments);
}

TEST(Workshop, ReadingDropsBadEntriesAndKeepsTheRest) {
    const std::string text = R"({"format":"mangfoldighedstjek/workshop","formatVersion":1,"current":"a7","nextId":2,
        "entries":[{"id":"a1","name":"Good","created":"2026-11-25T10:00:00Z","updated":"2026-11-25T10:00:00Z"},
                   {"id":"b2","name":"Bad id"},
                   {"id":"a1","name":"Twice"},
                   {"id":"a5","name":7},
                   {"id":"a6","name":"Bad time","created":"yesterday"},
                   {"id":"a9","name":"Also good"}, 3]})";
    mf::Workshop w;
    mf::Diagnostics d;
    ASSERT_TRUE(mf::read_workshop(text, w, d));
    ASSERT_EQ(w.entries.size(), 2u);
    EXPECT_EQ(w.entries[0].name, "Good");
    EXPECT_EQ(w.entries[1].id, "a9");
    EXPECT_EQ(w.current, "a1");  // "a7" is not listed
    EXPECT_EQ(w.next_id, 10);    // above every id in use, whatever nextId said
    ASSERT_EQ(d.size(), 5u);
    EXPECT_EQ(d[0].pointer, "/entries/1");
    EXPECT_EQ(d[0].message, "entry left out: /entries/1/id: \"b2\" is not an assessment id (a1, a2, ...)");
    EXPECT_EQ(d[1].message, "entry left out: /entries/2/id: \"a1\" is listed twice");
    EXPECT_EQ(d[2].pointer, "/entries/3");
    EXPECT_EQ(d[4].pointer, "/entries/6");
    for (const mf::Diagnostic& x : d) EXPECT_EQ(x.severity, mf::Diagnostic::Severity::Warning);
    mf_test::expect_coded(d);
    EXPECT_EQ(d[0].code, "workshop.entry.bad_id");
    EXPECT_EQ(d[1].code, "workshop.entry.duplicate_id");
    EXPECT_EQ(d[2].code, "workshop.entry.unreadable");
    EXPECT_EQ(d[2].param("detail"), "/entries/3/name: expected a string, got 7");
    EXPECT_EQ(d[3].code, "workshop.entry.bad_timestamp");
    EXPECT_EQ(d[3].param("field"), "created");
}

TEST(Workshop, ReadingRefusesWhatIsNotAnIndex) {
    mf::Workshop w;
    mf::add_entry(w, "untouched", kNow);
    for (const char* text : {"", "[]", "{\"format\":\"mangfoldighedstjek/session\"}",
                             "{\"format\":\"mangfoldighedstjek/workshop\",\"formatVersion\":2,\"entries\":[]}",
                             "{\"format\":\"mangfoldighedstjek/workshop\",\"formatVersion\":1,\"entries\":{}}", "{\"form"}) {
        mf::Diagnostics d;
        EXPECT_FALSE(mf::read_workshop(text, w, d)) << text;
        EXPECT_TRUE(mf::has_errors(d)) << text;
        mf_test::expect_coded(d);
    }
    EXPECT_EQ(w.entries.size(), 1u);
    EXPECT_EQ(w.entries[0].name, "untouched");
}

TEST(WorkshopStorage, FirstVisitHasOneFreshEntryAndWritesNothing) {
    MemoryStore store;
    mf::WorkshopLoad load = mf::load_workshop(store, shipped(), kNow, "en");
    ASSERT_EQ(load.workshop.entries.size(), 1u);
    EXPECT_EQ(load.workshop.current, "a1");
    EXPECT_EQ(load.session.assessment.language, "en");
    EXPECT_TRUE(load.session.assessment.answers.empty());
    EXPECT_TRUE(store.data.empty());
    EXPECT_FALSE(load.migrated);
}

TEST(WorkshopStorage, MigratesTheSingleSavedSessionOfEarlierVersions) {
    MemoryStore store;
    mf::Session old = answered_session("Bageriet Nord", "yes");
    old.text_size = 2;
    const std::string legacy = mf::session_text(old);
    store.data[mf::kLegacySessionKey] = legacy;

    mf::WorkshopLoad load = mf::load_workshop(store, shipped(), kNow, "da");
    EXPECT_TRUE(load.migrated);
    EXPECT_TRUE(load.problems.empty());
    ASSERT_EQ(load.workshop.entries.size(), 1u);
    EXPECT_EQ(load.workshop.entries[0].name, "Bageriet Nord");
    EXPECT_EQ(load.workshop.entries[0].created, old.assessment.created);
    EXPECT_EQ(load.workshop.text_size, 2);
    EXPECT_EQ(mf::session_text(load.session), legacy); // every answer, the screen and the settings
    EXPECT_EQ(store.data.count(mf::kLegacySessionKey), 0u);
    EXPECT_EQ(store.data.at("assessment-a1"), legacy);

    // The next start reads the new layout and finds the same.
    mf::WorkshopLoad again = mf::load_workshop(store, shipped(), kNow, "da");
    EXPECT_FALSE(again.migrated);
    EXPECT_EQ(mf::session_text(again.session), legacy);
    EXPECT_EQ(again.workshop.entries.size(), 1u);
}

TEST(WorkshopStorage, MigrationKeepsTheOldKeyWhenStorageRefuses) {
    MemoryStore store;
    const std::string legacy = mf::session_text(answered_session("Bageriet", "no"));
    store.data[mf::kLegacySessionKey] = legacy;
    store.refuse = true;
    mf::WorkshopLoad load = mf::load_workshop(store, shipped(), kNow, "da");
    EXPECT_FALSE(load.migrated);
    EXPECT_EQ(mf::session_text(load.session), legacy); // the answers are open all the same
    EXPECT_EQ(store.data.at(mf::kLegacySessionKey), legacy);
}

TEST(WorkshopStorage, UnreadableLegacySessionIsKeptAside) {
    MemoryStore store;
    store.data[mf::kLegacySessionKey] = "{\"format\": \"mangfoldighedstjek/session\", trunc";
    mf::WorkshopLoad load = mf::load_workshop(store, shipped(), kNow, "da");
    EXPECT_EQ(store.data.at("session-unreadable"), "{\"format\": \"mangfoldighedstjek/session\", trunc");
    ASSERT_EQ(load.problems.size(), 1u);
    EXPECT_NE(load.problems[0].find("session-unreadable"), std::string::npos);
    EXPECT_TRUE(load.session.assessment.answers.empty());
}

TEST(WorkshopStorage, EachAssessmentIsItsOwnKeyAndOneBadOneHarmsNoOther) {
    MemoryStore store;
    mf::Workshop w;
    const std::string a = mf::add_entry(w, "A", kNow);
    const std::string b = mf::add_entry(w, "B", kNow);
    const std::string c = mf::add_entry(w, "C", kNow);
    ASSERT_TRUE(mf::save_entry(store, w, a, answered_session("A", "yes")));
    ASSERT_TRUE(mf::save_entry(store, w, b, answered_session("B", "no")));
    ASSERT_TRUE(mf::save_entry(store, w, c, answered_session("C", "dont_know")));
    EXPECT_EQ(w.entries[0].updated, "2026-11-25T10:30:00Z"); // copied from the assessment
    w.current = b;
    ASSERT_TRUE(mf::save_workshop(store, w));

    store.data[mf::assessment_key(b)] = "{\"format\":\"mangfoldighedstjek/session\",\"assessment\":[]}";
    store.data[mf::assessment_key(c)] = std::string(mf::kMaxEntryBytes + 1, ' ');
    mf::WorkshopLoad load = mf::load_workshop(store, shipped(), kNow, "da");
    EXPECT_EQ(load.workshop.entries.size(), 3u); // all still listed
    EXPECT_TRUE(load.session.assessment.answers.empty()); // b could not be read: a fresh one opens
    ASSERT_EQ(load.problems.size(), 1u);
    EXPECT_EQ(store.data.count("assessment-a2-unreadable"), 1u);

    mf::Session s;
    mf::Diagnostics d;
    ASSERT_EQ(mf::read_entry(store, shipped(), a, s, d), mf::EntryRead::Read);
    EXPECT_EQ(mf::session_text(s), mf::session_text(answered_session("A", "yes")));
    EXPECT_EQ(mf::read_entry(store, shipped(), c, s, d), mf::EntryRead::Unreadable);
    ASSERT_FALSE(d.empty());
    EXPECT_EQ(d.back().to_string(), "assessment-a3: too large to be an assessment (" +
                                        std::to_string(mf::kMaxEntryBytes + 1) + " bytes, at most " +
                                        std::to_string(mf::kMaxEntryBytes) + ")");
    mf_test::expect_coded(d);
    EXPECT_EQ(d.back().code, "workshop.entry.too_large");
    EXPECT_EQ(mf::session_text(s), mf::session_text(answered_session("A", "yes"))); // untouched on failure
}

TEST(WorkshopStorage, UnreadableIndexIsRebuiltFromTheAssessments) {
    MemoryStore store;
    mf::Workshop w;
    mf::add_entry(w, "A", kNow);
    mf::add_entry(w, "B", kNow);
    mf::add_entry(w, "C", kNow);
    mf::remove_entry(w, "a2");
    mf::save_entry(store, w, "a1", answered_session("Alfa", "yes"));
    mf::save_entry(store, w, "a3", answered_session("Charlie", "no"));
    store.data[mf::kWorkshopKey] = "{\"format\":\"mangfoldighedstjek/workshop\",";
    mf::WorkshopLoad load = mf::load_workshop(store, shipped(), kNow, "da");
    EXPECT_TRUE(load.recovered);
    ASSERT_EQ(load.workshop.entries.size(), 2u);
    EXPECT_EQ(load.workshop.entries[0].name, "Alfa"); // the profile's name
    EXPECT_EQ(load.workshop.entries[1].id, "a3");
    EXPECT_EQ(load.workshop.next_id, 4);
    EXPECT_EQ(store.data.at("workshop-unreadable"), "{\"format\":\"mangfoldighedstjek/workshop\",");
    EXPECT_EQ(mf::session_text(load.session), mf::session_text(answered_session("Alfa", "yes")));
}

// Two exported result files, "Alfa.json" and "Bravo.json" (every question answered "yes").
std::vector<mf::BundleMember> alfa_and_bravo_members() {
    std::vector<mf::BundleMember> members;
    for (const char* name : {"Alfa", "Bravo"}) {
        mf::ExportOutcome out = mf::export_result(shipped(), answered_session(name, "yes").assessment);
        EXPECT_TRUE(out.ok()) << out.diagnostics.front().to_string();
        if (out.ok()) members.push_back({std::string(name) + ".json", out.text});
    }
    return members;
}

// mentions_bundle looks for the format from its '/': at the start, at the end, after other
// slashes and near misses.
TEST(Bundle, MentionsBundleFindsTheFormatAnywhere) {
    for (const char* yes : {"mangfoldighedstjek/bundle", "{\"format\": \"mangfoldighedstjek/bundle\"}", "a/b//mangfoldighedstjek/bundle",
                            "mangfoldighedstjek/result mangfoldighedstjek/bundle"})
        EXPECT_TRUE(mf::mentions_bundle(yes)) << yes;
    for (const char* no : {"", "/", "/bundle", "mangfoldighedstjek/bundl", "angfoldighedstjek/bundle", "mangfoldighedstjek/result",
                           "mangfoldighedstjek//bundle", "mangfoldighedstjekXbundle"})
        EXPECT_FALSE(mf::mentions_bundle(no)) << no;
}

TEST(Bundle, MembersAreByteIdenticalToTheSingleFilesAndAggregate) {
    const mf::Questionnaire& q = shipped();
    std::vector<mf::BundleMember> members = alfa_and_bravo_members();
    ASSERT_EQ(members.size(), 2u);
    const std::string text = mf::bundle_text(members, kNow);
    EXPECT_TRUE(mf::mentions_bundle(text));
    EXPECT_FALSE(mf::mentions_bundle(members[0].text));
    std::vector<mf::BundleMember> back;
    mf::Diagnostics d;
    ASSERT_EQ(mf::read_bundle(text, "all.json", back, d), mf::BundleRead::Ok);
    EXPECT_TRUE(d.empty());
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].text, members[0].text);
    EXPECT_EQ(back[1].text, members[1].text);
    EXPECT_EQ(back[1].file, "all.json#/results/1 (Bravo.json)");

    std::vector<mf::FileCheck> checks = mf::check_results(text, "all.json", q);
    ASSERT_EQ(checks.size(), 2u);
    for (const mf::FileCheck& c : checks) EXPECT_TRUE(c.row.has_value());
    EXPECT_EQ(checks[0].row->name, "Alfa");
    // A single file is still a single file.
    ASSERT_EQ(mf::check_results(members[0].text, "Alfa.json", q).size(), 1u);
}

TEST(Bundle, BadMembersAreListedAndGoodOnesKept) {
    const mf::Questionnaire& q = shipped();
    mf::ExportOutcome out = mf::export_result(q, answered_session("Alfa", "yes").assessment);
    ASSERT_TRUE(out.ok());
    nlohmann::json doc = nlohmann::json::parse(mf::bundle_text({{"a.json", out.text}}, kNow));
    nlohmann::json tampered = doc["results"][0];
    tampered["result"]["answers"]["org_name"] = "Someone else";
    doc["results"].push_back(tampered);
    doc["results"].push_back(7);
    doc["results"].push_back({{"file", "x.json"}});
    std::vector<mf::BundleMember> members;
    mf::Diagnostics d;
    ASSERT_EQ(mf::read_bundle(doc.dump(), "b.json", members, d), mf::BundleRead::Ok);
    ASSERT_EQ(members.size(), 2u);
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0].to_string(), "b.json: /results/2: expected an object, got 7");
    EXPECT_EQ(d[1].to_string(), "b.json: /results/3/result: missing: each member holds one result document");
    mf_test::expect_coded(d);
    std::vector<mf::FileCheck> checks = mf::check_results(doc.dump(), "b.json", q);
    for (const mf::FileCheck& c : checks) mf_test::expect_coded(c.diagnostics);
    ASSERT_EQ(checks.size(), 3u); // the bundle's own problems, then one check per member
    EXPECT_FALSE(checks[0].row);
    EXPECT_TRUE(checks[1].row);
    EXPECT_FALSE(checks[2].row); // the checksum no longer matches
    EXPECT_EQ(checks[2].file, "b.json#/results/1 (a.json)");

    for (const char* bad : {"{\"format\":\"mangfoldighedstjek/bundle\",\"formatVersion\":9,\"results\":[]}",
                            "{\"format\":\"mangfoldighedstjek/bundle\",\"formatVersion\":1}", "[\"mangfoldighedstjek/bundle\""}) {
        members.clear();
        d.clear();
        EXPECT_EQ(mf::read_bundle(bad, "b.json", members, d), mf::BundleRead::Bad) << bad;
        EXPECT_TRUE(mf::has_errors(d));
        mf_test::expect_coded(d);
    }
    members.clear();
    d.clear();
    EXPECT_EQ(mf::read_bundle("{\"format\":\"mangfoldighedstjek/result\"}", "r.json", members, d), mf::BundleRead::NotBundle);
    EXPECT_TRUE(d.empty());
}

// A workshop's unfinished member (version 2): listed, not counted, unless asked for; a bundle
// without one stays version 1 so older readers keep reading it.
TEST(Bundle, UnfinishedMembersAreCountedOnlyWhenAskedFor) {
    const mf::Questionnaire& q = shipped();
    std::vector<mf::BundleMember> members = alfa_and_bravo_members();
    ASSERT_EQ(members.size(), 2u);
    EXPECT_EQ(nlohmann::json::parse(mf::bundle_text(members, kNow))["formatVersion"], 1);
    members[1].unfinished = true;
    const std::string text = mf::bundle_text(members, kNow);
    const nlohmann::json doc = nlohmann::json::parse(text);
    EXPECT_EQ(doc["formatVersion"], 2);
    EXPECT_FALSE(doc["results"][0].contains("unfinished"));
    EXPECT_EQ(doc["results"][1]["unfinished"], true);

    std::vector<mf::BundleMember> back;
    mf::Diagnostics d;
    ASSERT_EQ(mf::read_bundle(text, "all.json", back, d), mf::BundleRead::Ok);
    ASSERT_EQ(back.size(), 2u);
    EXPECT_FALSE(back[0].unfinished);
    EXPECT_TRUE(back[1].unfinished);
    EXPECT_EQ(back[1].text, members[1].text);

    std::vector<mf::FileCheck> checks = mf::check_results(text, "all.json", q);
    ASSERT_EQ(checks.size(), 2u);
    EXPECT_TRUE(checks[0].row);
    EXPECT_FALSE(checks[1].row);
    ASSERT_EQ(checks[1].diagnostics.size(), 1u);
    EXPECT_EQ(checks[1].diagnostics[0].code, "bundle.member.unfinished");
    EXPECT_EQ(checks[1].diagnostics[0].file, "all.json#/results/1 (Bravo.json)");
    mf_test::expect_coded(checks[1].diagnostics);

    checks = mf::check_results(text, "all.json", q, mf::BundleOptions{true});
    ASSERT_EQ(checks.size(), 2u);
    EXPECT_TRUE(checks[1].row);
    EXPECT_EQ(checks[1].row->name, "Bravo");
    EXPECT_FALSE(mf::has_errors(checks[1].diagnostics));

    // A broken unfinished member is rejected for what is wrong with it, asked for or not.
    nlohmann::json tampered = doc;
    tampered["results"][1]["result"]["answers"]["org_name"] = "Someone else";
    for (bool count : {false, true}) {
        checks = mf::check_results(tampered.dump(), "all.json", q, mf::BundleOptions{count});
        ASSERT_EQ(checks.size(), 2u);
        EXPECT_FALSE(checks[1].row);
        ASSERT_FALSE(checks[1].diagnostics.empty());
        for (const mf::Diagnostic& problem : checks[1].diagnostics) EXPECT_NE(problem.code, "bundle.member.unfinished");
    }
    // "unfinished" must be true or false.
    tampered = doc;
    tampered["results"][1]["unfinished"] = "yes";
    back.clear();
    d.clear();
    ASSERT_EQ(mf::read_bundle(tampered.dump(), "all.json", back, d), mf::BundleRead::Ok);
    EXPECT_EQ(back.size(), 1u);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d[0].to_string(), "all.json: /results/1/unfinished: expected true or false, got \"yes\"");
}

} // namespace

// Absent (never saved) and unreadable (the storage refused) are told apart: an added organisation
// that was never answered opens empty, while a read that failed must not pass for "empty".
TEST(Workshop, ReadEntryTellsAbsentFromUnreadable) {
    MemoryStore store;
    mf::Session s;
    s.screen = mf::Screen::Results;
    mf::Diagnostics d;
    EXPECT_EQ(mf::read_entry(store, shipped(), "a7", s, d), mf::EntryRead::Absent);
    EXPECT_TRUE(d.empty());
    EXPECT_EQ(s.screen, mf::Screen::Results); // untouched

    store.data[mf::assessment_key("a7")] = mf::session_text(answered_session("A", "yes"));
    store.failing.insert(mf::assessment_key("a7"));
    EXPECT_EQ(mf::read_entry(store, shipped(), "a7", s, d), mf::EntryRead::Unreadable);
    ASSERT_EQ(d.size(), 1u);
    EXPECT_EQ(d.front().to_string(), "assessment-a7: the storage could not be read");
    EXPECT_EQ(d.front().code, "workshop.entry.storage_failed");
    mf_test::expect_coded(d);
    EXPECT_EQ(s.screen, mf::Screen::Results);

    // At start-up the open assessment's failed read is reported, a fresh one opens, and what is
    // stored stays as it was (nothing is kept aside over it or removed).
    mf::Workshop w;
    w.current = mf::add_entry(w, "A", kNow);
    ASSERT_TRUE(mf::save_workshop(store, w));
    store.data[mf::assessment_key(w.current)] = mf::session_text(answered_session("A", "yes"));
    store.failing.insert(mf::assessment_key(w.current));
    const std::string before = store.data[mf::assessment_key(w.current)];
    const mf::WorkshopLoad load = mf::load_workshop(store, shipped(), kNow, "da");
    EXPECT_TRUE(load.session.assessment.answers.empty());
    ASSERT_EQ(load.problems.size(), 1u);
    EXPECT_NE(load.problems.front().find("the storage could not be read"), std::string::npos);
    EXPECT_EQ(store.data[mf::assessment_key(w.current)], before);
    EXPECT_EQ(store.data.count(mf::assessment_key(w.current) + "-unreadable"), 0u);
}
