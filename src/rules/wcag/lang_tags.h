// BCP 47 language tags (RFC 5646): a well-formedness parser, and the validity
// of subtags checked against real code lists — Debian's iso-codes JSON files
// (ISO 639-3, ISO 639-5, ISO 15924, ISO 3166-1), embedded in the binary at
// build time, plus the UN M.49 area codes.
//
// The ACT rules on the lang attribute (b5c3f8, bf051a, de46e4) only require a
// "known primary language tag": the first '-'-separated subtag must be a
// registered language subtag. The full parse is used to tell the staff about a
// bad script, region or syntax, without failing on it.
#ifndef VERIFICA_RULES_WCAG_LANG_TAGS_H_
#define VERIFICA_RULES_WCAG_LANG_TAGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/engine/rule.h"
#include "util/status.h"

namespace verifica::rules {

// A well-formed tag, split into its parts. Subtags are kept as written (tags
// are case-insensitive; the lookups below ignore case).
struct LanguageTag {
  enum class Kind : uint8_t {
    kLangtag,        // language ["-" script] ["-" region] *variant *extension
                     // [privateuse]
    kPrivateUse,     // "x-..." only
    kGrandfathered,  // one of the 26 tags of RFC 5646's "grandfathered" rule
  };
  Kind kind = Kind::kLangtag;
  std::string language;  // primary language subtag; for grandfathered tags, the
                         // part before '-'
  std::vector<std::string> extlangs;
  std::string script;
  std::string region;
  std::vector<std::string> variants;
  std::vector<std::string>
      extensions;  // each "singleton-subtag[-subtag...]", e.g. "u-nu-latn"
  std::string private_use;  // "x-..." including the "x", or ""
};

// Result of the well-formedness parse: the tag, or the first subtag where it
// went wrong.
struct LanguageTagParse {
  std::optional<LanguageTag> tag;
  std::string
      bad_subtag;  // set when !tag: the offending subtag ("" for an empty one)
};

// Parses `text` per the ABNF of RFC 5646 section 2.1 (ASCII case-insensitive).
// Nothing is trimmed: white space, '_' or any character other than ASCII
// letters, digits and '-' makes the tag ill-formed.
LanguageTagParse ParseLanguageTag(std::string_view text);

// The primary language subtag read as the ACT rules read a tag ("known primary
// language tag"): the text before the first '-', provided the whole value is a
// '-'-separated sequence of non-empty ASCII alphanumeric subtags. std::nullopt
// otherwise ("es_MX", " es", "#1", "").
std::optional<std::string_view> LenientPrimarySubtag(std::string_view text);

// Registry lookups, all ASCII case-insensitive.
// A language subtag of the IANA registry: ISO 639-1 two-letter codes; ISO 639-3
// three-letter codes that have no two-letter equivalent (BCP 47 registers only
// the shortest code); ISO 639-5 collective codes; and the private-use range
// qaa–qtz.
bool IsKnownLanguageSubtag(std::string_view subtag);
// A three-letter ISO 639-3 code usable as an extended language subtag
// (extlang).
bool IsKnownExtlangSubtag(std::string_view subtag);
// An ISO 15924 script code, or the private-use range Qaaa–Qabx.
bool IsKnownScriptSubtag(std::string_view subtag);
// An ISO 3166-1 alpha-2 code, a private-use code (AA, QM–QZ, XA–XZ, ZZ), or a
// UN M.49 area code registered in BCP 47 (e.g. 419, Latin America and the
// Caribbean).
bool IsKnownRegionSubtag(std::string_view subtag);
// One of RFC 5646's grandfathered tags (irregular like "i-klingon", or regular
// like "zh-min-nan").
bool IsGrandfatheredTag(std::string_view text);

// The two-letter code of a three-letter ISO 639-2/639-3 code that has one
// ("spa" → "es", "fre" → "fr"), else std::nullopt.
std::optional<std::string> TwoLetterEquivalent(std::string_view alpha3);
// The code of a language from its English name in ISO 639-3 ("Dutch" → "nl"),
// else nullopt.
std::optional<std::string> CodeForEnglishName(std::string_view name);

// OK when the embedded code lists were found and read (they are parsed once,
// lazily, on first use, and safely from any thread).
Status CodeListStatus();

// What is wrong with a lang attribute value, as the rules report it.
enum class LangProblem : uint8_t {
  kNone,            // the primary language subtag is known
  kBlank,           // empty or only ASCII white space
  kSyntax,          // not a '-'-separated sequence of letters and digits
  kGrandfathered,   // a grandfathered tag whose first subtag is not a language
                    // ("i-lux")
  kPrivateUseOnly,  // "x-..." names no language
  kLongForm,  // a three-letter code whose two-letter code must be used ("spa" →
              // "es")
  kUnknownLanguage,  // the primary subtag is not a registered language subtag
  kNoData,           // the code lists could not be read (a build problem)
};

struct LangCheck {
  LangProblem problem = LangProblem::kNone;
  std::string primary;     // the primary subtag, lower case, when there is one
  std::string suggestion;  // a likely correct value, when one can be guessed
                           // ("es-MX" for "es_MX")
  // Only when problem == kNone: a subtag that makes the tag ill-formed or
  // invalid after a known primary language (an unknown script or region, a
  // misplaced subtag). ACT does not count this as a failure; the rules mention
  // it in the pass message.
  std::string note_subtag;
};

// Checks one lang attribute value.
LangCheck CheckLanguageValue(std::string_view value);

// The verdict of the lang-validity rules (wcag-html-lang-valid,
// wcag-element-lang-valid) for a value already known to be applicable. Message
// ids and arguments are documented in rules/wcag/wcag-html-lang-valid.md; both
// rules' metadata define the same messages.
Verdict LanguageVerdict(std::string_view value);

}  // namespace verifica::rules

#endif  // VERIFICA_RULES_WCAG_LANG_TAGS_H_
