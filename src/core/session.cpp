// session.cpp - the app's saved state and view logic (see session.h).
//
// Index
//   - screens
//   - session_text, read_session
//   - progress
//   - profile checks
//   - export_file_name
#include "core/session.h"

#include "core/answer_check.h"
#include "core/condition.h"
#include "core/cvr.h"
#include "core/json_input.h"
#include "core/json_reader.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace mf {

using json = nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Screens
// ---------------------------------------------------------------------------------------------
static const char* const kScreenIds[] = {"start", "profile", "theme", "review", "results", "plan", "export", "workshop", "compare", "followup"};

const char* screen_id(Screen screen) { return kScreenIds[(int)screen]; }

std::optional<Screen> screen_from_id(std::string_view id) {
    for (int i = 0; i < (int)(sizeof(kScreenIds) / sizeof(kScreenIds[0])); i++)
        if (id == kScreenIds[i]) return (Screen)i;
    return std::nullopt;
}

float text_scale(const Session& session) {
    const int i = session.text_size < 0 ? 0 : session.text_size >= kTextSizeCount ? kTextSizeCount - 1 : session.text_size;
    return kTextSizes[i];
}

// ---------------------------------------------------------------------------------------------
// Saved form
// ---------------------------------------------------------------------------------------------
static constexpr const char* kSessionFormat = "mangfoldighedstjek/session";

std::string session_text(const Session& s) {
    json j;
    j["format"] = kSessionFormat;
    j["formatVersion"] = 1;
    j["screen"] = screen_id(s.screen);
    j["theme"] = s.theme;
    j["textSize"] = s.text_size;
    j["assessment"] = s.assessment;
    j["drafts"] = s.drafts;
    if (s.earlier) {
        json e;
        e["file"] = s.earlier->file;
        e["created"] = s.earlier->created;
        e["organisation"] = s.earlier->organisation;
        e["scores"] = s.earlier->scores;
        j["earlier"] = e;
    }
    return j.dump();
}

bool read_session(std::string_view text, const Questionnaire& q, Session& out, Diagnostics& diagnostics) {
    const std::string file = "session";
    const std::size_t errors_before = count_errors(diagnostics);
    std::optional<json> doc = parse_json_document(text, file, diagnostics);
    if (!doc) return false;
    JsonReader reader{file, &diagnostics};
    if (!reader.expect_object(*doc, "")) return false;
    const json* format = reader.member(*doc, "", "format", true);
    if (!format || !format->is_string() || *format != kSessionFormat) {
        if (format) reader.error("/format", "session.format.wrong", {}, "not a saved session of this app");
        return false;
    }

    Session s;
    if (const json* v = reader.member(*doc, "", "screen", false)) {
        std::string id;
        if (reader.read_string(*v, "/screen", id)) {
            if (auto screen = screen_from_id(id)) s.screen = *screen;
        }
    }
    if (const json* v = reader.member(*doc, "", "theme", false)) {
        double d = 0;
        if (reader.read_number(*v, "/theme", d) && d >= 0) s.theme = (std::size_t)d;
    }
    if (s.theme >= q.themes.size()) s.theme = q.themes.empty() ? 0 : q.themes.size() - 1;
    if (const json* v = reader.member(*doc, "", "textSize", false)) {
        double d = 0;
        if (reader.read_number(*v, "/textSize", d) && d >= 0 && d < kTextSizeCount) s.text_size = (int)d;
    }
    const json* a = reader.member(*doc, "", "assessment", true);
    if (!a || !read_assessment(*a, "/assessment", reader, s.assessment)) return false;
    if (const json* v = reader.member(*doc, "", "drafts", false); v && v->is_object()) {
        for (auto it = v->begin(); it != v->end(); ++it)
            if (it.value().is_string() && q.question(it.key())) s.drafts[it.key()] = it.value().get<std::string>();
    }
    if (const json* v = reader.member(*doc, "", "earlier", false); v && v->is_object()) {
        EarlierResult e;
        bool ok = true;
        if (const json* f = reader.member(*v, "/earlier", "file", false)) ok &= reader.read_string(*f, "/earlier/file", e.file);
        if (const json* f = reader.member(*v, "/earlier", "created", false)) ok &= reader.read_string(*f, "/earlier/created", e.created);
        if (const json* f = reader.member(*v, "/earlier", "organisation", false))
            ok &= reader.read_string(*f, "/earlier/organisation", e.organisation);
        if (const json* f = reader.member(*v, "/earlier", "scores", true))
            ok &= read_score_summary(*f, "/earlier/scores", reader, e.scores);
        else ok = false;
        if (ok) s.earlier = e;
    }
    if (count_errors(diagnostics) > errors_before) return false;

    // A revised questionnaire: keep only what still fits.
    for (auto it = s.assessment.answers.begin(); it != s.assessment.answers.end();) {
        const Question* question = q.question(it->first);
        if (!question || !check_answer(*question, it->second).fits()) it = s.assessment.answers.erase(it);
        else ++it;
    }
    bool language_known = false;
    for (const std::string& l : q.languages) language_known |= l == s.assessment.language;
    if (!language_known && !q.languages.empty()) s.assessment.language = q.languages.front();
    out = std::move(s);
    return true;
}

// ---------------------------------------------------------------------------------------------
// Progress
// ---------------------------------------------------------------------------------------------
static bool counts(const Question& question) { return question.scored(); }

Progress theme_progress(const Questionnaire& q, const Answers& answers, std::size_t theme) {
    Progress p;
    if (theme >= q.themes.size()) return p;
    const Answers visible = visible_answers(q, answers);
    for (const Question& question : q.themes[theme].questions) {
        if (!counts(question) || !is_visible(question, visible)) continue;
        p.visible++;
        if (visible.count(question.id)) p.answered++;
    }
    return p;
}

Progress total_progress(const Questionnaire& q, const Answers& answers) {
    Progress total;
    for (std::size_t t = 0; t < q.themes.size(); t++) {
        const Progress p = theme_progress(q, answers, t);
        total.answered += p.answered;
        total.visible += p.visible;
    }
    return total;
}

std::vector<const Question*> visible_questions(const Questionnaire& q, const Answers& answers, std::size_t theme) {
    std::vector<const Question*> out;
    if (theme >= q.themes.size()) return out;
    const Answers visible = visible_answers(q, answers);
    for (const Question& question : q.themes[theme].questions)
        if (is_visible(question, visible)) out.push_back(&question);
    return out;
}

std::vector<UnansweredQuestion> unanswered_questions(const Questionnaire& q, const Answers& answers) {
    std::vector<UnansweredQuestion> out;
    const Answers visible = visible_answers(q, answers);
    for (std::size_t t = 0; t < q.themes.size(); t++)
        for (const Question& question : q.themes[t].questions)
            if (counts(question) && is_visible(question, visible) && !visible.count(question.id))
                out.push_back({t, question.id});
    return out;
}

Screen screen_after_themes(const Questionnaire& q, const Answers& answers) {
    return unanswered_questions(q, answers).empty() ? Screen::Results : Screen::Review;
}

// ---------------------------------------------------------------------------------------------
// Profile checks
// ---------------------------------------------------------------------------------------------
bool parse_number_text(std::string_view text, double& value) {
    std::string clean;
    for (char c : text) {
        if (c == ' ' || c == '\t') continue;
        clean += c == ',' ? '.' : c;
    }
    if (clean.empty()) return false;
    for (char c : clean)
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+')) return false; // no "1e5", "inf"
    char* end = nullptr;
    const double d = std::strtod(clean.c_str(), &end);
    if (!end || *end != '\0' || !std::isfinite(d)) return false;
    value = d;
    return true;
}

bool is_plausible_email(std::string_view text) {
    const std::size_t at = text.find('@');
    if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) return false;
    for (char c : text)
        if (c == ' ' || c == '\t' || c == '\n' || c == ',' || c == ';') return false;
    const std::string_view domain = text.substr(at + 1);
    const std::size_t dot = domain.rfind('.');
    return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

// Six significant digits (%g) for the profile's messages; answer_check.cpp has its own, exact form.
static std::string rounded_number_text(double d) {
    char buf[64];
    if (std::fabs(d - std::round(d)) < 1e-9 && std::fabs(d) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", d);
    else std::snprintf(buf, sizeof buf, "%g", d);
    return buf;
}

static bool is_blank(const std::string& s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

FieldProblem check_profile_field(const Question& field, const std::string& text, const std::string& lang, bool show_missing) {
    const bool da = lang != "en";
    if (is_blank(text)) {
        if (!field.required || !show_missing) return {};
        if (field.type == QuestionType::Single || field.type == QuestionType::YesNo)
            return {"profile.choose_option", {}, da ? "Vælg en af mulighederne." : "Please choose one of the options."};
        return {"profile.fill_in", {}, da ? "Udfyld feltet." : "Please fill in this field."};
    }
    switch (field.type) {
    case QuestionType::Text:
        if (field.format == "cvr") {
            const CvrCheck check = check_cvr(text);
            if (check == CvrCheck::Valid) return {};
            return {std::string("profile.cvr.") + cvr_check_id(check), make_params({{"cvr", text}}), cvr_message(check, lang)};
        }
        if (field.format == "email" && !is_plausible_email(text))
            return {"profile.email.invalid", make_params({{"value", text}}),
                    da ? "Skriv en gyldig e-mailadresse, fx navn@firma.dk." : "Enter a valid e-mail address, e.g. name@company.dk."};
        return {};
    case QuestionType::Number: {
        double d = 0;
        if (!parse_number_text(text, d))
            return {"profile.number.invalid", make_params({{"value", text}}), da ? "Skriv et tal, fx 25." : "Enter a number, e.g. 25."};
        if (field.integer && std::fabs(d - std::round(d)) > 1e-9)
            return {"profile.number.not_whole", make_params({{"value", text}}), da ? "Skriv et helt tal." : "Enter a whole number."};
        if ((field.min && d < *field.min) || (field.max && d > *field.max)) {
            const std::string lo = field.min ? rounded_number_text(*field.min) : "", hi = field.max ? rounded_number_text(*field.max) : "";
            if (field.min && field.max)
                return {"profile.number.out_of_range", make_params({{"value", text}, {"min", lo}, {"max", hi}}),
                        da ? "Skriv et tal mellem " + lo + " og " + hi + "." : "Enter a number between " + lo + " and " + hi + "."};
            if (field.min)
                return {"profile.number.below_minimum", make_params({{"value", text}, {"min", lo}}),
                        da ? "Skriv mindst " + lo + "." : "Enter at least " + lo + "."};
            return {"profile.number.above_maximum", make_params({{"value", text}, {"max", hi}}),
                    da ? "Skriv højst " + hi + "." : "Enter at most " + hi + "."};
        }
        return {};
    }
    default:
        return {};
    }
}

std::string profile_field_problem(const Question& field, const std::string& text, const std::string& lang,
                                  bool show_missing) {
    return check_profile_field(field, text, lang, show_missing).message;
}

static std::string answer_as_text(const AnswerValue* v) {
    if (!v) return "";
    if (const std::string* s = std::get_if<std::string>(v)) return *s;
    if (const double* d = std::get_if<double>(v)) return rounded_number_text(*d);
    return "";
}

bool profile_complete(const Questionnaire& q, const Answers& answers) {
    for (const Question& field : q.profile) {
        auto it = answers.find(field.id);
        const AnswerValue* v = it == answers.end() ? nullptr : &it->second;
        if (field.required && !v) return false;
        if (v && !check_answer(field, *v).fits()) return false;
        if (v && !check_profile_field(field, answer_as_text(v), "da", true).fine()) return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------
// Latin-1 letters (U+00C0..U+00FF) in ASCII; nullptr for the rest.
static const char* ascii_for(unsigned cp) {
    switch (cp) {
    case 0xE6: case 0xC6: return "ae";
    case 0xF8: case 0xD8: return "oe";
    case 0xE5: case 0xC5: return "aa";
    case 0xE4: case 0xC4: return "ae";
    case 0xF6: case 0xD6: return "oe";
    case 0xFC: case 0xDC: return "ue";
    case 0xDF: return "ss";
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xC0: case 0xC1: case 0xC2: case 0xC3: return "a";
    case 0xE7: case 0xC7: return "c";
    case 0xE8: case 0xE9: case 0xEA: case 0xEB: case 0xC8: case 0xC9: case 0xCA: case 0xCB: return "e";
    case 0xEC: case 0xED: case 0xEE: case 0xEF: case 0xCC: case 0xCD: case 0xCE: case 0xCF: return "i";
    case 0xF1: case 0xD1: return "n";
    case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xD2: case 0xD3: case 0xD4: case 0xD5: return "o";
    case 0xF9: case 0xFA: case 0xFB: case 0xD9: case 0xDA: case 0xDB: return "u";
    case 0xFD: case 0xFF: case 0xDD: return "y";
    default: return nullptr;
    }
}

std::string export_file_name(const std::string& organisation, const std::string& date) {
    std::string slug;
    auto add = [&](const char* s) {
        for (; *s; s++) slug += *s;
    };
    for (std::size_t i = 0; i < organisation.size();) {
        const unsigned char c = (unsigned char)organisation[i];
        unsigned cp = c;
        std::size_t len = 1;
        if (c >= 0xC0 && c < 0xE0 && i + 1 < organisation.size()) {
            cp = ((c & 0x1Fu) << 6) | ((unsigned char)organisation[i + 1] & 0x3Fu);
            len = 2;
        } else if (c >= 0xE0) {
            len = c < 0xF0 ? 3 : 4;
        }
        i += len;
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) slug += (char)cp;
        else if (cp >= 'A' && cp <= 'Z') slug += (char)(cp - 'A' + 'a');
        else if (const char* a = (len == 2 ? ascii_for(cp) : nullptr)) add(a);
        else if (!slug.empty() && slug.back() != '-') slug += '-';
    }
    if (slug.size() > 40) slug.resize(40);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.empty()) slug = "organisation";
    return "mangfoldighedstjek-" + slug + "-" + date + ".json";
}

std::string organisation_name(const Questionnaire& q, const Answers& answers) {
    const Question* field = q.profile_field("name");
    if (!field) return "";
    const std::string* s = answer_text(answers, field->id);
    return s ? *s : "";
}

} // namespace mf
