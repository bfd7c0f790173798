#include "rules/wcag/lang_tags.h"

#include <algorithm>
#include <array>
#include <exception>
#include <functional>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

#include "util/embedded.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

using nlohmann::json;

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

bool AllOf(std::string_view s, bool (*pred)(char)) {
  return !s.empty() && std::all_of(s.begin(), s.end(), pred);
}
bool IsAlpha(std::string_view s) { return AllOf(s, IsAsciiAlpha); }
bool IsDigits(std::string_view s) { return AllOf(s, IsAsciiDigit); }
bool IsAlnum(std::string_view s) { return AllOf(s, IsAsciiAlnum); }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::vector<std::string_view> SplitHyphens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t dash = s.find('-', start);
    if (dash == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, dash - start));
    start = dash + 1;
  }
}

// RFC 5646 section 2.1, rule "grandfathered": the irregular and regular tags,
// which the grammar lists by name (they predate the subtag structure).
constexpr std::array<std::string_view, 26> kGrandfathered = {
    // irregular
    "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak",
    "i-klingon", "i-lux", "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay",
    "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de",
    // regular
    "art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu", "zh-hakka",
    "zh-min", "zh-min-nan", "zh-xiang"};

// UN M.49 area codes that BCP 47 accepts as region subtags. Source: UN
// Statistics Division, "Standard country or area codes for statistical use
// (M49)", the regions and sub-regions (continental and sub-continental areas,
// plus 419 Latin America and the Caribbean and 202 Sub-Saharan Africa), as
// registered in the IANA Language Subtag Registry (RFC 5646 section 2.2.4:
// country codes come from ISO 3166-1, M.49 only for areas). iso-codes has no
// M.49 list, hence this short one.
constexpr std::array<std::string_view, 31> kM49Areas = {
    "001", "002", "003", "005", "009", "011", "013", "014", "015", "017", "018",
    "019", "021", "029", "030", "034", "035", "039", "053", "054", "057", "061",
    "142", "143", "145", "150", "151", "154", "155", "202", "419"};

// Alpha-2 region subtags outside ISO 3166-1's assigned list that BCP 47 also
// accepts. Source: RFC 5646 section 2.2.4 (private-use codes AA, QM-QZ, XA-XZ,
// ZZ) and the IANA Language Subtag Registry (EU European Union, EZ Eurozone, UN
// United Nations).
bool IsExtraRegion(std::string_view upper) {
  if (upper.size() != 2) return false;
  if (upper == "AA" || upper == "ZZ" || upper == "EU" || upper == "EZ" ||
      upper == "UN") {
    return true;
  }
  if (upper[0] == 'Q' && upper[1] >= 'M' && upper[1] <= 'Z') return true;
  if (upper[0] == 'X' && upper[1] >= 'A' && upper[1] <= 'Z') return true;
  return false;
}

struct CodeLists {
  Status status;
  std::unordered_set<std::string> languages;  // lower case
  std::unordered_set<std::string> iso639_3;   // lower case, every alpha_3
  std::unordered_map<std::string, std::string>
      two_letter;  // alpha-3 (T and B) → alpha-2
  std::unordered_map<std::string, std::string>
      english_name;                         // lower-case name → code
  std::unordered_set<std::string> scripts;  // lower case
  std::unordered_set<std::string> regions;  // upper case alpha-2
};

const std::string* StringField(const json& entry, const char* key) {
  auto it = entry.find(key);
  if (it == entry.end() || !it->is_string()) return nullptr;
  return it->get_ptr<const std::string*>();
}

// Calls `fn` for each object of the array `key` in the embedded iso-codes file
// `name`.
Status ForEachEntry(std::string_view name, const char* key,
                    const std::function<void(const json&)>& fn) {
  const std::optional<std::string_view> data = embedded::Find(name);
  if (!data)
    return NotFound("embedded code list missing: " + std::string(name));
  const json doc = json::parse(*data, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return InvalidArgument(std::string(name) + ": not a JSON object");
  }
  auto list = doc.find(key);
  if (list == doc.end() || !list->is_array() || list->empty()) {
    return InvalidArgument(std::string(name) + ": /" + key +
                           ": missing or empty array");
  }
  for (const json& entry : *list) {
    if (entry.is_object()) fn(entry);
  }
  return Status::Ok();
}

CodeLists LoadUnguarded() {
  CodeLists lists;
  Status s =
      ForEachEntry("iso-codes/iso_639-3.json", "639-3", [&](const json& e) {
        const std::string* a3 = StringField(e, "alpha_3");
        if (a3 == nullptr || a3->size() != 3) return;
        const std::string code = text::AsciiLower(*a3);
        lists.iso639_3.insert(code);
        const std::string* a2 = StringField(e, "alpha_2");
        if (a2 != nullptr && a2->size() == 2) {
          const std::string two = text::AsciiLower(*a2);
          lists.languages.insert(two);
          lists.two_letter.emplace(code, two);
          if (const std::string* b = StringField(e, "bibliographic");
              b != nullptr && b->size() == 3) {
            lists.two_letter.emplace(text::AsciiLower(*b), two);
          }
        } else {
          lists.languages.insert(code);
        }
        if (const std::string* name = StringField(e, "name"); name != nullptr) {
          lists.english_name.emplace(
              text::AsciiLower(*name),
              a2 != nullptr && a2->size() == 2 ? text::AsciiLower(*a2) : code);
        }
      });
  if (!s.ok()) {
    lists.status = s;
    return lists;
  }
  s = ForEachEntry("iso-codes/iso_639-5.json", "639-5", [&](const json& e) {
    const std::string* a3 = StringField(e, "alpha_3");
    if (a3 == nullptr || a3->size() != 3) return;
    const std::string code = text::AsciiLower(*a3);
    lists.languages.insert(code);
    // "Nahuatl languages" → "nahuatl", for hints on values like lang="nahuatl".
    if (const std::string* name = StringField(e, "name"); name != nullptr) {
      std::string n = text::AsciiLower(*name);
      constexpr std::string_view kSuffix = " languages";
      if (n.size() > kSuffix.size() &&
          n.compare(n.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0) {
        n.resize(n.size() - kSuffix.size());
        lists.english_name.emplace(std::move(n), code);
      }
    }
  });
  if (!s.ok()) {
    lists.status = s;
    return lists;
  }
  s = ForEachEntry("iso-codes/iso_15924.json", "15924", [&](const json& e) {
    const std::string* a4 = StringField(e, "alpha_4");
    if (a4 != nullptr && a4->size() == 4)
      lists.scripts.insert(text::AsciiLower(*a4));
  });
  if (!s.ok()) {
    lists.status = s;
    return lists;
  }
  s = ForEachEntry("iso-codes/iso_3166-1.json", "3166-1", [&](const json& e) {
    const std::string* a2 = StringField(e, "alpha_2");
    if (a2 != nullptr && a2->size() == 2) lists.regions.insert(Upper(*a2));
  });
  if (!s.ok()) {
    lists.status = s;
    return lists;
  }
  if (lists.languages.empty() || lists.scripts.empty() ||
      lists.regions.empty()) {
    lists.status = InvalidArgument("embedded iso-codes lists are empty");
  }
  return lists;
}

// The loader boundary: nlohmann may throw (e.g. on allocation); nothing escapes
// from here.
CodeLists Load() noexcept {
  try {
    return LoadUnguarded();
  } catch (const std::exception& e) {
    CodeLists lists;
    lists.status = InternalError(std::string("reading iso-codes: ") + e.what());
    return lists;
  } catch (...) {
    CodeLists lists;
    lists.status = InternalError("reading iso-codes failed");
    return lists;
  }
}

const CodeLists& Lists() {
  // C++11 guarantees thread-safe initialisation of function-local statics.
  static const CodeLists lists = Load();
  return lists;
}

bool IsPrivateUseLanguage(std::string_view lower) {
  // qaa..qtz
  return lower.size() == 3 && lower[0] == 'q' && lower[1] >= 'a' &&
         lower[1] <= 't' && lower[2] >= 'a' && lower[2] <= 'z';
}

bool IsPrivateUseScript(std::string_view lower) {
  // Qaaa..Qabx
  if (lower.size() != 4 || lower[0] != 'q' || lower[1] != 'a') return false;
  if (lower[2] == 'a') return lower[3] >= 'a' && lower[3] <= 'z';
  if (lower[2] == 'b') return lower[3] >= 'a' && lower[3] <= 'x';
  return false;
}

std::string Shown(std::string_view value) {
  // Values are page content: keep messages short.
  constexpr size_t kMax = 64;
  if (value.size() <= kMax) return std::string(value);
  return std::string(text::TruncateUtf8(value, kMax)) + "…";
}

}  // namespace

LanguageTagParse ParseLanguageTag(std::string_view text) {
  LanguageTagParse out;
  const std::vector<std::string_view> parts = SplitHyphens(text);
  for (std::string_view p : parts) {
    if (p.empty() || p.size() > 8 || !IsAlnum(p)) {
      out.bad_subtag = std::string(p);
      return out;
    }
  }
  LanguageTag tag;
  if (IsGrandfatheredTag(text)) {
    tag.kind = LanguageTag::Kind::kGrandfathered;
    tag.language = std::string(parts[0]);
    out.tag = std::move(tag);
    return out;
  }
  size_t i = 0;
  const size_t n = parts.size();
  auto is_x = [](std::string_view p) { return p == "x" || p == "X"; };
  // privateuse = "x" 1*("-" (1*8alphanum))
  auto take_private_use = [&]() -> bool {
    if (i + 1 >= n) return false;
    std::string pu(parts[i]);
    for (size_t k = i + 1; k < n; ++k) pu += "-" + std::string(parts[k]);
    tag.private_use = std::move(pu);
    i = n;
    return true;
  };
  if (is_x(parts[0])) {
    if (!take_private_use()) {
      out.bad_subtag = std::string(parts[0]);
      return out;
    }
    tag.kind = LanguageTag::Kind::kPrivateUse;
    out.tag = std::move(tag);
    return out;
  }
  // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA
  if (!IsAlpha(parts[0]) || parts[0].size() < 2) {
    out.bad_subtag = std::string(parts[0]);
    return out;
  }
  tag.language = std::string(parts[0]);
  i = 1;
  if (tag.language.size() <= 3) {
    // extlang = 3ALPHA *2("-" 3ALPHA)
    while (i < n && tag.extlangs.size() < 3 && parts[i].size() == 3 &&
           IsAlpha(parts[i])) {
      tag.extlangs.emplace_back(parts[i++]);
    }
  }
  if (i < n && parts[i].size() == 4 && IsAlpha(parts[i]))
    tag.script = std::string(parts[i++]);
  if (i < n && ((parts[i].size() == 2 && IsAlpha(parts[i])) ||
                (parts[i].size() == 3 && IsDigits(parts[i])))) {
    tag.region = std::string(parts[i++]);
  }
  // variant = 5*8alphanum / (DIGIT 3alphanum)
  while (i < n && (parts[i].size() >= 5 ||
                   (parts[i].size() == 4 && IsAsciiDigit(parts[i][0])))) {
    tag.variants.emplace_back(parts[i++]);
  }
  // extension = singleton 1*("-" (2*8alphanum))
  while (i < n && parts[i].size() == 1 && !is_x(parts[i])) {
    std::string ext(parts[i]);
    const size_t singleton_at = i++;
    size_t count = 0;
    while (i < n && parts[i].size() >= 2) {
      ext += "-" + std::string(parts[i++]);
      ++count;
    }
    if (count == 0) {
      out.bad_subtag = std::string(parts[singleton_at]);
      return out;
    }
    tag.extensions.push_back(std::move(ext));
  }
  if (i < n && is_x(parts[i])) {
    if (!take_private_use()) {
      out.bad_subtag = std::string(parts[i]);
      return out;
    }
  }
  if (i < n) {
    out.bad_subtag = std::string(parts[i]);
    return out;
  }
  out.tag = std::move(tag);
  return out;
}

std::optional<std::string_view> LenientPrimarySubtag(std::string_view text) {
  if (text.empty()) return std::nullopt;
  for (std::string_view p : SplitHyphens(text)) {
    if (!IsAlnum(p)) return std::nullopt;
  }
  return text.substr(0, text.find('-'));
}

bool IsKnownLanguageSubtag(std::string_view subtag) {
  if (subtag.size() < 2 || subtag.size() > 3 || !IsAlpha(subtag)) return false;
  const std::string lower = text::AsciiLower(subtag);
  if (IsPrivateUseLanguage(lower)) return true;
  return Lists().languages.count(lower) > 0;
}

bool IsKnownExtlangSubtag(std::string_view subtag) {
  if (subtag.size() != 3 || !IsAlpha(subtag)) return false;
  return Lists().iso639_3.count(text::AsciiLower(subtag)) > 0;
}

bool IsKnownScriptSubtag(std::string_view subtag) {
  if (subtag.size() != 4 || !IsAlpha(subtag)) return false;
  const std::string lower = text::AsciiLower(subtag);
  return IsPrivateUseScript(lower) || Lists().scripts.count(lower) > 0;
}

bool IsKnownRegionSubtag(std::string_view subtag) {
  if (subtag.size() == 3 && IsDigits(subtag)) {
    return std::find(kM49Areas.begin(), kM49Areas.end(), subtag) !=
           kM49Areas.end();
  }
  if (subtag.size() != 2 || !IsAlpha(subtag)) return false;
  const std::string upper = Upper(subtag);
  return IsExtraRegion(upper) || Lists().regions.count(upper) > 0;
}

bool IsGrandfatheredTag(std::string_view text) {
  const std::string lower = text::AsciiLower(text);
  return std::find(kGrandfathered.begin(), kGrandfathered.end(), lower) !=
         kGrandfathered.end();
}

std::optional<std::string> TwoLetterEquivalent(std::string_view alpha3) {
  if (alpha3.size() != 3) return std::nullopt;
  const auto& map = Lists().two_letter;
  auto it = map.find(text::AsciiLower(alpha3));
  if (it == map.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> CodeForEnglishName(std::string_view name) {
  const auto& map = Lists().english_name;
  auto it = map.find(text::AsciiLower(name));
  if (it == map.end()) return std::nullopt;
  return it->second;
}

Status CodeListStatus() { return Lists().status; }

LangCheck CheckLanguageValue(std::string_view value) {
  LangCheck check;
  if (text::TrimHtmlSpace(value).empty()) {
    check.problem = LangProblem::kBlank;
    return check;
  }
  if (!Lists().status.ok()) {
    check.problem = LangProblem::kNoData;
    return check;
  }
  const std::optional<std::string_view> primary = LenientPrimarySubtag(value);
  if (!primary) {
    check.problem = LangProblem::kSyntax;
    // The usual slips: surrounding spaces, '_' as in locale names ("es_MX").
    std::string fixed(text::TrimHtmlSpace(value));
    std::replace(fixed.begin(), fixed.end(), '_', '-');
    if (std::optional<std::string_view> p = LenientPrimarySubtag(fixed);
        p && IsKnownLanguageSubtag(*p)) {
      check.suggestion = fixed;
    }
    return check;
  }
  check.primary = text::AsciiLower(*primary);
  if (IsKnownLanguageSubtag(*primary)) {
    // Known: look further, for the staff's information only.
    const LanguageTagParse parse = ParseLanguageTag(value);
    if (!parse.tag) {
      check.note_subtag = parse.bad_subtag;
      return check;
    }
    const LanguageTag& tag = *parse.tag;
    if (tag.kind != LanguageTag::Kind::kLangtag) return check;
    for (const std::string& e : tag.extlangs) {
      if (!IsKnownExtlangSubtag(e)) {
        check.note_subtag = e;
        return check;
      }
    }
    if (!tag.script.empty() && !IsKnownScriptSubtag(tag.script)) {
      check.note_subtag = tag.script;
    } else if (!tag.region.empty() && !IsKnownRegionSubtag(tag.region)) {
      check.note_subtag = tag.region;
    }
    return check;
  }
  if (IsGrandfatheredTag(value)) {
    check.problem = LangProblem::kGrandfathered;
    return check;
  }
  if (check.primary == "x") {
    check.problem = LangProblem::kPrivateUseOnly;
    return check;
  }
  if (std::optional<std::string> two = TwoLetterEquivalent(check.primary)) {
    check.problem = LangProblem::kLongForm;
    check.suggestion = *two + std::string(value.substr(primary->size()));
    return check;
  }
  check.problem = LangProblem::kUnknownLanguage;
  if (primary->size() > 3) {
    if (std::optional<std::string> code = CodeForEnglishName(*primary))
      check.suggestion = *code;
  }
  return check;
}

Verdict LanguageVerdict(std::string_view value) {
  const LangCheck check = CheckLanguageValue(value);
  const std::string shown = Shown(value);
  switch (check.problem) {
    case LangProblem::kNone:
      if (!check.note_subtag.empty()) {
        return Pass("pass-note",
                    {shown, check.primary, Shown(check.note_subtag)});
      }
      return Pass("pass", {shown});
    case LangProblem::kBlank:
      return Fail("fail-blank");
    case LangProblem::kSyntax:
      if (!check.suggestion.empty())
        return Fail("fail-syntax-hint", {shown, check.suggestion});
      return Fail("fail-syntax", {shown});
    case LangProblem::kGrandfathered:
      return Fail("fail-grandfathered", {shown});
    case LangProblem::kPrivateUseOnly:
      return Fail("fail-private-use", {shown});
    case LangProblem::kLongForm:
      return Fail("fail-long-form",
                  {shown, check.primary, Shown(check.suggestion)});
    case LangProblem::kUnknownLanguage:
      if (!check.suggestion.empty())
        return Fail("fail-unknown-hint", {shown, check.suggestion});
      if (text::EqualsIgnoreAsciiCase(check.primary, value)) {
        return Fail("fail-unknown", {shown});
      }
      return Fail("fail-unknown-primary", {shown, Shown(check.primary)});
    case LangProblem::kNoData:
      return Review("error-data");
  }
  return Review("error-data");
}

}  // namespace verifica::rules
