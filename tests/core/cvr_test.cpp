#include "core/cvr.h"

#include <gtest/gtest.h>

using mf::check_cvr;
using mf::CvrCheck;

TEST(Cvr, AcceptsTheBusinessAuthoritysExamples) {
    EXPECT_EQ(check_cvr("13748136"), CvrCheck::Valid);
    EXPECT_EQ(check_cvr("24256790"), CvrCheck::Valid);
}

TEST(Cvr, RejectsAWrongCheckDigit) {
    EXPECT_EQ(check_cvr("24256791"), CvrCheck::BadChecksum);
    EXPECT_EQ(check_cvr("13748137"), CvrCheck::BadChecksum);
}

TEST(Cvr, IgnoresSpacesOnly) {
    EXPECT_EQ(check_cvr("1374 8136"), CvrCheck::Valid);
    EXPECT_EQ(check_cvr(" 13 74 81 36 "), CvrCheck::Valid);
    EXPECT_EQ(check_cvr("1374-8136"), CvrCheck::NotDigits);
    EXPECT_EQ(mf::normalise_cvr(" 1374 8136"), "13748136");
}

TEST(Cvr, ExplainsEveryKindOfMistake) {
    EXPECT_EQ(check_cvr(""), CvrCheck::Empty);
    EXPECT_EQ(check_cvr("   "), CvrCheck::Empty);
    EXPECT_EQ(check_cvr("1374813"), CvrCheck::WrongLength);
    EXPECT_EQ(check_cvr("137481360"), CvrCheck::WrongLength);
    EXPECT_EQ(check_cvr("1374813a"), CvrCheck::NotDigits);
    EXPECT_EQ(check_cvr("01234567"), CvrCheck::LeadingZero);
    for (CvrCheck c : {CvrCheck::Empty, CvrCheck::WrongLength, CvrCheck::NotDigits, CvrCheck::LeadingZero, CvrCheck::BadChecksum}) {
        EXPECT_STRNE(mf::cvr_message(c, "da"), "");
        EXPECT_STRNE(mf::cvr_message(c, "en"), "");
        EXPECT_STRNE(mf::cvr_message(c, "da"), mf::cvr_message(c, "en"));
    }
    EXPECT_STREQ(mf::cvr_message(CvrCheck::Valid, "da"), "");
}

TEST(Cvr, ChecksumAgreesWithTheWeightedSumForEveryLastDigit) {
    // For a fixed 7-digit prefix exactly one last digit can make the sum divisible by 11 (or none,
    // when the remainder needs a "10"). Count them to prove the rule is not always true or false.
    int valid = 0;
    for (char last = '0'; last <= '9'; ++last) {
        std::string cvr = std::string("1374813") + last;
        if (check_cvr(cvr) == CvrCheck::Valid) ++valid;
    }
    EXPECT_EQ(valid, 1);
}
