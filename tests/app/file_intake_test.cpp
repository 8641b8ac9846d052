// file_intake_test.cpp - every file reaching the app goes one way, whatever the platform: the size
// policy before a file is read, what the user is doing deciding where it goes, bundles read wherever
// many files are taken (the workshop list, the municipality's overview) and explained where one is.
#include "app/model/model.h"
#include "app/model/municipality_model.h"
#include "core/bundle.h"
#include "core/json_input.h"
#include "fake_host.h"

#include <gtest/gtest.h>

#include <memory>

namespace {

using mf::AppModel;
using mf::Page;
using mf::Screen;
using mf_test::FakeHost;

std::string two_organisations() {
    return mf::bundle_text({{"a.json", mf_test::exported_result("Alfa A/S", "13748136")}, {"b.json", mf_test::exported_result("Beta ApS", "24256790")}},
                           "2026-11-25T12:00:00Z");
}

// A model on the desktop's one window: the respondent's screens and the overview.
struct Desktop {
    FakeHost host;
    AppModel m{host, Page::Both};
    Desktop() {
        mf_test::start(m);
        m.attach_overview(std::make_unique<mf::MunicipalityModel>(m.questionnaire()));
    }
};

TEST(FileIntake, WhereFilesGoFollowsWhatTheUserIsDoing) {
    Desktop d;
    AppModel& m = d.m;
    EXPECT_FALSE(m.takes_many_files()) << "on the start screen a file is the one import";
    EXPECT_EQ(m.max_file_bytes(), mf::kMaxResultBytes);
    m.go_to(Screen::Workshop);
    EXPECT_TRUE(m.takes_many_files());
    EXPECT_EQ(m.max_file_bytes(), mf::kMaxBundleBytes) << "a bundle can hold thousands of results";
    m.go_to(Screen::Start);
    m.open_overview();
    EXPECT_TRUE(m.overview_open());
    EXPECT_TRUE(m.takes_many_files());
    EXPECT_EQ(m.max_file_bytes(), mf::kMaxBundleBytes);
}

TEST(FileIntake, ATooLargeFileIsRefusedBeforeItIsReadAndSaidWhereItWouldHaveGone) {
    Desktop d;
    AppModel& m = d.m;
    EXPECT_TRUE(m.file_announced("ok.json", 10000));
    EXPECT_FALSE(m.file_announced("huge.json", 100.0 * 1024 * 1024));
    ASSERT_TRUE(m.pending_import());
    EXPECT_FALSE(m.pending_import()->result);
    ASSERT_EQ(m.pending_import()->problems.size(), 1u);
    EXPECT_EQ(m.pending_import()->problems.front().message, mf::too_large_message(100u << 20, mf::kMaxResultBytes));
    m.dismiss_import();

    m.go_to(Screen::Workshop);
    EXPECT_TRUE(m.file_announced("bundle.json", 10.0 * 1024 * 1024)) << "within a bundle's limit on the list";
    EXPECT_FALSE(m.file_announced("huge.json", 100.0 * 1024 * 1024));
    ASSERT_EQ(m.workshop().batch().size(), 1u);
    EXPECT_EQ(m.workshop().batch().front().file, "huge.json");
    EXPECT_FALSE(m.pending_import());

    m.go_to(Screen::Start);
    m.open_overview();
    m.files_announced(1);
    EXPECT_FALSE(m.file_announced("huge.json", 100.0 * 1024 * 1024));
    m.municipality()->recompute(0);
    ASSERT_EQ(m.municipality()->rejections().size(), 1u);
    EXPECT_EQ(m.municipality()->rejections().front().file, "huge.json");
    EXPECT_FALSE(m.municipality()->loading()) << "the refused file counts as arrived";
}

TEST(FileIntake, BundlesAreReadByTheWorkshopListAndTheOverviewAndExplainedToTheImport) {
    const std::string bundle = two_organisations();
    {
        Desktop d;
        d.m.file_received("workshop.json", bundle);
        ASSERT_TRUE(d.m.pending_import());
        EXPECT_FALSE(d.m.pending_import()->result);
        EXPECT_EQ(d.m.pending_import()->problems.front().message,
                  "this file holds 2 results (a workshop's \"export all\"): load it from the workshop list");
        EXPECT_TRUE(d.m.answers().empty());
    }
    {
        Desktop d;
        d.m.go_to(Screen::Workshop);
        d.m.file_received("workshop.json", bundle);
        EXPECT_EQ(d.m.workshop().list().entries.size(), 2u);
    }
    {
        Desktop d;
        d.m.open_overview();
        d.m.files_announced(1);
        d.m.file_received("workshop.json", bundle);
        mf::MunicipalityModel& v = *d.m.municipality();
        v.recompute(0);
        ASSERT_TRUE(v.counts());
        EXPECT_EQ(v.counts()->counted, 2u) << "each member counts as an organisation";
        EXPECT_EQ(v.files(), 2u);
        EXPECT_TRUE(v.rejections().empty());
    }
}

TEST(FileIntake, AFileTheHostCouldNotReadIsListedWithTheReason) {
    Desktop d;
    AppModel& m = d.m;
    m.file_unreadable("gone.json", "");
    ASSERT_TRUE(m.pending_import());
    EXPECT_EQ(m.pending_import()->problems.front().message, "the file could not be read");
    m.dismiss_import();
    m.go_to(Screen::Workshop);
    m.file_unreadable("locked.json", "permission denied");
    ASSERT_EQ(m.workshop().batch().size(), 1u);
    EXPECT_EQ(m.workshop().batch().front().problems.front().message, "permission denied");
}

TEST(FileIntake, TheRespondentsPageHasNoOverviewToSendFilesTo) {
    FakeHost host;
    AppModel m(host, Page::Respondent);
    mf_test::start(m);
    EXPECT_EQ(m.municipality(), nullptr);
    EXPECT_FALSE(m.overview_open());
    m.file_received("a.json", mf_test::exported_result("Alfa A/S", "13748136"));
    EXPECT_TRUE(m.pending_import() && m.pending_import()->result);
}

} // namespace

namespace {

// Issue 20: "Fjern alle filer" in the middle of reading thousands of files. The host has asked about
// some files (in flight: read, not yet handed over) and not yet about the rest; none of them may
// reach the emptied overview, and a loading chosen afterwards counts as usual.
TEST(FileIntake, ClearingTheOverviewWhileReadingDropsTheRestOfThatLoading) {
    Desktop d;
    AppModel& m = d.m;
    m.open_overview();
    ASSERT_TRUE(m.takes_many_files());
    const std::string alfa = mf_test::exported_result("Alfa A/S", "13748136"), beta = mf_test::exported_result("Beta ApS", "24256790");
    m.files_announced(6);
    ASSERT_TRUE(m.file_announced("1.json", 100));
    m.file_received("1.json", alfa);
    ASSERT_TRUE(m.file_announced("2.json", 100));
    ASSERT_TRUE(m.file_announced("3.json", 100));
    ASSERT_EQ(m.municipality()->files(), 1u);
    ASSERT_TRUE(m.municipality()->loading());

    m.municipality()->clear();
    EXPECT_EQ(m.municipality()->files(), 0u);
    EXPECT_FALSE(m.municipality()->loading()) << "the page says at once that nothing is being read";
    m.file_received("2.json", beta);       // was being read
    m.file_unreadable("3.json", "gone");  // was being read, failed
    EXPECT_FALSE(m.file_announced("4.json", 100)) << "not yet read: not read at all";
    EXPECT_FALSE(m.file_announced("5.json", 1e9)) << "too large, but dropped without a rejection";
    EXPECT_FALSE(m.file_announced("6.json", 100));
    EXPECT_EQ(m.municipality()->files(), 0u);

    m.files_announced(2);
    EXPECT_TRUE(m.file_announced("a.json", 100)) << "a new loading is read";
    m.file_received("a.json", alfa);
    EXPECT_TRUE(m.file_announced("b.json", 100));
    m.file_received("b.json", beta);
    EXPECT_EQ(m.municipality()->files(), 2u);
    EXPECT_FALSE(m.municipality()->loading());
}

// The web page's many files: not announced one by one (asking a picked file's size costs a call to
// the browser process); a file read past the limit is announced with the size seen, which refuses
// it; a clear in the middle still drops exactly the rest of that loading.
TEST(FileIntake, ManyFilesHandedOverWithoutTheirSizeAndOnePastTheLimitAnnouncedAfter) {
    Desktop d;
    AppModel& m = d.m;
    m.open_overview();
    const std::string alfa = mf_test::exported_result("Alfa A/S", "13748136"), beta = mf_test::exported_result("Beta ApS", "24256790");
    m.files_announced(3);
    m.file_received("a.json", alfa);
    EXPECT_FALSE(m.file_announced("huge.json", static_cast<double>(m.max_file_bytes()) + 65536));
    m.file_received("b.json", beta);
    EXPECT_EQ(m.municipality()->files(), 3u);
    EXPECT_FALSE(m.municipality()->loading());
    m.municipality()->recompute(0);
    ASSERT_EQ(m.municipality()->rejections().size(), 1u);
    EXPECT_NE(m.municipality()->rejections()[0].message.find("too large"), std::string::npos) << m.municipality()->rejections()[0].message;

    m.files_announced(3);
    m.file_received("c.json", alfa);
    m.municipality()->clear();
    EXPECT_FALSE(m.file_announced("big.json", static_cast<double>(m.max_file_bytes()) + 65536)) << "dropped, not listed";
    m.file_received("d.json", beta);
    EXPECT_EQ(m.municipality()->files(), 0u);
}

// The publication after a loading is work a host runs in a task of its own before the frame.
TEST(FileIntake, ThePublicationAfterALoadingIsWorkPendingUntilRun) {
    Desktop d;
    AppModel& m = d.m;
    m.open_overview();
    EXPECT_FALSE(m.work_pending());
    m.files_announced(2);
    m.file_received("a.json", mf_test::exported_result("Alfa A/S", "13748136"));
    EXPECT_FALSE(m.work_pending()) << "while files arrive the frames recompute, throttled";
    m.file_received("b.json", mf_test::exported_result("Beta ApS", "24256790"));
    EXPECT_TRUE(m.work_pending()) << "the last file is in: the publication is due";
    const std::optional<mf::Publication> whole = mf::publish(m.questionnaire(), m.municipality()->full_aggregate().rows);
    int parts = 0;
    for (; m.work_pending() && parts < 100; ++parts) m.run_pending_work();
    EXPECT_EQ(parts, 4) << "the counts and lists, the rows by year, the one year, the selection";
    EXPECT_FALSE(m.municipality()->stale());
    ASSERT_TRUE(m.municipality()->counts());
    EXPECT_EQ(m.municipality()->counts()->files, 2u);
    ASSERT_TRUE(m.municipality()->publication());
    EXPECT_EQ(m.municipality()->publication()->years.size(), whole->years.size());
    EXPECT_EQ(m.municipality()->publication()->year().all().organisations.count, 2u);

    // A change of k between the parts starts them again with it; a frame's recompute does all at once.
    m.municipality()->set_keep_duplicates(true);
    ASSERT_TRUE(m.work_pending());
    m.run_pending_work();
    m.run_pending_work();
    m.municipality()->set_min_group(7);
    for (parts = 0; m.work_pending() && parts < 100; ++parts) m.run_pending_work();
    EXPECT_EQ(parts, 4);
    EXPECT_EQ(m.municipality()->publication()->min_group, 7u);
    m.municipality()->set_keep_duplicates(false);
    m.run_pending_work();
    m.municipality()->recompute(m.time());
    EXPECT_FALSE(m.work_pending());
    EXPECT_EQ(m.municipality()->publication()->min_group, 7u);
}

} // namespace
