// report.cpp - the printable report (see report.h).
//
// Index
//   - formatting         dates in words, answers as text (numbers: core/print_format.h)
//   - charts             inline SVG: the level scale and horizontal bar charts
//   - sections           header, profile, level, principles, themes, comparison, follow-up of the
//                        earlier plan, recommendations, unanswered questions, action plan (with
//                        indicators), how to read the numbers, how to send the result
//   - report_css         the styles: assets/report.css, embedded by the build (mf_report_css)
//   - report_html
//
// Print design: 11.5 pt text, near-black on white, bars dark enough to read as solid grey on a
// black-and-white printer and always outlined, every number also written as text next to its bar.
// Sections that would split badly (a chart, the level, a table row, the action plan) avoid page
// breaks inside; headings avoid a break right after them.
#include "core/report.h"

#include "core/action_plan.h"
#include "core/condition.h"
#include "core/print_format.h"
#include "core/follow_up.h"
#include "core/recommendations.h"
#include "core/texts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

// assets/report.css as bytes (CMakeLists.txt §4, cmake/EmbedFile.cmake).
extern const unsigned char mf_report_css[];
extern const std::size_t mf_report_css_size;

namespace mf {

namespace {

// --- Formatting -----------------------------------------------------------------------------------
// "25. november 2026" / "25 November 2026"; anything that is not a date is shown as it is.
std::string date_text(const std::string& date, const Texts& t) {
    if (!is_valid_date(date)) return html_escape(date);
    return t.date_in_words(date);
}

std::string timestamp_date_text(const std::string& timestamp, const Texts& t) {
    return date_text(timestamp.substr(0, 10), t);
}

// A profile answer as a person reads it: option texts instead of ids, numbers with their unit.
std::string answer_text_of(const Question& q, const AnswerValue& value, const std::string& lang, const Texts& t) {
    if (const std::string* s = std::get_if<std::string>(&value)) {
        if (q.type == QuestionType::Single || q.type == QuestionType::YesNo) {
            if (const Option* o = q.option(*s)) return html_escape(o->text.in(lang));
        }
        return html_escape(*s);
    }
    if (const double* d = std::get_if<double>(&value)) {
        std::string unit = q.unit.in(lang);
        return print_number(*d, t) + (unit.empty() ? "" : " " + html_escape(unit));
    }
    std::string out;
    for (const std::string& id : std::get<std::vector<std::string>>(value)) {
        const Option* o = q.option(id);
        if (!out.empty()) out += ", ";
        out += html_escape(o ? o->text.in(lang) : id);
    }
    return out;
}

// What a focus id names: the theme's title, or the theme's title and the question.
std::string focus_text(const Questionnaire& q, const std::string& id, const std::string& lang) {
    for (const Theme& theme : q.themes) {
        if (theme.id == id) return html_escape(theme.title.in(lang));
        for (const Question& question : theme.questions)
            if (question.id == id)
                return html_escape(theme.title.in(lang)) + ": " + html_escape(question.text.in(lang));
    }
    return html_escape(id);
}

std::size_t utf8_length(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

double clamp_percent(double p) { return p < 0 ? 0 : p > 100 ? 100 : p; }

// --- Charts ---------------------------------------------------------------------------------------
constexpr double kChartWidth = 640;
constexpr double kBarLeft = 0, kBarWidth = 556; // bars end at 556; the value is written right of it

struct Bar {
    std::string label; // already escaped
    std::optional<double> percent;
};

// Horizontal bars from 0 to 100 %, a label above each bar and the value at its end. role="img" with
// a title; the numbers are text in the SVG (they print, and are found by search and by screen
// readers that read SVG text).
std::string bar_chart(const std::vector<Bar>& bars, const std::string& title, const Texts& t) {
    const double row = 44, top = 4, axis = 22;
    const double height = top + row * double(bars.size()) + axis;
    std::string s = "<svg class=\"chart\" viewBox=\"0 0 " + svg_number(kChartWidth) + " " + svg_number(height) +
                    "\" role=\"img\" aria-label=\"" + html_escape(title) + "\">\n<title>" + html_escape(title) + "</title>\n";
    // Grid at every 20 %, behind the bars.
    for (int g = 0; g <= 100; g += 20) {
        const double x = kBarLeft + kBarWidth * g / 100.0;
        s += "<line class=\"grid\" x1=\"" + svg_number(x) + "\" y1=\"" + svg_number(top) + "\" x2=\"" + svg_number(x) + "\" y2=\"" +
             svg_number(height - axis + 4) + "\"/>";
        const char* anchor = g == 0 ? "start" : g == 100 ? "end" : "middle";
        s += "<text class=\"tick\" x=\"" + svg_number(x) + "\" y=\"" + svg_number(height - 4) + "\" text-anchor=\"" + anchor + "\">" +
             std::to_string(g) + "\u00a0%</text>\n";
    }
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const double y = top + row * double(i);
        s += "<text class=\"label\" x=\"" + svg_number(kBarLeft) + "\" y=\"" + svg_number(y + 15) + "\">" + bars[i].label + "</text>";
        s += "<rect class=\"track\" x=\"" + svg_number(kBarLeft) + "\" y=\"" + svg_number(y + 21) + "\" width=\"" + svg_number(kBarWidth) +
             "\" height=\"16\"/>";
        if (bars[i].percent) {
            const double w = kBarWidth * clamp_percent(*bars[i].percent) / 100.0;
            if (w > 0)
                s += "<rect class=\"bar\" x=\"" + svg_number(kBarLeft) + "\" y=\"" + svg_number(y + 21) + "\" width=\"" + svg_number(w) +
                     "\" height=\"16\"/>";
        }
        s += "<text class=\"value\" x=\"" + svg_number(kChartWidth) + "\" y=\"" + svg_number(y + 34) + "\" text-anchor=\"end\">" +
             print_percent(bars[i].percent, t) + "</text>\n";
    }
    return s + "</svg>\n";
}

// The levels side by side as a scale from 0 to 100 %, the reached level filled, a marker at the
// overall percentage.
std::string level_chart(const Questionnaire& q, const std::optional<double>& overall, const Level* reached,
                        const std::string& lang, const Texts& t) {
    const double top = 30, h = 30, width = kChartWidth - 2, left = 1;
    std::string s = "<svg class=\"chart\" viewBox=\"0 0 " + svg_number(kChartWidth) + " 100\" role=\"img\" aria-label=\"" +
                    html_escape(t("report.level_scale")) + "\">\n<title>" + html_escape(t("report.level_scale")) + "</title>\n";
    for (std::size_t i = 0; i < q.levels.size(); ++i) {
        const Level& level = q.levels[i];
        const double from = clamp_percent(level.min_percent);
        const double to = i + 1 < q.levels.size() ? clamp_percent(q.levels[i + 1].min_percent) : 100.0;
        const double x = left + width * from / 100.0, w = width * (to - from) / 100.0;
        const bool is_reached = reached && reached->id == level.id;
        s += "<rect class=\"" + std::string(is_reached ? "step reached" : "step") + "\" x=\"" + svg_number(x) + "\" y=\"" +
             svg_number(top) + "\" width=\"" + svg_number(w) + "\" height=\"" + svg_number(h) + "\"/>";
        // Shrink a title that would not fit its step (about 0.56 em per character in Noto Sans).
        const std::string title = level.title.in(lang);
        const double chars = double(utf8_length(title));
        const double size = std::max(7.0, std::min(12.5, (w - 8) / (chars * 0.56)));
        s += "<text class=\"" + std::string(is_reached ? "steplabel reached" : "steplabel") + "\" x=\"" + svg_number(x + w / 2) +
             "\" y=\"" + svg_number(top + 19) + "\" text-anchor=\"middle\" font-size=\"" + svg_number(size) + "\">" + html_escape(title) +
             "</text>";
        s += "<text class=\"tick\" x=\"" + svg_number(x) + "\" y=\"" + svg_number(top + h + 18) + "\" text-anchor=\"" +
             (i == 0 ? "start" : "middle") + "\">" + print_number(level.min_percent, t) + "\u00a0%</text>\n";
    }
    if (overall) {
        const double x = left + width * clamp_percent(*overall) / 100.0;
        const char* anchor = *overall < 8 ? "start" : *overall > 92 ? "end" : "middle";
        s += "<polygon class=\"marker\" points=\"" + svg_number(x - 7) + ",12 " + svg_number(x + 7) + ",12 " + svg_number(x) + "," +
             svg_number(top - 1) + "\"/>";
        s += "<line class=\"markerline\" x1=\"" + svg_number(x) + "\" y1=\"" + svg_number(top) + "\" x2=\"" + svg_number(x) + "\" y2=\"" +
             svg_number(top + h) + "\"/>";
        s += "<text class=\"markertext\" x=\"" + svg_number(x) + "\" y=\"9\" text-anchor=\"" + anchor + "\">" +
             print_percent(overall, t) + "</text>\n";
    }
    return s + "</svg>\n";
}

// --- Sections -------------------------------------------------------------------------------------
void header_section(std::string& h, const Questionnaire& q, const Assessment& a, const ReportOptions& o,
                    const std::string& organisation, const Texts& t) {
    const std::string& lang = a.language;
    h += "<header>\n<p class=\"kicker\">" + html_escape(q.title.in(lang)) + " \u00b7 " + t("report.title") + "</p>\n";
    h += "<h1>" + (organisation.empty() ? html_escape(q.title.in(lang)) : html_escape(organisation)) + "</h1>\n<dl class=\"meta\">";
    if (const Question* cvr = q.profile_field("cvr"))
        if (const std::string* v = answer_text(a.answers, cvr->id))
            h += "<div><dt>" + std::string(t("report.cvr")) + "</dt><dd>" + html_escape(*v) + "</dd></div>";
    if (!o.date.empty()) h += "<div><dt>" + std::string(t("report.date")) + "</dt><dd>" + date_text(o.date, t) + "</dd></div>";
    if (!a.updated.empty())
        h += "<div><dt>" + std::string(t("report.last_changed")) + "</dt><dd>" + timestamp_date_text(a.updated, t) + "</dd></div>";
    h += "</dl>\n</header>\n";
}

void profile_section(std::string& h, const Questionnaire& q, const Answers& visible, const std::string& lang,
                     const Texts& t) {
    h += "<section class=\"keep\">\n<h2>" + std::string(t("report.profile")) + "</h2>\n<table class=\"profile\"><tbody>\n";
    for (const Question& field : q.profile) {
        auto it = visible.find(field.id);
        if (it == visible.end() && field.visible_if && !is_visible(field, visible)) continue;
        h += "<tr><th scope=\"row\">" + html_escape(field.text.in(lang)) + "</th><td>";
        h += it == visible.end() ? "<span class=\"muted\">" + std::string(t("report.not_answered")) + "</span>"
                                 : answer_text_of(field, it->second, lang, t);
        h += "</td></tr>\n";
    }
    h += "</tbody></table>\n</section>\n";
}

void level_section(std::string& h, const Questionnaire& q, const Scores& scores, const std::string& lang, const Texts& t) {
    const std::optional<double> overall = scores.overall.percent();
    h += "<section class=\"keep\">\n<h2>" + std::string(t("report.result")) + "</h2>\n<div class=\"summary\">";
    h += "<div class=\"figure\"><span class=\"big\">" + print_percent(overall, t) + "</span><span>" + t("report.overall") + "</span></div>";
    h += "<div class=\"figure\"><span class=\"big\">" +
         (scores.level ? html_escape(scores.level->title.in(lang)) : std::string("\u2013")) + "</span><span>" + t("report.level") +
         "</span></div>";
    h += "<div class=\"figure\"><span class=\"big\">" + print_percent(scores.overall.coverage(), t) + "</span><span>" +
         t("report.coverage") + ": " + t("report.coverage_line", {{"answered", std::to_string(scores.overall.answered)}, {"total", std::to_string(scores.overall.visible)}}) +
         "</span></div></div>\n";
    h += "<p class=\"level-text\">" +
         (scores.level ? html_escape(scores.level->description.in(lang)) : std::string(t("report.no_level"))) + "</p>\n";
    h += level_chart(q, overall, scores.level, lang, t);
    h += "</section>\n";
}

void principles_section(std::string& h, const Questionnaire& q, const Scores& scores, const std::string& lang,
                        const Texts& t) {
    std::vector<Bar> bars;
    for (std::size_t i = 0; i < q.principles.size() && i < scores.principles.size(); ++i)
        bars.push_back(Bar{html_escape(q.principles[i].title.in(lang)), scores.principles[i].percent()});
    h += "<section class=\"keep\">\n<h2>" + std::string(t("report.principles")) + "</h2>\n<p>" + t("report.principles_intro") + "</p>\n";
    h += bar_chart(bars, t("report.principle_chart"), t);
    h += "</section>\n";
}

void themes_section(std::string& h, const Questionnaire& q, const Scores& scores, const std::string& lang, const Texts& t) {
    std::vector<Bar> bars;
    for (std::size_t i = 0; i < q.themes.size() && i < scores.themes.size(); ++i)
        bars.push_back(Bar{html_escape(q.themes[i].title.in(lang)), scores.themes[i].percent()});
    h += "<section>\n<h2>" + std::string(t("report.themes")) + "</h2>\n<div class=\"keep\">" + bar_chart(bars, t("report.theme_chart"), t) + "</div>\n";
    h += "<table class=\"numbers\"><thead><tr><th scope=\"col\">" + std::string(t("report.theme")) + "</th><th scope=\"col\" class=\"num\">" +
         t("report.percent") + "</th><th scope=\"col\" class=\"num\">" + t("report.answered") + "</th><th scope=\"col\" class=\"num\">" + t("report.coverage") +
         "</th></tr></thead><tbody>\n";
    for (std::size_t i = 0; i < q.themes.size() && i < scores.themes.size(); ++i) {
        const PartScore& p = scores.themes[i];
        h += "<tr><th scope=\"row\">" + html_escape(q.themes[i].title.in(lang)) + "</th><td class=\"num\">" +
             print_percent(p.percent(), t) + "</td><td class=\"num\">" + std::to_string(p.answered) + "/" +
             std::to_string(p.visible) + "</td><td class=\"num\">" + print_percent(p.coverage(), t) + "</td></tr>\n";
    }
    h += "</tbody></table>\n</section>\n";
}

std::string change_text(const std::optional<double>& change, const Texts& t) {
    return change ? print_number(*change, t, true) : std::string("\u2013");
}

void comparison_section(std::string& h, const Questionnaire& q, const Scores& scores, const ReportEarlier& earlier,
                        const std::string& lang, const Texts& t) {
    const ScoreComparison c = compare_scores(q, earlier.scores, summarise(q, scores));
    auto row = [&](const std::string& label, const ScoreChange& sc, const char* cls) {
        h += std::string("<tr") + (cls ? std::string(" class=\"") + cls + "\"" : "") + "><th scope=\"row\">" + label +
             "</th><td class=\"num\">" + print_percent(sc.before, t) + "</td><td class=\"num\">" + print_percent(sc.after, t) +
             "</td><td class=\"num\">" + change_text(sc.change, t) + "</td></tr>\n";
    };
    auto level_title = [&](const std::optional<std::string>& id) {
        if (!id) return std::string("\u2013");
        for (const Level& l : q.levels)
            if (l.id == *id) return html_escape(l.title.in(lang));
        return html_escape(*id);
    };
    h += "<section class=\"keep\">\n<h2>" + std::string(t("report.comparison")) + "</h2>\n<p>" +
         t("report.comparison_intro", {{"date", timestamp_date_text(earlier.created, t)}}) + "</p>\n";
    h += "<p>" + std::string(t("report.level_change")) + ": <strong>" + level_title(c.level_before) + " \u2192 " +
         level_title(c.level_after) + "</strong></p>\n";
    // The corner cell is a <td>: an empty header cell names nothing (axe: empty-table-header).
    h += "<table class=\"numbers\"><thead><tr><td></td><th scope=\"col\" class=\"num\">" + std::string(t("report.earlier")) +
         "</th><th scope=\"col\" class=\"num\">" + t("report.now") + "</th><th scope=\"col\" class=\"num\">" + t("report.change") +
         "</th></tr></thead><tbody>\n";
    row(t("report.overall"), c.overall, "strong");
    for (const ScoreChange& sc : c.principles) {
        const Principle* p = q.principle(sc.id);
        row(p ? html_escape(p->title.in(lang)) : html_escape(sc.id), sc, nullptr);
    }
    for (const ScoreChange& sc : c.themes) {
        std::string label = html_escape(sc.id);
        for (const Theme& theme : q.themes)
            if (theme.id == sc.id) label = html_escape(theme.title.in(lang));
        row(label, sc, nullptr);
    }
    h += "</tbody></table>\n</section>\n";
}

// The heading, the intro and the first two recommendations are kept on one page (a heading alone at
// the foot of a page helps no one), the rest of the list may break between items.
void recommendations_section(std::string& h, const Questionnaire& q, const Assessment& a, const Scores& scores,
                             std::size_t max_items, const Texts& t) {
    const std::string& lang = a.language;
    const RecommendationList list = recommend(q, a.answers, scores, lang);
    const std::size_t shown = max_items == 0 ? list.items.size() : std::min(max_items, list.items.size());
    h += "<section>\n<div class=\"keep\">\n<h2>" + std::string(t("report.recommendations")) + "</h2>\n";
    if (list.items.empty()) {
        h += "<p>" + std::string(t("report.no_recommendations")) + "</p>\n</div>\n";
    } else {
        h += "<p>" + std::string(t("report.recommendations_intro")) + "</p>\n<ol class=\"recommendations\">\n";
        for (std::size_t i = 0; i < shown; ++i) {
            if (i == 2) h += "</ol>\n</div>\n<ol class=\"recommendations\" start=\"3\">\n";
            const Recommendation& r = list.items[i];
            std::string theme_title = html_escape(r.theme_id);
            for (const Theme& theme : q.themes)
                if (theme.id == r.theme_id) theme_title = html_escape(theme.title.in(lang));
            h += "<li><p>" + html_escape(r.text) + "</p><p class=\"muted\">" + theme_title;
            if (round1(r.gain) > 0) h += " \u00b7 " + std::string(t("report.gain")) + " " + print_number(r.gain, t) + " " + t("report.points");
            h += "</p></li>\n";
        }
        h += "</ol>\n";
        if (shown <= 2) h += "</div>\n";
        if (shown < list.items.size())
            h += "<p class=\"muted\">" + t("report.more_recommendations", {{"shown", std::to_string(shown)}, {"more", std::to_string(list.items.size() - shown)}}) + "</p>\n";
    }
    h += "</section>\n";

    if (!list.unanswered.empty()) {
        h += "<section class=\"keep\">\n<h2>" + std::string(t("report.unanswered")) + "</h2>\n<p>" + t("report.unanswered_intro") + "</p>\n<ul class=\"unanswered\">\n";
        for (const std::string& id : list.unanswered) h += "<li>" + focus_text(q, id, lang) + "</li>\n";
        h += "</ul>\n</section>\n";
    }
}

// "Indikator: Andel … – i dag 25 %, mål 75 %" (`key` says "i dag" or "dengang"), escaped; "" without one.
std::string indicator_text(const Indicator& ind, const char* key, const Texts& t) {
    if (ind.empty()) return "";
    return html_escape(t(key, {{"measure", ind.measure},
                               {"baseline", indicator_value_text(ind.unit, ind.baseline, t.language())},
                               {"target", indicator_value_text(ind.unit, ind.target, t.language())}}));
}

void action_plan_section(std::string& h, const Questionnaire& q, const Assessment& a, const Texts& t) {
    const std::string& lang = a.language;
    h += "<section class=\"keep plan\">\n<h2>" + std::string(t("report.action_plan")) + "</h2>\n";
    if (a.action_plan.areas.empty()) {
        h += "<p>" + std::string(t("report.no_action_plan")) + "</p>\n</section>\n";
        return;
    }
    h += "<p>" + std::string(t("report.action_plan_intro")) + "</p>\n";
    h += "<table class=\"plan\"><thead><tr><th scope=\"col\">" + std::string(t("report.focus")) + "</th><th scope=\"col\">" + t("report.goal") +
         "</th><th scope=\"col\">" + t("report.responsible") + "</th><th scope=\"col\">" + t("report.follow_up") + "</th></tr></thead><tbody>\n";
    for (const FocusArea& area : a.action_plan.areas) {
        h += "<tr><td>" + focus_text(q, area.focus, lang) + "</td><td>" + html_escape(area.goal);
        if (!area.indicator.empty()) h += "<p class=\"muted\">" + indicator_text(area.indicator, "report.indicator_now", t) + "</p>";
        h += "</td><td>" + html_escape(area.responsible) + "</td><td class=\"date\">" + date_text(area.follow_up, t) + "</td></tr>\n";
    }
    h += "</tbody></table>\n</section>\n";
}

// Last year's goals and how they went, next to the change in each goal's theme when the earlier
// scores are known (the comparison).
void follow_up_section(std::string& h, const Questionnaire& q, const FollowUp& f, const Scores& scores,
                       const std::optional<ReportEarlier>& earlier, const Texts& t) {
    const std::string& lang = t.language();
    std::optional<ScoreComparison> comparison;
    if (earlier) comparison = compare_scores(q, earlier->scores, summarise(q, scores));
    h += "<section class=\"follow-up\">\n<div class=\"keep\"><h2>" + std::string(t("report.follow_up_heading")) + "</h2>\n<p>" +
         t("report.follow_up_intro", {{"date", timestamp_date_text(f.earlier_created, t)}}) +
         (comparison ? " " + std::string(t("report.follow_up_change_note")) : std::string()) + "</p></div>\n";
    if (f.items.empty()) {
        h += "<p>" + std::string(t("report.follow_up_empty")) + "</p>\n</section>\n";
        return;
    }
    h += "<table class=\"plan follow-up\"><thead><tr><th scope=\"col\">" + std::string(t("report.focus")) + "</th><th scope=\"col\">" +
         t("report.goal") + "</th><th scope=\"col\">" + t("report.status") + "</th><th scope=\"col\">" + t("report.value_now") + "</th>";
    if (comparison) h += "<th scope=\"col\" class=\"num\">" + std::string(t("report.theme_change")) + "</th>";
    h += "</tr></thead><tbody>\n";
    for (const FollowUpItem& item : f.items) {
        const FocusArea& a = item.earlier;
        h += "<tr><td>" + focus_text(q, a.focus, lang) + "</td><td>" + html_escape(a.goal);
        if (!a.indicator.empty()) h += "<p class=\"muted\">" + indicator_text(a.indicator, "report.indicator_then", t) + "</p>";
        if (!a.responsible.empty()) h += "<p class=\"muted\">" + std::string(t("report.responsible")) + ": " + html_escape(a.responsible) + "</p>";
        if (!item.note.empty()) h += "<p class=\"note\">" + html_escape(item.note) + "</p>";
        h += "</td><td><strong>" + html_escape(follow_up_status_name(item.status, lang)) + "</strong></td><td>";
        if (has_value(item.current)) {
            h += html_escape(indicator_value_text(a.indicator.unit, item.current, lang));
            if (const std::optional<double> p = indicator_progress(a.indicator, item.current))
                h += "<p class=\"muted\">" + t("report.progress", {{"progress", print_percent(p, t)}}) + "</p>";
        } else {
            h += "<span class=\"muted\">" + std::string(a.indicator.empty() ? t("report.no_indicator") : t("report.not_measured")) + "</span>";
        }
        h += "</td>";
        if (comparison) {
            std::optional<double> change;
            if (const Theme* theme = focus_theme(q, a.focus))
                for (const ScoreChange& c : comparison->themes)
                    if (c.id == theme->id) change = c.change;
            h += "<td class=\"num\">" + change_text(change, t) + "</td>";
        }
        h += "</tr>\n";
    }
    h += "</tbody></table>\n</section>\n";
}

void reading_section(std::string& h, const Scores& scores, const Texts& t) {
    h += "<section class=\"keep reading\">\n<h2>" + std::string(t("report.reading")) + "</h2>\n";
    for (const char* paragraph : {"report.reading_1", "report.reading_2", "report.reading_3", "report.reading_4"})
        h += "<p>" + std::string(t(paragraph)) + "</p>\n";
    const int missing = scores.overall.visible - scores.overall.answered;
    if (missing > 0) h += "<p><strong>" + t("report.coverage_warning", {{"missing", std::to_string(missing)}}) + "</strong></p>\n";
    h += "</section>\n";
}

// How to send the result file, from the questionnaire's submission block (absent: nothing).
void submission_section(std::string& h, const Questionnaire& q, const std::string& lang, const Texts& t) {
    if (!q.submission) return;
    const Submission& s = *q.submission;
    h += "<section class=\"keep submission\">\n<h2>" + std::string(t("submission.heading")) + "</h2>\n<dl>\n";
    for (const Submission::Line& line : s.lines())
        h += "<dt>" + std::string(t(line.label_key)) + "</dt><dd>" + html_escape(line.text->in(lang)) + "</dd>\n";
    h += "</dl>\n</section>\n";
}


} // namespace

std::string_view report_css() {
    return std::string_view(reinterpret_cast<const char*>(mf_report_css), mf_report_css_size);
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string report_html(const Questionnaire& questionnaire, const Assessment& assessment, const Scores& scores,
                        const ReportOptions& options) {
    const Texts t(assessment.language);
    Assessment a = assessment;
    a.language = t.language(); // texts from the questionnaire in the same language as the fixed texts
    const Answers visible = visible_answers(questionnaire, a.answers);
    std::string organisation;
    if (const Question* name = questionnaire.profile_field("name"))
        if (const std::string* v = answer_text(visible, name->id)) organisation = *v;

    std::string h;
    h.reserve(32 * 1024);
    std::string title = html_escape(questionnaire.title.in(t.language())) + " \u2013 " + t("report.title");
    if (!organisation.empty()) title += " \u2013 " + html_escape(organisation);
    if (!options.date.empty()) title += " \u2013 " + html_escape(options.date);
    h += print_page_head(t.language(), title, report_css()); // byte for byte: the web pages' CSP allows this <style> by its hash

    header_section(h, questionnaire, a, options, organisation, t);
    profile_section(h, questionnaire, visible, t.language(), t);
    level_section(h, questionnaire, scores, t.language(), t);
    principles_section(h, questionnaire, scores, t.language(), t);
    themes_section(h, questionnaire, scores, t.language(), t);
    if (options.earlier) comparison_section(h, questionnaire, scores, *options.earlier, t.language(), t);
    if (a.follow_up) follow_up_section(h, questionnaire, *a.follow_up, scores, options.earlier, t);
    action_plan_section(h, questionnaire, a, t);
    recommendations_section(h, questionnaire, a, scores, options.max_recommendations, t);
    reading_section(h, scores, t);
    submission_section(h, questionnaire, t.language(), t);

    h += "</main>\n<footer><p>" + std::string(t("report.footer")) + " " + html_escape(questionnaire.id) + " " +
         html_escape(questionnaire.version) + " \u00b7 " + kAppName + " " + MF_APP_VERSION + "</p></footer>\n";
    h += "</body>\n</html>\n";
    return h;
}

} // namespace mf
