// language_model.cpp - English on demand (model.h, "Settings"; docs/texts.md, "English on demand").
//
// Index
//   - show_available_language   an assessment in English waits in Danish until the English is here
//   - english_arrived           the host's answer: install it and switch, or say it failed
//   - install_english           the file's texts into the text table, its questionnaire texts put back
//                               into the embedded questionnaire, checked against the build's hash
//
// The respondent's web page carries only Danish; the English (texts and questionnaire, about 23 KB
// gzip) is a file beside the program, fetched when English is first asked for and kept by the
// offline worker (docs/offline.md). Nothing here can lose an answer: the language is a setting of
// the open assessment, and a file that fails any check changes nothing but the message.
#include "app/model/model.h"

#include "core/json_input.h"
#include "core/questionnaire_load.h"

namespace mf {

static constexpr const char* kEnglishFormat = "mangfoldighedstjek/english";

// The value a JSON pointer ("/themes/0/questions/3/text", RFC 6901) names in `doc`, or nullptr.
// Written out rather than nlohmann's json_pointer, whose parsing and errors cost the page 2 KB.
static nlohmann::json* at_pointer(nlohmann::json& doc, const std::string& pointer) {
    nlohmann::json* at = &doc;
    std::size_t begin = 0;
    while (begin < pointer.size()) {
        if (pointer[begin] != '/') return nullptr;
        std::size_t end = pointer.find('/', begin + 1);
        if (end == std::string::npos) end = pointer.size();
        std::string token;
        for (std::size_t i = begin + 1; i < end; i++) {
            if (pointer[i] != '~') token += pointer[i];
            else if (i + 1 < end && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) token += pointer[++i] == '0' ? '~' : '/';
            else return nullptr;
        }
        begin = end;
        if (at->is_object()) {
            auto it = at->find(token);
            if (it == at->end()) return nullptr;
            at = &*it;
        } else if (at->is_array()) {
            if (token.empty() || token.size() > 6 || token.find_first_not_of("0123456789") != std::string::npos) return nullptr;
            std::size_t index = 0;
            for (char c : token) index = index * 10 + static_cast<std::size_t>(c - '0');
            if (index >= at->size()) return nullptr;
            at = &(*at)[index];
        } else {
            return nullptr;
        }
    }
    return at;
}

void AppModel::show_available_language() {
    if (english_status_ == EnglishStatus::Here || language() != "en") return;
    session_.assessment.language = questionnaire().languages.front(); // Danish, not saved for this
    texts_ = Texts(language());
    set_language("en"); // asks for the English, or (after a failure) shows why it is not here
}

// Not inlined into served_file_arrived: the respondent's web page moves this and the English's
// reading into the module loaded after the start screen (cmake/deferred_roots.txt).
[[gnu::noinline]] void AppModel::english_arrived(bool found, std::string_view bytes) {
    if (english_status_ != EnglishStatus::Fetching) return;
    if (!found || !install_english(bytes)) {
        english_status_ = EnglishStatus::Failed;
        language_wanted_.clear();
        return;
    }
    english_status_ = EnglishStatus::Here;
    if (language_wanted_ == "en") set_language("en");
    language_wanted_.clear();
}

bool AppModel::install_english(std::string_view bytes) {
    Diagnostics problems;
    std::optional<nlohmann::json> english = parse_json_document(bytes, english_file_, problems);
    if (!english || !english->is_object()) return false;
    const nlohmann::json& e = *english;
    const auto has = [&](const char* key, bool (nlohmann::json::*is)() const) { return e.contains(key) && (e[key].*is)(); };
    if (!has("format", &nlohmann::json::is_string) || e["format"] != kEnglishFormat || !has("formatVersion", &nlohmann::json::is_number_integer) ||
        e["formatVersion"] != 1 || !has("questionnaireHash", &nlohmann::json::is_string) || !has("languages", &nlohmann::json::is_array) ||
        !has("texts", &nlohmann::json::is_object) || !has("questionnaire", &nlohmann::json::is_object))
        return false;
    // A file of another build (a server half updated): refused, never mixed in.
    if (questionnaire_hash_.empty() || e["questionnaireHash"] != questionnaire_hash_) return false;

    // The questionnaire: its English put back where the build took it from, then loaded and checked
    // like any questionnaire; the result must be the whole file, content hash and all.
    std::optional<nlohmann::json> doc = parse_json_document(questionnaire_text_, questionnaire_file_, problems);
    if (!doc || !doc->is_object()) return false;
    const nlohmann::json& english_texts = e["questionnaire"];
    for (auto it = english_texts.begin(); it != english_texts.end(); ++it) {
        nlohmann::json* local = at_pointer(*doc, it.key());
        if (!it->is_string() || !local || !local->is_object() || !local->contains("da") || local->contains("en")) return false;
        (*local)["en"] = *it;
    }
    (*doc)["languages"] = e["languages"];
    LoadedQuestionnaire whole = load_questionnaire_json(*doc, questionnaire_file_);
    if (!whole.questionnaire || whole.questionnaire->content_hash != questionnaire_hash_) return false;

    std::map<std::string, std::string, std::less<>> texts;
    const nlohmann::json& table = e["texts"];
    for (auto it = table.begin(); it != table.end(); ++it) {
        if (!it->is_string()) return false;
        texts.emplace(it.key(), it->get<std::string>());
    }
    if (!install_english_texts(texts)) return false;
    // Between frames (the host's answer): nothing holds a part of the old questionnaire.
    questionnaire_ = std::move(whole.questionnaire);
    return true;
}

} // namespace mf
