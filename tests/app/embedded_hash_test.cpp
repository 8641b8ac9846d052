// embedded_hash_test.cpp - the embedded questionnaires' content hashes, computed at build time
// (cmake/questionnaire_hash.py, a Python canonical form) so the app does not compute them at start,
// are the hashes core computes (questionnaire_content_hash), natively and in WebAssembly; a known hash
// given to the loader or to AppModel::start is used as it is, and the app's results carry it.
#include "app/model/model.h"
#include "core/questionnaire_load.h"
#include "fake_host.h"
#include "platform/embedded_assets.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace embedded_hash_test {

std::string_view bytes_of(const mf::EmbeddedAsset& a) { return {reinterpret_cast<const char*>(a.data), a.size}; }

TEST(EmbeddedHash, EveryEmbeddedQuestionnaireHasTheHashCoreComputes) {
    int questionnaires = 0;
    for (std::size_t i = 0; i < mf::embedded_asset_count(); i++) {
        const mf::EmbeddedAsset& a = mf::embedded_asset_at(i);
        const std::string name = a.name;
        const bool json = name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0;
        if (!json) {
            EXPECT_EQ(a.content_hash, nullptr) << name;
            continue;
        }
        questionnaires++;
        ASSERT_NE(a.content_hash, nullptr) << name;
        const mf::LoadedQuestionnaire computed = mf::load_questionnaire_text(bytes_of(a), name);
        ASSERT_TRUE(computed.questionnaire) << name;
        EXPECT_EQ(computed.questionnaire->content_hash, a.content_hash) << name << ": the build's hash differs from core's";
        EXPECT_EQ(computed.questionnaire->content_hash.rfind("sha256:", 0), 0u);
        EXPECT_EQ(computed.questionnaire->content_hash.size(), 7u + 64u);
    }
    EXPECT_GE(questionnaires, 1) << "no embedded questionnaire";
    ASSERT_NE(mf::find_embedded_asset("aktoersporet.json"), nullptr);
}

TEST(EmbeddedHash, AKnownHashIsUsedAsItIs) {
    const mf::EmbeddedAsset* a = mf::find_embedded_asset("aktoersporet.json");
    ASSERT_NE(a, nullptr);
    const mf::LoadedQuestionnaire known = mf::load_questionnaire_text(bytes_of(*a), a->name, "sha256:given");
    ASSERT_TRUE(known.questionnaire);
    EXPECT_EQ(known.questionnaire->content_hash, "sha256:given");
    // Everything else is loaded as without it.
    const mf::LoadedQuestionnaire computed = mf::load_questionnaire_text(bytes_of(*a), a->name);
    ASSERT_TRUE(computed.questionnaire);
    EXPECT_EQ(known.questionnaire->id, computed.questionnaire->id);
    EXPECT_EQ(known.questionnaire->version, computed.questionnaire->version);
    EXPECT_EQ(known.questionnaire->themes.size(), computed.questionnaire->themes.size());
    EXPECT_EQ(known.diagnostics.size(), computed.diagnostics.size());
}

TEST(EmbeddedHash, TheAppStartsWithTheBuildsHash) {
    const mf::EmbeddedAsset* a = mf::find_embedded_asset("aktoersporet.json");
    ASSERT_NE(a, nullptr);
    mf_test::FakeHost host;
    mf::AppModel m(host, mf::Page::Respondent);
    m.start(bytes_of(*a), a->name, a->content_hash);
    ASSERT_TRUE(m.loaded());
    EXPECT_EQ(m.questionnaire().content_hash, a->content_hash);
    mf::AppModel computed_model(host, mf::Page::Respondent);
    computed_model.start(bytes_of(*a), a->name);
    ASSERT_TRUE(computed_model.loaded());
    EXPECT_EQ(computed_model.questionnaire().content_hash, a->content_hash);
}

} // namespace embedded_hash_test
