// cvr.h - Danish CVR numbers (the company register): 8 digits, modulus-11 check.
// Weights 2,7,6,5,4,3,2,1; valid when the weighted digit sum is divisible by 11.
#pragma once
#include <string>
#include <string_view>

namespace mf {

enum class CvrCheck { Valid, Empty, WrongLength, NotDigits, LeadingZero, BadChecksum };

// Spaces are ignored ("1374 8136" is accepted), anything else is not.
CvrCheck check_cvr(std::string_view input);
std::string normalise_cvr(std::string_view input); // digits only
// A plain message for a respondent, in "da" or "en"; empty for Valid.
const char* cvr_message(CvrCheck check, const std::string& lang);
// A stable token for codes ("result.cvr.<token>", docs/diagnostics.md): "empty", "wrong_length",
// "not_digits", "leading_zero", "bad_checksum"; "" for Valid.
const char* cvr_check_id(CvrCheck check);

} // namespace mf
