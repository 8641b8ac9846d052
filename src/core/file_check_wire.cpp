// file_check_wire.cpp - FileCheck as compact bytes (see file_check_wire.h).
#include "core/file_check_wire.h"

#include <cstdint>
#include <cstring>
#include <optional>

namespace mf {

namespace {

class WireOut {
public:
    explicit WireOut(std::string& out) : out_(out) {}
    void u32(std::uint32_t x) {
        char b[4];
        for (int i = 0; i < 4; ++i) b[i] = static_cast<char>((x >> (8 * i)) & 0xff);
        out_.append(b, 4);
    }
    void u8(unsigned x) { out_.push_back(static_cast<char>(x & 0xff)); }
    void f64(double x) {
        std::uint64_t bits;
        std::memcpy(&bits, &x, sizeof bits);
        u32(static_cast<std::uint32_t>(bits));
        u32(static_cast<std::uint32_t>(bits >> 32));
    }
    void str(const std::string& s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    void opt(const std::optional<double>& x) {
        u8(x ? 1 : 0);
        if (x) f64(*x);
    }
    void opt_str(const std::optional<std::string>& s) {
        u8(s ? 1 : 0);
        if (s) str(*s);
    }

private:
    std::string& out_;
};

class WireIn {
public:
    explicit WireIn(std::string_view& in) : in_(in) {}
    bool ok() const { return ok_; }
    std::uint32_t u32() {
        if (!take(4)) return 0;
        std::uint32_t x = 0;
        for (int i = 0; i < 4; ++i) x |= static_cast<std::uint32_t>(static_cast<unsigned char>(in_[static_cast<std::size_t>(i)])) << (8 * i);
        in_.remove_prefix(4);
        return x;
    }
    unsigned u8() {
        if (!take(1)) return 0;
        const unsigned x = static_cast<unsigned char>(in_[0]);
        in_.remove_prefix(1);
        return x;
    }
    double f64() {
        const std::uint64_t lo = u32();
        const std::uint64_t bits = lo | (static_cast<std::uint64_t>(u32()) << 32);
        double x;
        std::memcpy(&x, &bits, sizeof x);
        return x;
    }
    std::string str() {
        const std::uint32_t n = u32();
        if (!take(n)) return std::string();
        std::string s(in_.substr(0, n));
        in_.remove_prefix(n);
        return s;
    }
    std::optional<double> opt() {
        if (u8() == 0) return std::nullopt;
        return f64();
    }
    std::optional<std::string> opt_str() {
        if (u8() == 0) return std::nullopt;
        return str();
    }
    // A count of items that each take at least `least` bytes: more than the bytes left is malformed.
    std::uint32_t count(std::size_t least) {
        const std::uint32_t n = u32();
        if (ok_ && static_cast<std::size_t>(n) * least > in_.size()) ok_ = false;
        return ok_ ? n : 0;
    }

private:
    bool take(std::size_t n) {
        if (ok_ && in_.size() >= n) return true;
        ok_ = false;
        return false;
    }
    std::string_view& in_;
    bool ok_ = true;
};

void write_row(WireOut& w, const OrganisationRow& r) {
    w.str(r.file);
    w.f64(static_cast<double>(r.bytes));
    for (const std::string* s : {&r.cvr, &r.name, &r.contact, &r.email, &r.sector}) w.str(*s);
    w.opt(r.employees);
    for (const std::string* s : {&r.size, &r.questionnaire_version}) w.str(*s);
    w.u8(r.same_questionnaire ? 1 : 0);
    for (const std::string* s : {&r.created, &r.updated, &r.language}) w.str(*s);
    w.opt(r.overall);
    w.opt(r.coverage);
    w.str(r.level);
    for (const auto* parts : {&r.principles, &r.themes}) {
        w.u32(static_cast<std::uint32_t>(parts->size()));
        for (const std::optional<double>& x : *parts) w.opt(x);
    }
    w.u32(static_cast<std::uint32_t>(r.focus_areas));
    w.u32(static_cast<std::uint32_t>(r.answers.size()));
    for (std::uint32_t a : r.answers) w.u32(a);
    w.u32(static_cast<std::uint32_t>(r.plan_themes.size()));
    for (const std::string& t : r.plan_themes) w.str(t);
    w.opt_str(r.follow_up_of);
    w.u32(static_cast<std::uint32_t>(r.followed_up.size()));
    for (const FollowedUpGoal& g : r.followed_up) {
        w.str(g.focus);
        w.str(g.theme);
        w.u8(static_cast<unsigned>(g.status));
        w.u8(g.numeric ? 1 : 0);
        w.opt(g.progress);
    }
    w.str(r.checksum);
}

void read_row(WireIn& w, OrganisationRow& r) {
    r.file = w.str();
    r.bytes = static_cast<std::size_t>(w.f64());
    for (std::string* s : {&r.cvr, &r.name, &r.contact, &r.email, &r.sector}) *s = w.str();
    r.employees = w.opt();
    for (std::string* s : {&r.size, &r.questionnaire_version}) *s = w.str();
    r.same_questionnaire = w.u8() != 0;
    for (std::string* s : {&r.created, &r.updated, &r.language}) *s = w.str();
    r.overall = w.opt();
    r.coverage = w.opt();
    r.level = w.str();
    for (auto* parts : {&r.principles, &r.themes}) {
        parts->resize(w.count(1));
        for (std::optional<double>& x : *parts) x = w.opt();
    }
    r.focus_areas = static_cast<int>(w.u32());
    r.answers.resize(w.count(4));
    for (std::uint32_t& a : r.answers) a = w.u32();
    r.plan_themes.resize(w.count(4));
    for (std::string& t : r.plan_themes) t = w.str();
    r.follow_up_of = w.opt_str();
    r.followed_up.resize(w.count(11));
    for (FollowedUpGoal& g : r.followed_up) {
        g.focus = w.str();
        g.theme = w.str();
        const unsigned status = w.u8();
        g.status = status <= static_cast<unsigned>(FollowUpStatus::Dropped) ? static_cast<FollowUpStatus>(status) : FollowUpStatus::None;
        g.numeric = w.u8() != 0;
        g.progress = w.opt();
    }
    r.checksum = w.str();
}

} // namespace

void write_file_checks(std::string& out, const std::vector<FileCheck>& checks) {
    WireOut w(out);
    w.u32(static_cast<std::uint32_t>(checks.size()));
    for (const FileCheck& c : checks) {
        w.str(c.file);
        w.f64(static_cast<double>(c.bytes));
        w.u32(static_cast<std::uint32_t>(c.diagnostics.size()));
        for (const Diagnostic& d : c.diagnostics) {
            w.u8(d.severity == Diagnostic::Severity::Error ? 0 : 1);
            for (const std::string* s : {&d.file, &d.pointer, &d.message, &d.code}) w.str(*s);
            w.u32(static_cast<std::uint32_t>(d.params.size()));
            for (const auto& [name, value] : d.params) {
                w.str(name);
                w.str(value);
            }
        }
        w.u8(c.row ? 1 : 0);
        if (c.row) write_row(w, *c.row);
    }
}

bool read_file_checks(std::string_view& in, std::vector<FileCheck>& out) {
    WireIn w(in);
    out.clear();
    out.resize(w.count(14));
    for (FileCheck& c : out) {
        c.file = w.str();
        c.bytes = static_cast<std::size_t>(w.f64());
        c.diagnostics.resize(w.count(21));
        for (Diagnostic& d : c.diagnostics) {
            d.severity = w.u8() == 0 ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning;
            for (std::string* s : {&d.file, &d.pointer, &d.message, &d.code}) *s = w.str();
            d.params.resize(w.count(8));
            for (auto& [name, value] : d.params) {
                name = w.str();
                value = w.str();
            }
        }
        if (w.u8() != 0) {
            c.row.emplace();
            read_row(w, *c.row);
        }
        if (!w.ok()) return false;
    }
    return w.ok();
}

} // namespace mf
