// model.cpp - the session's flow: start-up, frames and saving, settings, moving between screens,
// notices, starting over (see model.h).
//
// Index
//   - start-up        the questionnaire, the saved assessments or the page's settings
//   - frames          notices expire, changes are saved at the end of a frame
//   - settings        language, text size, the UI scale
//   - navigation      screens, themes, the review's "Go to", resume, the overview
//   - notices
//   - start over
#include "app/model/model.h"

#include "core/questionnaire_load.h"

#include <algorithm>

namespace mf {

namespace {
constexpr double kNoticeSeconds = 6.0;
} // namespace

AppModel::AppModel(Host& host, Page page) : host_(host), page_(page), workshop_(*this) {}

// ---------------------------------------------------------------------------------------------
// Start-up
// ---------------------------------------------------------------------------------------------
void AppModel::start(std::string_view questionnaire_json, const std::string& file_name, std::string_view content_hash) {
    LoadedQuestionnaire loaded = load_questionnaire_text(questionnaire_json, file_name, content_hash);
    for (const Diagnostic& d : loaded.diagnostics)
        if (d.severity == Diagnostic::Severity::Error) load_errors_.push_back(d.to_string());
    if (!loaded.questionnaire) return;
    questionnaire_ = std::move(loaded.questionnaire);
    if (!english_file_.empty()) {
        // English on demand: the questionnaire offers English, whose texts come later.
        questionnaire_text_ = questionnaire_json;
        questionnaire_file_ = file_name;
        questionnaire_hash_ = std::string(content_hash);
        english_status_ = EnglishStatus::NotAsked;
        if (std::find(questionnaire_->languages.begin(), questionnaire_->languages.end(), "en") == questionnaire_->languages.end())
            questionnaire_->languages.push_back("en");
    }
    session_.assessment.language = questionnaire_->languages.empty() ? "da" : questionnaire_->languages.front();
    texts_ = Texts(language());

    if (page_ == Page::Municipality) {
        // The overview's page stores nothing: its language and text size live in its address.
        adopt_settings(host_.page_parameters());
        return;
    }
    // Private browsing and a full quota make every save fail: find out now, so the notice is up
    // before the first answer rather than after it.
    storage_failed_ = !host_.store().set("storage-check", "1");
    host_.store().remove("storage-check");
    workshop_.start();
    texts_ = Texts(language()); // the restored assessment's language (an English session stays English)
    show_available_language();  // English on demand: Danish until the English is here
}

// "lang=en&text=1" (any order; unknown or bad values ignored).
void AppModel::adopt_settings(const std::string& query) {
    std::size_t begin = 0;
    while (begin < query.size()) {
        std::size_t end = query.find('&', begin);
        if (end == std::string::npos) end = query.size();
        const std::string pair = query.substr(begin, end - begin);
        begin = end + 1;
        const std::size_t eq = pair.find('=');
        if (eq == std::string::npos) continue;
        const std::string key = pair.substr(0, eq), value = pair.substr(eq + 1);
        if (key == "lang") {
            if (std::find(questionnaire().languages.begin(), questionnaire().languages.end(), value) != questionnaire().languages.end())
                set_language(value);
        } else if (key == "text" && value.size() == 1 && value[0] >= '0' && value[0] < '0' + kTextSizeCount) {
            session_.text_size = value[0] - '0';
        }
    }
    dirty_ = false;
}

std::string AppModel::page_settings() const { return "lang=" + language() + "&text=" + std::to_string(session_.text_size); }

// ---------------------------------------------------------------------------------------------
// Frames
// ---------------------------------------------------------------------------------------------
void AppModel::begin_frame(double time) {
    time_ = time;
    // An assessment opened in English (the workshop's list, an import) waits in Danish for its texts.
    if (loaded()) show_available_language();
    if (notice_ && time_ >= notice_->until) notice_.reset();
    // The benchmark is asked for once, when the results screen is first shown (benchmark_model.cpp).
    if (loaded() && page_ != Page::Municipality && !overview_open() && session_.screen == Screen::Results) ask_for_served_benchmark();
    // The overview's reading line goes away when the last file is in: say so once (the live region
    // reads it), so nobody is left with "992 of 1000".
    if (municipality_)
        if (const std::size_t read = municipality_->take_finished_reading())
            notify("muni.read_done", {{"count", std::to_string(read)}});
}

void AppModel::end_frame() {
    if (!dirty_ || !loaded()) return;
    dirty_ = false;
    if (page_ == Page::Municipality) host_.set_page_parameters(page_settings());
    else storage_failed_ = !workshop_.save();
}

double AppModel::seconds_to_next_wake() const {
    if (!notice_) return -1;
    return notice_->until > time_ ? notice_->until - time_ : 0;
}

bool AppModel::work_pending() const {
    const MunicipalityModel* v = municipality();
    return v && overview_open() && v->stale() && !v->loading();
}

void AppModel::run_pending_work() {
    if (work_pending()) municipality()->recompute_step(time_);
}

bool AppModel::overview_open() const {
    if (page_ == Page::Municipality) return true;
    return page_ == Page::Both && municipality_view_;
}

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------
void AppModel::set_language(const std::string& language) {
    if (english_status_ == EnglishStatus::Failed) english_status_ = EnglishStatus::NotAsked; // the message goes
    if (language == "en" && english_status_ != EnglishStatus::Here) {
        // English on demand: switched when it has arrived (english_arrived).
        language_wanted_ = language;
        if (english_status_ != EnglishStatus::Fetching) {
            english_status_ = EnglishStatus::Fetching;
            host_.fetch_beside_app(english_file_);
        }
        return;
    }
    language_wanted_.clear();
    if (session_.assessment.language == language) return;
    session_.assessment.language = language;
    texts_ = Texts(language);
    session_changed();
}

void AppModel::set_text_size(int size) {
    if (size < 0 || size >= kTextSizeCount || size == session_.text_size) return;
    session_.text_size = size;
    session_changed();
}

float AppModel::ui_scale() const {
    const float text = text_scale(session_);
    if (page_ == Page::Municipality) return text;
    return text * workshop_.presentation_scale(text);
}

// ---------------------------------------------------------------------------------------------
// Navigation
// ---------------------------------------------------------------------------------------------
void AppModel::go_to(Screen screen) {
    if (session_.screen != screen) scroll_to_top_ = true;
    session_.screen = screen;
    session_changed();
}

void AppModel::go_to_theme(std::size_t theme) {
    if (theme >= questionnaire().themes.size()) return;
    if (session_.screen != Screen::Theme || session_.theme != theme) scroll_to_top_ = true;
    session_.screen = Screen::Theme;
    session_.theme = theme;
    session_changed();
}

void AppModel::go_to_question(std::size_t theme, const std::string& question_id) {
    go_to_theme(theme);
    scroll_to_question_ = question_id;
}

void AppModel::resume() {
    const Questionnaire& q = questionnaire();
    if (!profile_complete(q, answers())) return go_to(Screen::Profile);
    for (std::size_t t = 0; t < q.themes.size(); t++)
        if (!theme_progress(q, answers(), t).complete()) return go_to_theme(t);
    go_to(Screen::Results);
}

void AppModel::leave_profile() {
    if (!profile_complete(questionnaire(), answers()))
        for (const Question& field : questionnaire().profile) touched_.insert(field.id);
    go_to_theme(0);
}

void AppModel::previous_theme() {
    if (session_.theme == 0) go_to(Screen::Profile);
    else go_to_theme(session_.theme - 1);
}

void AppModel::next_theme() {
    if (session_.theme + 1 >= questionnaire().themes.size()) go_to(screen_after_themes(questionnaire(), answers()));
    else go_to_theme(session_.theme + 1);
}

void AppModel::open_overview() {
    if (page_ == Page::Respondent) {
        host_.go_to_page("kommune.html?" + page_settings());
        return;
    }
    municipality_view_ = true;
    scroll_to_top_ = true;
}

void AppModel::close_overview() {
    if (page_ == Page::Municipality) {
        host_.go_to_page("./");
        return;
    }
    municipality_view_ = false;
    scroll_to_top_ = true;
}

bool AppModel::take_scroll_to_top() {
    const bool s = scroll_to_top_;
    scroll_to_top_ = false;
    return s;
}

bool AppModel::take_scroll_to_question(const std::string& question_id) {
    if (scroll_to_question_ != question_id) return false;
    scroll_to_question_.clear();
    return true;
}

// ---------------------------------------------------------------------------------------------
// Notices
// ---------------------------------------------------------------------------------------------
void AppModel::notify(const std::string& key, TextArgs args) { notice_ = Notice{key, std::move(args), time_ + kNoticeSeconds}; }

std::string AppModel::notice_text() const { return notice_ ? texts_(notice_->key, notice_->args) : std::string(); }

// ---------------------------------------------------------------------------------------------
// Start over
// ---------------------------------------------------------------------------------------------
void AppModel::start_over() {
    Session fresh;
    fresh.assessment.language = session_.assessment.language;
    fresh.text_size = session_.text_size;
    session_ = std::move(fresh);
    reset_transient();
    confirm_start_over_ = false;
    session_changed();
}

void AppModel::reset_transient() {
    touched_.clear();
    help_open_.clear();
    last_export_.clear();
    export_error_.clear();
    export_path_.clear();
    scroll_to_question_.clear();
    scroll_to_top_ = true;
}

void AppModel::answers_changed() {
    Assessment& a = session_.assessment;
    const std::string now = host_.now_timestamp();
    if (a.created.empty() || now < a.created) a.created = now;
    a.updated = now;
    session_changed();
}

} // namespace mf
