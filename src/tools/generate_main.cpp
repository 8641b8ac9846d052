// generate_main.cpp - mf-generate: N synthetic, valid, varied result files for tests and benchmarks.
//
// Index
//   - Rng                 core/random.h: the same seed gives the same files on every machine
//   - organisation data   names, valid CVR numbers (modulus 11), sector, employees
//   - answering           a latent maturity per organisation (by sector and size, plus noise),
//                         per theme, per question; visibility conditions respected
//   - indicators, follow-up   an indicator on most focus areas (the questionnaire's suggestions);
//                         a later year follows up the earlier year's plan (status, value now)
//   - main                organisations, some with earlier years, some resubmitted or copied
//
// Every file goes through export_result, the respondent app's export: it is checked, checksummed and
// written exactly as the app writes it. Files land in DIR/<year>/result-<n>.json; with --bundle, all
// of them also in one bundle written by bundle_text, the workshop list's "Export all". Indicators and
// follow-ups draw from a second random stream, so the answers and plans are those that earlier
// versions of this tool drew for the same seed.
#include "core/answers.h"
#include "core/bundle.h"
#include "core/condition.h"
#include "core/cvr.h"
#include "core/random.h"
#include "core/result.h"
#include "core/scoring.h"
#include "tools/tool_support.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace mf;

namespace {

using Rng = mf::Random;

double clamp01(double x) { return std::min(0.98, std::max(0.02, x)); }

// ---------------------------------------------------------------------------------------------
// Organisation data
// ---------------------------------------------------------------------------------------------
const char* const kPlaces[] = {"Nørrebro", "Vesterbro", "Amager", "Valby", "Østerbro", "Sydhavn", "Bispebjerg", "Christianshavn", "Brønshøj", "Vanløse", "Københavns"};
const char* const kTrades[] = {"Bageri", "Tømrer", "Rengøring", "IT", "Rådgivning", "Transport", "Café", "Revision", "Bogtryk", "VVS", "Omsorg", "Kulturhus", "Friskole", "Blomster", "Ejendomsservice"};
const char* const kForms[] = {"ApS", "A/S", "I/S", "", "& Co.", "K/S"};
const char* const kFirst[] = {"Anne", "Mads", "Fatima", "Jens", "Ayse", "Søren", "Mette", "Ahmed", "Line", "Kasper", "Zainab", "Ole", "Birgitte", "Tobias"};
const char* const kLast[] = {"Jensen", "Nielsen", "Hansen", "Yilmaz", "Pedersen", "Andersen", "Khan", "Larsen", "Sørensen", "Ali", "Christensen"};
const char* const kRoles[] = {"HR-chef", "Direktør", "Indehaver", "Driftsleder", "HR-partner", "Teamleder"};
const char* const kGoals[] = {"2 praktikpladser til ledige inden 1. juni", "Alle jobopslag gennemgået for unødige krav inden sommer",
                              "En mentor til hver ny medarbejder", "Årlig trivselsmåling med spørgsmål om inklusion",
                              "Samarbejdsaftale med jobcentret underskrevet", "Politik gennemgået på personalemøde"};

// A real-looking sector mix for Copenhagen's private and public employers, with a base maturity
// (public and knowledge employers have worked longer with diversity; construction least).
struct SectorProfile {
    const char* id;
    double weight, base;
};
const SectorProfile kSectors[] = {{"industri", 8, 0.35},      {"bygge_anlaeg", 9, 0.30},  {"handel_transport", 16, 0.38},
                                  {"hotel_restaurant", 12, 0.33}, {"service", 10, 0.40},  {"viden", 18, 0.52},
                                  {"sundhed_omsorg", 9, 0.50}, {"offentlig", 7, 0.62},     {"forening_ngo", 6, 0.55},
                                  {"andet", 5, 0.40}};

// The questionnaire's own sector options, weighted and based as in kSectors when the id is known
// (so the generator also works with other questionnaires, e.g. the test fixtures).
std::vector<SectorProfile> sector_profiles(const Questionnaire& q) {
    std::vector<SectorProfile> out;
    if (const Question* sector = q.profile_field("sector"))
        for (const Option& o : sector->options) {
            SectorProfile p{o.id.c_str(), 5, 0.40};
            for (const SectorProfile& known : kSectors)
                if (o.id == known.id) p = known;
            out.push_back(p);
        }
    return out;
}

const SectorProfile& pick_sector(Rng& rng, const std::vector<SectorProfile>& sectors) {
    double total = 0;
    for (const SectorProfile& s : sectors) total += s.weight;
    double x = rng.uniform() * total;
    for (const SectorProfile& s : sectors) {
        if (x < s.weight) return s;
        x -= s.weight;
    }
    return sectors.back();
}

// Employees: half micro firms, then small, medium, large (roughly Copenhagen's business structure).
int pick_employees(Rng& rng) {
    const double u = rng.uniform();
    if (u < 0.50) return 1 + rng.below(9);
    if (u < 0.80) return 10 + rng.below(40);
    if (u < 0.95) return 50 + rng.below(200);
    return static_cast<int>(250 * std::exp(rng.uniform() * std::log(40.0))); // 250 .. 10,000
}

std::string make_cvr(Rng& rng, std::set<std::string>& used) {
    static const int weights[] = {2, 7, 6, 5, 4, 3, 2, 1};
    for (;;) {
        std::string digits;
        int sum = 0;
        for (int i = 0; i < 7; ++i) {
            const int d = i == 0 ? 1 + rng.below(9) : rng.below(10);
            digits += static_cast<char>('0' + d);
            sum += weights[i] * d;
        }
        const int last = (11 - sum % 11) % 11;
        if (last == 10) continue;
        digits += static_cast<char>('0' + last);
        if (check_cvr(digits) == CvrCheck::Valid && used.insert(digits).second) return digits;
    }
}

std::string ascii_lower(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if (c >= 'a' && c <= 'z') out += static_cast<char>(c);
    }
    return out;
}

struct Organisation {
    std::string cvr, name, contact, email;
    const SectorProfile* sector = nullptr;
    int employees = 1;
    double maturity = 0.4; // latent, in [0, 1]
    std::string language;
};

Organisation make_organisation(Rng& rng, std::set<std::string>& used_cvr, const std::vector<SectorProfile>& sectors) {
    Organisation o;
    o.cvr = make_cvr(rng, used_cvr);
    o.sector = &pick_sector(rng, sectors);
    o.employees = pick_employees(rng);
    const std::string form = rng.pick(kForms);
    o.name = std::string(rng.pick(kPlaces)) + " " + rng.pick(kTrades) + (form.empty() ? "" : " " + form);
    // A few names with the characters CSV writers get wrong.
    if (rng.chance(0.02)) o.name += "; afd. \"Nord\"";
    const std::string first = rng.pick(kFirst), last = rng.pick(kLast);
    o.contact = first + " " + last;
    o.email = ascii_lower(first) + "." + ascii_lower(last) + "@firma" + std::to_string(rng.below(1000)) + ".dk";
    const double size_effect = o.employees >= 250 ? 0.15 : o.employees >= 50 ? 0.10 : o.employees >= 10 ? 0.05 : 0.0;
    o.maturity = clamp01(o.sector->base + size_effect + 0.15 * rng.normal());
    o.language = rng.chance(0.15) ? "en" : "da";
    return o;
}

// ---------------------------------------------------------------------------------------------
// Answering
// ---------------------------------------------------------------------------------------------
AnswerValue answer_scored(Rng& rng, const Question& q, double m) {
    switch (q.type) {
    case QuestionType::Single: {
        // Options are a maturity scale; aim at m with some spread.
        std::vector<const Option*> by_score;
        for (const Option& o : q.options) by_score.push_back(&o);
        std::stable_sort(by_score.begin(), by_score.end(), [](const Option* a, const Option* b) { return a->score < b->score; });
        const double target = m * static_cast<double>(by_score.size() - 1) + 0.8 * rng.normal();
        const long i = std::lround(std::min(std::max(target, 0.0), static_cast<double>(by_score.size() - 1)));
        return by_score[static_cast<std::size_t>(i)]->id;
    }
    case QuestionType::YesNo: {
        if (rng.chance(0.06)) return std::string(kDontKnow);
        const bool good = rng.chance(m);
        return std::string(good != q.invert ? kYes : kNo);
    }
    case QuestionType::Multiple: {
        std::vector<std::string> chosen;
        const Option* none = nullptr;
        for (const Option& o : q.options) {
            if (o.exclusive) none = &o;
            else if (rng.chance(m * 0.9)) chosen.push_back(o.id);
        }
        if (chosen.empty() && none) chosen.push_back(none->id);
        return chosen;
    }
    default: return std::string();
    }
}

Answers answer_all(Rng& rng, const Questionnaire& q, const Organisation& o, double maturity, int year) {
    Answers answers;
    for (const Question& p : q.profile) {
        if (p.role == "name") answers[p.id] = o.name;
        else if (p.role == "cvr") answers[p.id] = o.cvr;
        else if (p.role == "sector") answers[p.id] = std::string(o.sector->id);
        else if (p.role == "employees") answers[p.id] = static_cast<double>(o.employees);
        else if (p.role == "contact" && rng.chance(0.9)) answers[p.id] = o.contact;
        else if (p.role == "email" && rng.chance(0.8)) answers[p.id] = o.email;
    }
    for (const Theme& t : q.themes) {
        const double m = clamp01(maturity + 0.12 * rng.normal()); // themes differ within a firm
        for (const Question& question : t.questions) {
            if (!is_visible(question, visible_answers(q, answers))) continue;
            if (question.scored()) {
                if (rng.chance(0.04)) continue; // skipped: coverage below 100 %
                answers[question.id] = answer_scored(rng, question, m);
            } else if (question.type == QuestionType::Text && rng.chance(0.3)) {
                answers[question.id] = std::string("Vi arbejder videre med det i ") + std::to_string(year) + ".";
            }
        }
    }
    return answers;
}

// Up to three focus areas: the weakest themes, as a respondent guided by the app would choose.
ActionPlan make_plan(Rng& rng, const Questionnaire& q, const Answers& answers, int year) {
    ActionPlan plan;
    const Scores scores = compute_scores(q, answers);
    std::vector<std::pair<double, std::size_t>> themes;
    for (std::size_t i = 0; i < q.themes.size(); ++i)
        if (auto p = scores.themes[i].percent()) themes.push_back({*p, i});
    std::sort(themes.begin(), themes.end());
    const int n = std::min<int>(rng.below(4), static_cast<int>(themes.size()));
    for (int i = 0; i < n; ++i) {
        char date[48];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year + 1, 1 + rng.below(12), 1 + rng.below(28));
        plan.areas.push_back(FocusArea{q.themes[themes[static_cast<std::size_t>(i)].second].id, rng.pick(kGoals), rng.pick(kRoles), date});
    }
    return plan;
}

// ---------------------------------------------------------------------------------------------
// Indicators and follow-up
// ---------------------------------------------------------------------------------------------
// A plausible value of `unit` around `level` (0..1): percentages and counts, or yes/no.
IndicatorValue indicator_value(Rng& rng, const std::string& unit, double level) {
    if (unit == kUnitYesNo) return std::string(level >= 0.5 ? kYes : kNo);
    if (unit == kUnitPercent) return std::round(std::min(100.0, std::max(0.0, 100.0 * level)));
    return std::round(std::max(0.0, 20.0 * level + rng.below(3)));
}

// Most focus areas get an indicator: one the questionnaire suggests for the theme, a target above
// (now and then below: "fewer ads that ask for fluent Danish") the value today.
void add_indicators(Rng& rng, const Questionnaire& q, const std::string& language, ActionPlan& plan) {
    for (FocusArea& area : plan.areas) {
        const Theme* theme = focus_theme(q, area.focus);
        if (!theme || theme->indicators.empty() || rng.chance(0.2)) continue;
        const SuggestedIndicator& s = theme->indicators[static_cast<std::size_t>(rng.below(static_cast<int>(theme->indicators.size())))];
        const double today = 0.1 + 0.4 * rng.uniform();
        const bool falling = s.unit != kUnitYesNo && rng.chance(0.15);
        area.indicator = Indicator{s.measure.in(language), s.unit, indicator_value(rng, s.unit, today), {}};
        area.indicator.target = indicator_value(rng, s.unit, falling ? today / 3 : today + 0.3 + 0.3 * rng.uniform());
        if (area.indicator.target == area.indicator.baseline) area.indicator.target = indicator_value(rng, s.unit, 1.0);
    }
}

// The earlier year's plan followed up: mature organisations reach more of their goals.
FollowUp follow_up_of(Rng& rng, const Assessment& earlier, const std::string& checksum, double maturity) {
    FollowUp f = start_follow_up(earlier.action_plan, earlier.created, checksum);
    for (FollowUpItem& item : f.items) {
        const double u = rng.uniform();
        item.status = u < 0.15 + 0.4 * maturity ? FollowUpStatus::Reached : u < 0.65 ? FollowUpStatus::Partly
                    : u < 0.9 ? FollowUpStatus::NotReached : FollowUpStatus::Dropped;
        const Indicator& ind = item.earlier.indicator;
        if (!ind.empty() && item.status != FollowUpStatus::Dropped && rng.chance(0.9)) {
            if (ind.unit == kUnitYesNo) {
                item.current = item.status == FollowUpStatus::Reached ? ind.target : ind.baseline;
            } else {
                const double share = item.status == FollowUpStatus::Reached ? 1.0 + 0.2 * rng.uniform()
                                   : item.status == FollowUpStatus::Partly ? 0.2 + 0.6 * rng.uniform() : -0.1 + 0.2 * rng.uniform();
                const double b = std::get<double>(ind.baseline), t = std::get<double>(ind.target);
                double now = std::round(b + share * (t - b));
                if (ind.unit == kUnitPercent) now = std::min(100.0, std::max(0.0, now));
                item.current = std::max(0.0, now);
            }
        }
        if (rng.chance(0.4)) item.note = item.status == FollowUpStatus::Dropped ? "Andre opgaver kom først." : "Vi fortsætter arbejdet.";
    }
    return f;
}

std::string timestamp(int year, int month, int day, int hour, int minute, int second) {
    char out[96];
    std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hour, minute, second);
    return out;
}

// The last assessment exported for an organisation: what next year's follows up.
struct Exported {
    Assessment assessment;
    std::string text;
};

struct Writer {
    const Questionnaire& q;
    std::filesystem::path out;
    Rng& extra; // indicators and follow-ups (a stream of its own, see the header)
    long written = 0;
    std::size_t bytes = 0;
    bool keep = false;                 // --bundle: keep every file for the bundle
    std::vector<BundleMember> members; // the files written, when `keep`

    bool write(int year, const std::string& text) {
        char name[48];
        std::snprintf(name, sizeof name, "result-%06ld.json", written + 1);
        const std::filesystem::path dir = out / std::to_string(year);
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        std::ofstream f(dir / name, std::ios::binary);
        f << text;
        if (!f) {
            std::fprintf(stderr, "mf-generate: cannot write %s\n", (dir / name).string().c_str());
            return false;
        }
        ++written;
        bytes += text.size();
        if (keep) members.push_back(BundleMember{std::to_string(year) + "-" + name, text});
        return true;
    }

    // One assessment in `year`, following up `earlier` when given; the exported text is empty (and a
    // message printed) when export refused it.
    Exported assess(Rng& rng, const Organisation& o, double maturity, int year, int day_offset, const Exported* earlier) {
        Assessment a;
        a.language = o.language;
        const int month = 1 + rng.below(11), day = 1 + std::min(27, rng.below(20) + day_offset), hour = 7 + rng.below(10);
        a.created = timestamp(year, month, day, hour, rng.below(60), rng.below(60));
        a.updated = timestamp(year, month, day, hour + 1 + rng.below(5), rng.below(60), rng.below(60));
        a.answers = answer_all(rng, q, o, maturity, year);
        a.action_plan = make_plan(rng, q, a.answers, year);
        add_indicators(extra, q, a.language, a.action_plan);
        if (earlier && !earlier->assessment.action_plan.areas.empty() && earlier->assessment.created < a.created)
            a.follow_up = follow_up_of(extra, earlier->assessment, result_checksum(nlohmann::json::parse(earlier->text)), maturity);
        ExportOutcome e = export_result(q, a, o.cvr + ".json");
        for (const Diagnostic& d : e.diagnostics) std::fprintf(stderr, "mf-generate: export refused: %s\n", d.to_string().c_str());
        return Exported{std::move(a), std::move(e.text)};
    }
};

void usage(FILE* to) {
    std::fprintf(to,
                 "Usage: mf-generate --count N --out DIR [--seed S] [--questionnaire PATH] [--bundle FILE]\n"
                 "Writes N synthetic, valid result files (through the app's export) into DIR/<year>/.\n"
                 "About a fifth of the organisations have earlier years too, a few resubmitted the same\n"
                 "year and a few files are exact copies (duplicates by CVR for mf-aggregate).\n"
                 "--bundle FILE also writes all of them into one bundle, as the workshop's \"Export all\".\n");
}

} // namespace

int main(int argc, char** argv) {
    long count = -1;
    std::uint64_t seed = 1;
    std::string out, questionnaire_path, bundle_path;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const char* name) -> const char* {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "mf-generate: %s needs a value\n", name);
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--help" || arg == "-h") {
            usage(stdout);
            return 0;
        } else if (arg == "--count") {
            char* end = nullptr;
            const char* v = value("--count");
            count = std::strtol(v, &end, 10);
            if (*v == '\0' || *end != '\0' || count < 0) {
                std::fprintf(stderr, "mf-generate: --count expects a whole number >= 0, got \"%s\"\n", v);
                return 2;
            }
        } else if (arg == "--seed") {
            char* end = nullptr;
            const char* v = value("--seed");
            seed = std::strtoull(v, &end, 10);
            if (*v == '\0' || *end != '\0') {
                std::fprintf(stderr, "mf-generate: --seed expects a whole number, got \"%s\"\n", v);
                return 2;
            }
        } else if (arg == "--out") {
            out = value("--out");
        } else if (arg == "--questionnaire") {
            questionnaire_path = value("--questionnaire");
        } else if (arg == "--bundle") {
            bundle_path = value("--bundle");
        } else {
            std::fprintf(stderr, "mf-generate: unknown argument \"%s\"\n", arg.c_str());
            usage(stderr);
            return 2;
        }
    }
    if (count < 0 || out.empty()) {
        usage(stderr);
        return 2;
    }
    if (questionnaire_path.empty()) questionnaire_path = find_shipped_questionnaire(argv[0]);
    if (questionnaire_path.empty()) {
        std::fprintf(stderr, "mf-generate: cannot find questionnaires/aktoersporet.json; pass --questionnaire PATH\n");
        return 2;
    }
    std::optional<Questionnaire> q = load_tool_questionnaire(questionnaire_path);
    if (!q) return 2;

    Rng rng{seed};
    Rng extra{seed ^ 0x5DEECE66Dull};
    Writer writer{*q, out, extra, 0, 0, !bundle_path.empty(), {}};
    std::set<std::string> used_cvr;
    const std::vector<SectorProfile> sectors = sector_profiles(*q);
    if (sectors.empty()) {
        std::fprintf(stderr, "mf-generate: the questionnaire has no sector question with options\n");
        return 2;
    }
    const int latest = 2026;
    while (writer.written < count) {
        Organisation o = make_organisation(rng, used_cvr, sectors);
        // Earlier years first (less mature then), so file numbers follow time for one organisation.
        const double u = rng.uniform();
        const int years = u < 0.05 ? 3 : u < 0.20 ? 2 : 1;
        std::optional<Exported> last_year;
        for (int y = years - 1; y >= 0 && writer.written < count; --y) {
            const int year = latest - y;
            const double maturity = clamp01(o.maturity - 0.08 * y + 0.05 * rng.normal());
            Exported e = writer.assess(rng, o, maturity, year, 0, last_year ? &*last_year : nullptr);
            if (e.text.empty() || !writer.write(year, e.text)) return 2;
            if (writer.written < count && rng.chance(0.02)) { // sent the very same file twice
                if (!writer.write(year, e.text)) return 2;
            }
            if (writer.written < count && rng.chance(0.03)) { // reworked and sent again later that year
                Exported again = writer.assess(rng, o, clamp01(maturity + 0.03), year, 1, last_year ? &*last_year : nullptr);
                if (again.text.empty() || !writer.write(year, again.text)) return 2;
                e = std::move(again);
            }
            last_year = std::move(e);
        }
    }
    if (!bundle_path.empty()) {
        std::ofstream f(bundle_path, std::ios::binary);
        f << bundle_text(writer.members, timestamp(latest, 12, 1, 12, 0, 0));
        if (!f) {
            std::fprintf(stderr, "mf-generate: cannot write %s\n", bundle_path.c_str());
            return 2;
        }
    }
    std::printf("mf-generate: %ld files, %zu bytes, %zu organisations in %s\n", writer.written, writer.bytes, used_cvr.size(), out.c_str());
    return 0;
}
