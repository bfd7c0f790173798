#include "rules/wcag/lang_tags.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace verifica::rules {
namespace {

TEST(LangTagsTest, Local_CodeListsLoad) {
  const Status s = CodeListStatus();
  EXPECT_TRUE(s.ok()) << s.message();
}

// RFC 5646 section 2.1: well-formed tags and their parts.
TEST(LangTagsTest, Rfc5646_WellFormed) {
  LanguageTagParse p = ParseLanguageTag("es");
  ASSERT_TRUE(p.tag);
  EXPECT_EQ(p.tag->language, "es");

  p = ParseLanguageTag("es-MX");
  ASSERT_TRUE(p.tag);
  EXPECT_EQ(p.tag->language, "es");
  EXPECT_EQ(p.tag->region, "MX");

  p = ParseLanguageTag("es-419");
  ASSERT_TRUE(p.tag);
  EXPECT_EQ(p.tag->region, "419");

  p = ParseLanguageTag("nah");
  ASSERT_TRUE(p.tag);
  EXPECT_EQ(p.tag->language, "nah");

  p = ParseLanguageTag("zh-Hant-TW");
  ASSERT_TRUE(p.tag);
  EXPECT_EQ(p.tag->script, "Hant");
  EXPECT_EQ(p.tag->region, "TW");

  p = ParseLanguageTag("x-private");
  ASSERT_TRUE(p.tag);
  EXPECT_EQ(p.tag->kind, LanguageTag::Kind::kPrivateUse);
  EXPECT_EQ(p.tag->private_use, "x-private");
  EXPECT_TRUE(p.tag->language.empty());

  p = ParseLanguageTag("zh-yue-HK");
  ASSERT_TRUE(p.tag);
  ASSERT_EQ(p.tag->extlangs.size(), 1u);
  EXPECT_EQ(p.tag->extlangs[0], "yue");

  p = ParseLanguageTag("sl-rozaj-biske-1994");
  ASSERT_TRUE(p.tag);
  EXPECT_EQ(p.tag->variants,
            (std::vector<std::string>{"rozaj", "biske", "1994"}));

  p = ParseLanguageTag("es-MX-u-nu-latn-x-gob");
  ASSERT_TRUE(p.tag);
  EXPECT_EQ(p.tag->extensions, (std::vector<std::string>{"u-nu-latn"}));
  EXPECT_EQ(p.tag->private_use, "x-gob");

  p = ParseLanguageTag("i-klingon");
  ASSERT_TRUE(p.tag);
  EXPECT_EQ(p.tag->kind, LanguageTag::Kind::kGrandfathered);
  EXPECT_TRUE(ParseLanguageTag("ZH-min-NAN").tag);

  // 4 letters (reserved) and 5-8 letters (registrable) are well-formed language
  // subtags.
  EXPECT_TRUE(ParseLanguageTag("abcd").tag);
  EXPECT_TRUE(ParseLanguageTag("english").tag);
}

TEST(LangTagsTest, Rfc5646_IllFormed) {
  for (const char* bad :
       {"", "e", "es_MX", "123", " es", "es-", "-es", "es--MX", "es-MX-GB", "x",
        "es-a", "es-a-x-y", "abcdefghi", "es-MX-#1", "ñ"}) {
    EXPECT_FALSE(ParseLanguageTag(bad).tag) << "'" << bad << "'";
  }
  EXPECT_EQ(ParseLanguageTag("en-US-GB").bad_subtag, "GB");
  EXPECT_EQ(ParseLanguageTag("es_MX").bad_subtag, "es_MX");
}

// Validity against iso-codes: ISO 639-1, 639-3 without a 639-1 code, 639-5,
// qaa-qtz.
TEST(LangTagsTest, Local_LanguageSubtagsFromIsoCodes) {
  for (const char* ok : {"es", "ES", "en", "nah", "nhe", "yua", "zap", "myn",
                         "qaa", "qtz", "und", "zxx"}) {
    EXPECT_TRUE(IsKnownLanguageSubtag(ok)) << ok;
  }
  // BCP 47 registers only the shortest code: "spa"/"eng" are not language
  // subtags.
  for (const char* bad :
       {"e", "english", "123", "", "spa", "eng", "fre", "em", "qua1", "xx"}) {
    EXPECT_FALSE(IsKnownLanguageSubtag(bad)) << bad;
  }
  EXPECT_EQ(TwoLetterEquivalent("spa"), "es");
  EXPECT_EQ(TwoLetterEquivalent("FRE"), "fr");  // ISO 639-2/B
  EXPECT_EQ(TwoLetterEquivalent("nah"), std::nullopt);
  EXPECT_EQ(CodeForEnglishName("Dutch"), "nl");
  EXPECT_EQ(CodeForEnglishName("Spanish"), "es");
}

TEST(LangTagsTest, Local_ScriptAndRegionSubtags) {
  EXPECT_TRUE(IsKnownScriptSubtag("Hant"));
  EXPECT_TRUE(IsKnownScriptSubtag("latn"));
  EXPECT_TRUE(IsKnownScriptSubtag("Qaab"));  // private use
  EXPECT_FALSE(IsKnownScriptSubtag("Abcd"));
  EXPECT_TRUE(IsKnownRegionSubtag("MX"));
  EXPECT_TRUE(IsKnownRegionSubtag("mx"));
  EXPECT_TRUE(
      IsKnownRegionSubtag("419"));  // UN M.49 Latin America and the Caribbean
  EXPECT_TRUE(IsKnownRegionSubtag("001"));
  EXPECT_TRUE(IsKnownRegionSubtag("XA"));    // private use
  EXPECT_FALSE(IsKnownRegionSubtag("484"));  // M.49 code of a country: use MX
  EXPECT_TRUE(IsKnownRegionSubtag("QQ"));    // private use (QM-QZ)
  EXPECT_FALSE(IsKnownRegionSubtag("OO"));
  EXPECT_FALSE(IsKnownRegionSubtag("M"));
}

TEST(LangTagsTest, ActBf051a_KnownPrimaryLanguage) {
  for (const char* ok :
       {"es", "es-MX", "es-419", "nah", "zh-Hant-TW", "FR", "de-hello"}) {
    const LangCheck c = CheckLanguageValue(ok);
    EXPECT_EQ(c.problem, LangProblem::kNone) << ok;
    EXPECT_TRUE(c.note_subtag.empty()) << ok << ": " << c.note_subtag;
  }
  // Primary language known, the rest not: passes (ACT), with a note for the
  // staff.
  LangCheck c = CheckLanguageValue("en-US-GB");
  EXPECT_EQ(c.problem, LangProblem::kNone);
  EXPECT_EQ(c.note_subtag, "GB");
  c = CheckLanguageValue("es-ZX");
  EXPECT_EQ(c.problem, LangProblem::kNone);
  EXPECT_EQ(c.note_subtag, "ZX");
  c = CheckLanguageValue("sr-Abcd");
  EXPECT_EQ(c.note_subtag, "Abcd");
}

TEST(LangTagsTest, ActBf051a_NoKnownPrimaryLanguage) {
  EXPECT_EQ(CheckLanguageValue("").problem, LangProblem::kBlank);
  EXPECT_EQ(CheckLanguageValue(" \t").problem, LangProblem::kBlank);
  EXPECT_EQ(CheckLanguageValue("e").problem, LangProblem::kUnknownLanguage);
  EXPECT_EQ(CheckLanguageValue("em-US").problem, LangProblem::kUnknownLanguage);
  EXPECT_EQ(CheckLanguageValue("123").problem, LangProblem::kUnknownLanguage);
  EXPECT_EQ(CheckLanguageValue("#1").problem, LangProblem::kSyntax);
  EXPECT_EQ(CheckLanguageValue("i-lux").problem, LangProblem::kGrandfathered);
  EXPECT_EQ(CheckLanguageValue("x-private").problem,
            LangProblem::kPrivateUseOnly);

  LangCheck c = CheckLanguageValue("es_MX");
  EXPECT_EQ(c.problem, LangProblem::kSyntax);
  EXPECT_EQ(c.suggestion, "es-MX");
  c = CheckLanguageValue(" es ");
  EXPECT_EQ(c.problem, LangProblem::kSyntax);
  EXPECT_EQ(c.suggestion, "es");

  c = CheckLanguageValue("eng");
  EXPECT_EQ(c.problem, LangProblem::kLongForm);
  EXPECT_EQ(c.suggestion, "en");
  c = CheckLanguageValue("spa-MX");
  EXPECT_EQ(c.problem, LangProblem::kLongForm);
  EXPECT_EQ(c.suggestion, "es-MX");

  c = CheckLanguageValue("english");
  EXPECT_EQ(c.problem, LangProblem::kUnknownLanguage);
  EXPECT_EQ(c.suggestion, "en");
  c = CheckLanguageValue("espanol");
  EXPECT_EQ(c.problem, LangProblem::kUnknownLanguage);
  EXPECT_TRUE(c.suggestion.empty());
}

TEST(LangTagsTest, Local_VerdictMessages) {
  EXPECT_EQ(LanguageVerdict("es-MX").message_id, "pass");
  EXPECT_EQ(LanguageVerdict("en-US-GB").message_id, "pass-note");
  EXPECT_EQ(LanguageVerdict("es_MX").message_id, "fail-syntax-hint");
  EXPECT_EQ(LanguageVerdict("#!").message_id, "fail-syntax");
  EXPECT_EQ(LanguageVerdict("eng").message_id, "fail-long-form");
  EXPECT_EQ(LanguageVerdict("dutch").message_id, "fail-unknown-hint");
  EXPECT_EQ(LanguageVerdict("em").message_id, "fail-unknown");
  EXPECT_EQ(LanguageVerdict("em-MX").message_id, "fail-unknown-primary");
  EXPECT_EQ(LanguageVerdict("nahuatl").message_id, "fail-unknown-hint");
  EXPECT_EQ(LanguageVerdict("nahuatl").args.at(1),
            "nah");  // ISO 639-5 "Nahuatl languages"
  EXPECT_EQ(LanguageVerdict("i-klingon").message_id, "fail-grandfathered");
  EXPECT_EQ(LanguageVerdict("x-gob").message_id, "fail-private-use");
  EXPECT_EQ(LanguageVerdict("  ").message_id, "fail-blank");
  EXPECT_EQ(LanguageVerdict("es").outcome, findings::Outcome::kPassed);
  EXPECT_EQ(LanguageVerdict("em").outcome, findings::Outcome::kFailed);
}

TEST(LangTagsTest, Local_ConcurrentFirstUse) {
  // The lists are loaded on first use; many threads asking at once must all see
  // them.
  std::vector<std::thread> threads;
  std::vector<int> results(8, 0);
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back(
        [&results, i] { results[i] = IsKnownLanguageSubtag("nah") ? 1 : 0; });
  }
  for (std::thread& t : threads) t.join();
  for (int r : results) EXPECT_EQ(r, 1);
}

}  // namespace
}  // namespace verifica::rules
