// answer_table.cpp - see answer_table.h. Each function names the map-based code it stands for; the
// arithmetic is that code's, operation for operation.
#include "core/answer_table.h"

#include "core/aggregate.h"
#include "core/json_fast.h"

#include <algorithm>
#include <cmath>

namespace mf {

namespace {

constexpr std::string_view kTableYesNoIds[] = {kYes, kNo, kDontKnow}; // Question::answer_ids() of a yes/no question

int table_popcount(std::uint32_t bits) {
    int n = 0;
    for (; bits; bits &= bits - 1) ++n;
    return n;
}

std::optional<double> table_rounded(std::optional<double> x) {
    if (!x) return std::nullopt;
    return round1(*x);
}

} // namespace

AnswerTable::AnswerTable(const Questionnaire& q)
    : source_(&q), id_(q.id), version_(q.version), content_hash_(q.content_hash), principles_(q.principles.size()), themes_(q.themes.size()) {
    auto add = [&](const Question& question, std::size_t theme) {
        Entry e;
        e.question = &question;
        e.theme = theme;
        e.scored = theme != npos && question.scored();
        scored_ += e.scored;
        if (question.type == QuestionType::YesNo) e.ids.assign(std::begin(kTableYesNoIds), std::end(kTableYesNoIds));
        else
            for (const Option& o : question.options) e.ids.push_back(o.id);
        if (e.ids.size() > 31) usable_ = false;
        for (std::size_t i = 0; i < e.ids.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (e.ids[i] == e.ids[j]) usable_ = false; // Question::option finds the first: bits could not say which
        // normalised_score's arithmetic, done once: the same division of the same numbers.
        if (question.type == QuestionType::Single) {
            double max_score = 0;
            for (const Option& o : question.options) max_score = std::max(max_score, o.score);
            e.scorable = max_score > 0;
            for (const Option& o : question.options) e.option_value.push_back(e.scorable ? o.score / max_score : 0.0);
        } else if (question.type == QuestionType::Multiple) {
            e.scorable = question.max_points > 0;
            for (std::size_t i = 0; i < question.options.size() && i < 32; ++i) {
                e.option_value.push_back(question.options[i].score);
                if (question.options[i].exclusive) e.exclusive |= 1u << i;
            }
        } else {
            e.scorable = question.type == QuestionType::YesNo;
        }
        // W in the questionnaire's principle order, as accumulate adds it.
        e.weights.assign(q.principles.size(), 0.0);
        e.has_weight.assign(q.principles.size(), 0);
        for (std::size_t p = 0; p < q.principles.size(); ++p) {
            auto w = question.weights.find(q.principles[p].id);
            if (w == question.weights.end()) continue;
            e.has_weight[p] = 1;
            e.weights[p] = w->second;
            e.weight += w->second;
        }
        questions_.push_back(std::move(e));
    };
    for (const Question& question : q.profile) add(question, npos);
    for (std::size_t t = 0; t < q.themes.size(); ++t)
        for (const Question& question : q.themes[t].questions) add(question, t);

    by_id_.resize(questions_.size());
    for (std::uint32_t i = 0; i < by_id_.size(); ++i) by_id_[i] = i;
    std::stable_sort(by_id_.begin(), by_id_.end(), [&](std::uint32_t a, std::uint32_t b) { return questions_[a].question->id < questions_[b].question->id; });
    for (std::size_t i = 1; i < by_id_.size(); ++i)
        if (questions_[by_id_[i]].question->id == questions_[by_id_[i - 1]].question->id) usable_ = false;

    auto sorted_order = [&](std::size_t n, auto&& id_of, std::vector<std::size_t>& order) {
        order.resize(n);
        for (std::size_t i = 0; i < n; ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return id_of(a) < id_of(b); });
        for (std::size_t i = 1; i < n; ++i)
            if (id_of(order[i]) == id_of(order[i - 1])) usable_ = false; // a std::map would hold fewer entries
    };
    sorted_order(q.principles.size(), [&](std::size_t i) -> const std::string& { return q.principles[i].id; }, principle_order_);
    sorted_order(q.themes.size(), [&](std::size_t i) -> const std::string& { return q.themes[i].id; }, theme_order_);

    for (Entry& e : questions_)
        if (e.question->visible_if) {
            e.condition = static_cast<int>(conditions_.size());
            conditions_.push_back(compile(*e.question->visible_if));
        }

    // Each role's question as profile_field finds it (the first with that role), found once.
    for (const Question& question : q.profile)
        if (!question.role.empty() && std::none_of(roles_.begin(), roles_.end(), [&](const auto& r) { return r.first == question.role; }))
            roles_.emplace_back(question.role, find(question.id));
}

bool AnswerTable::made_for(const Questionnaire& q) const {
    return source_ == &q && id_ == q.id && version_ == q.version && content_hash_ == q.content_hash;
}

std::size_t AnswerTable::find(std::string_view id) const {
    auto it = std::lower_bound(by_id_.begin(), by_id_.end(), id,
                               [&](std::uint32_t i, std::string_view key) { return std::string_view(questions_[i].question->id) < key; });
    return it != by_id_.end() && questions_[*it].question->id == id ? *it : npos;
}

std::size_t AnswerTable::role(const char* role) const {
    // From the roles found when the table was made: per file this was a std::string, a search of
    // the profile and a binary search by id for each of seven roles.
    for (const auto& [name, index] : roles_)
        if (same_key(name, role)) return index;
    return npos;
}

std::uint32_t AnswerTable::bit_of(std::size_t index, std::string_view id) const {
    const std::vector<std::string_view>& ids = questions_[index].ids;
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (same_key(ids[i], id)) return 1u << i;
    return 0;
}

// check_answer(question, string)
bool AnswerTable::code_text(std::size_t index, std::string_view text, CodedAnswer& out) const {
    const Question& q = *questions_[index].question;
    out = CodedAnswer{};
    out.kind = CodedAnswer::Kind::Text;
    out.text = text;
    switch (q.type) {
    case QuestionType::Single:
    case QuestionType::YesNo: out.bits = bit_of(index, text); return out.bits != 0;
    case QuestionType::Text: return true;
    default: return false;
    }
}

// check_answer(question, number)
bool AnswerTable::code_number(std::size_t index, double x, CodedAnswer& out) const {
    const Question& q = *questions_[index].question;
    out = CodedAnswer{};
    out.kind = CodedAnswer::Kind::Number;
    out.number = x;
    if (q.type != QuestionType::Number || !std::isfinite(x)) return false;
    if (q.integer && x != std::floor(x)) return false;
    if (q.min && x < *q.min) return false;
    if (q.max && x > *q.max) return false;
    return true;
}

// check_answer(question, list): every id an option, none twice, an exclusive option alone.
bool AnswerTable::begin_choices(std::size_t index, CodedAnswer& out) const {
    out = CodedAnswer{};
    out.kind = CodedAnswer::Kind::Choices;
    return questions_[index].question->type == QuestionType::Multiple;
}

bool AnswerTable::add_choice(std::size_t index, std::string_view id, CodedAnswer& out) const {
    const std::uint32_t bit = bit_of(index, id);
    if (bit == 0 || (out.bits & bit)) return false;
    out.bits |= bit;
    return true;
}

bool AnswerTable::finish_choices(std::size_t index, const CodedAnswer& out) const {
    return !((out.bits & questions_[index].exclusive) && table_popcount(out.bits) > 1);
}

AnswerValue AnswerTable::value(std::size_t index, const CodedAnswer& a) const {
    switch (a.kind) {
    case CodedAnswer::Kind::Text: return std::string(a.text);
    case CodedAnswer::Kind::Number: return a.number;
    case CodedAnswer::Kind::Choices:
    case CodedAnswer::Kind::None: break;
    }
    std::vector<std::string> ids;
    const std::vector<std::string_view>& all = questions_[index].ids;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (a.bits & (1u << i)) ids.emplace_back(all[i]);
    return ids;
}

AnswerTable::Compiled AnswerTable::compile(const Condition& c) const {
    Compiled out;
    out.kind = c.kind;
    for (const Condition& child : c.children) out.children.push_back(compile(child));
    out.op = c.op;
    out.value_text = c.value_text;
    out.value_number = c.value_number;
    out.value_is_number = c.value_is_number;
    if (c.kind == Condition::Kind::Compare) {
        out.question = find(c.question);
        if (out.question != npos) out.value_bit = bit_of(out.question, c.value_text);
    }
    return out;
}

// evaluate_condition (condition.cpp), compare_leaf and answer_equals included.
bool AnswerTable::evaluate(const Compiled& c, const std::vector<CodedAnswer>& answers) const {
    switch (c.kind) {
    case Condition::Kind::All:
        for (const Compiled& child : c.children)
            if (!evaluate(child, answers)) return false;
        return true;
    case Condition::Kind::Any:
        for (const Compiled& child : c.children)
            if (evaluate(child, answers)) return true;
        return false;
    case Condition::Kind::Not: return c.children.empty() ? false : !evaluate(c.children.front(), answers);
    case Condition::Kind::Compare: break;
    }
    const CodedAnswer* a = c.question == npos ? nullptr : &answers[c.question];
    if (!a || a->kind == CodedAnswer::Kind::None) return c.op == Condition::Op::NotEquals;
    auto equals = [&] {
        if (c.value_is_number) return a->kind == CodedAnswer::Kind::Number && a->number == c.value_number;
        return a->kind == CodedAnswer::Kind::Text && a->text == c.value_text;
    };
    const bool n = a->kind == CodedAnswer::Kind::Number;
    switch (c.op) {
    case Condition::Op::Equals: return equals();
    case Condition::Op::NotEquals: return !equals();
    case Condition::Op::Greater: return n && c.value_is_number && a->number > c.value_number;
    case Condition::Op::GreaterEq: return n && c.value_is_number && a->number >= c.value_number;
    case Condition::Op::Less: return n && c.value_is_number && a->number < c.value_number;
    case Condition::Op::LessEq: return n && c.value_is_number && a->number <= c.value_number;
    case Condition::Op::Includes: return a->kind == CodedAnswer::Kind::Choices && (a->bits & c.value_bit) != 0;
    case Condition::Op::Answered: return true;
    }
    return false;
}

bool AnswerTable::visible(std::size_t index, const std::vector<CodedAnswer>& answers) const {
    const int c = questions_[index].condition;
    return c < 0 || evaluate(conditions_[static_cast<std::size_t>(c)], answers);
}

// summarise_visible (scoring.cpp: accumulate, scores_of, summarise) compared with the stored
// summary as ScoreSummary's operator== compares: the maps in key order.
bool AnswerTable::scores_match(const std::vector<CodedAnswer>& answers, const ScoreSummary& stored) const {
    PartScore overall;
    std::vector<PartScore> themes(themes_), principles(principles_);
    for (std::size_t index = 0; index < questions_.size(); ++index) {
        const Entry& e = questions_[index];
        if (!e.scored) continue;
        const bool shown = visible(index, answers);
        if (!shown) continue;
        bool answered = false;
        double score = 0;
        const CodedAnswer& a = answers[index];
        if (a.kind != CodedAnswer::Kind::None && e.scorable) { // normalised_score: the answer fits (code_* checked it)
            answered = true;
            switch (e.question->type) {
            case QuestionType::Single:
                for (std::size_t i = 0; i < e.option_value.size(); ++i)
                    if (a.bits == (1u << i)) score = e.option_value[i];
                break;
            case QuestionType::YesNo:
                if (a.bits == 1u) score = e.question->invert ? 0.0 : 1.0;      // yes
                else if (a.bits == 2u) score = e.question->invert ? 1.0 : 0.0; // no
                else score = 0.0;                                              // dont_know
                break;
            case QuestionType::Multiple: {
                double points = 0;
                for (std::size_t i = 0; i < e.option_value.size(); ++i)
                    if (a.bits & (1u << i)) points += e.option_value[i];
                score = std::min(points, e.question->max_points) / e.question->max_points;
                break;
            }
            default: answered = false; break;
            }
        }
        for (PartScore* part : {&overall, &themes[e.theme]}) {
            ++part->visible;
            if (answered) {
                ++part->answered;
                part->weighted_sum += e.weight * score;
                part->weight_sum += e.weight;
            }
        }
        for (std::size_t p = 0; p < principles_; ++p) {
            if (!e.has_weight[p] || e.weights[p] <= 0) continue;
            PartScore& part = principles[p];
            ++part.visible;
            if (answered) {
                ++part.answered;
                part.weighted_sum += e.weights[p] * score;
                part.weight_sum += e.weights[p];
            }
        }
    }
    const std::optional<double> percent = overall.percent();
    if (stored.overall != table_rounded(percent)) return false;
    if (percent ? (!stored.level || *stored.level != source_->level_for(*percent).id) : stored.level.has_value()) return false;
    if (stored.coverage != table_rounded(overall.coverage())) return false;
    if (stored.principles.size() != principles_ || stored.themes.size() != themes_) return false;
    std::size_t i = 0;
    for (const auto& [id, value] : stored.principles) {
        const std::size_t p = principle_order_[i++];
        if (id != source_->principles[p].id || value != table_rounded(principles[p].percent())) return false;
    }
    i = 0;
    for (const auto& [id, value] : stored.themes) {
        const std::size_t t = theme_order_[i++];
        if (id != source_->themes[t].id || value != ThemeSummary{table_rounded(themes[t].percent()), table_rounded(themes[t].coverage())}) return false;
    }
    return true;
}

// encode_answers (aggregate.cpp)
std::vector<std::uint32_t> AnswerTable::encode(const std::vector<CodedAnswer>& answers) const {
    std::vector<std::uint32_t> out;
    out.reserve(scored_);
    for (std::size_t index = 0; index < questions_.size(); ++index) {
        const Entry& e = questions_[index];
        if (!e.scored) continue;
        const CodedAnswer& a = answers[index];
        std::uint32_t code = 0;
        if (a.kind == CodedAnswer::Kind::Text || a.kind == CodedAnswer::Kind::Choices) code = a.bits; // at most 31 answer ids (usable()): never the answered bit
        if (a.kind != CodedAnswer::Kind::None && (code != 0 || a.kind == CodedAnswer::Kind::Choices)) code |= kAnsweredBit;
        out.push_back(code);
    }
    return out;
}

} // namespace mf
