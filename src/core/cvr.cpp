#include "core/cvr.h"

namespace mf {

std::string normalise_cvr(std::string_view input) {
    std::string digits;
    for (char c : input)
        if (c != ' ') digits += c;
    return digits;
}

CvrCheck check_cvr(std::string_view input) {
    const std::string digits = normalise_cvr(input);
    if (digits.empty()) return CvrCheck::Empty;
    for (char c : digits)
        if (c < '0' || c > '9') return CvrCheck::NotDigits;
    if (digits.size() != 8) return CvrCheck::WrongLength;
    if (digits[0] == '0') return CvrCheck::LeadingZero; // CVR numbers are never issued with a leading 0
    static const int kWeights[8] = {2, 7, 6, 5, 4, 3, 2, 1};
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += (digits[i] - '0') * kWeights[i];
    return sum % 11 == 0 ? CvrCheck::Valid : CvrCheck::BadChecksum;
}

const char* cvr_message(CvrCheck check, const std::string& lang) {
    const bool da = lang != "en";
    switch (check) {
    case CvrCheck::Valid: return "";
    case CvrCheck::Empty: return da ? "Skriv CVR-nummeret (8 cifre)." : "Enter the CVR number (8 digits).";
    case CvrCheck::WrongLength: return da ? "Et CVR-nummer har 8 cifre." : "A CVR number has 8 digits.";
    case CvrCheck::NotDigits: return da ? "Et CVR-nummer består kun af cifre." : "A CVR number contains digits only.";
    case CvrCheck::LeadingZero: return da ? "Et CVR-nummer begynder aldrig med 0." : "A CVR number never starts with 0.";
    case CvrCheck::BadChecksum:
        return da ? "Kontrolcifret passer ikke – tjek for tastefejl." : "The check digit does not match – check for typing errors.";
    }
    return "";
}

const char* cvr_check_id(CvrCheck check) {
    switch (check) {
    case CvrCheck::Valid: return "";
    case CvrCheck::Empty: return "empty";
    case CvrCheck::WrongLength: return "wrong_length";
    case CvrCheck::NotDigits: return "not_digits";
    case CvrCheck::LeadingZero: return "leading_zero";
    case CvrCheck::BadChecksum: return "bad_checksum";
    }
    return "";
}

} // namespace mf
