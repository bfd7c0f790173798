#include "rules/decl/dates.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <memory>

#include "util/pattern.h"
#include "util/text.h"

namespace verifica::rules::decl {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Month names and the abbreviations seen on portals, folded. "set"/"setiembre" are rarer
// spellings of septiembre.
struct MonthName {
  std::string_view name;
  int month;
};
constexpr std::array<MonthName, 27> kMonths = {{
    {"enero", 1},    {"febrero", 2},    {"marzo", 3},      {"abril", 4},      {"mayo", 5},
    {"junio", 6},    {"julio", 7},      {"agosto", 8},     {"septiembre", 9}, {"setiembre", 9},
    {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12}, {"ene", 1},        {"feb", 2},
    {"mar", 3},      {"abr", 4},        {"may", 5},        {"jun", 6},        {"jul", 7},
    {"ago", 8},      {"sept", 9},       {"sep", 9},        {"set", 9},        {"oct", 10},
    {"nov", 11},     {"dic", 12},
}};

int MonthFromWord(std::string_view w) {
  for (const MonthName& m : kMonths) {
    if (m.name == w) return m.month;
  }
  return 0;
}

// Candidate spans: the hand parser below decides what they mean. Digit boundaries are checked
// by the caller (RE2 has no look-around).
constexpr std::string_view kCandidate =
    R"(\d{4}[-/]\d{1,2}[-/]\d{1,2})"
    R"(|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})"
    R"(|\d{1,2}(?:o|ro|°|º)?\.?\s*(?:de\s+|/\s*|-\s*|\.\s*)?)"
    R"((?:septiembre|setiembre|noviembre|diciembre|octubre|febrero|agosto|enero|marzo|abril|)"
    R"(mayo|junio|julio|sept|sep|set|ene|feb|mar|abr|may|jun|jul|ago|oct|nov|dic))"
    R"(\.?\s*(?:del?\s+|/\s*|-\s*|,\s*|\.\s*)?\d{4})";

const Pattern* CandidatePattern() {
  static const std::shared_ptr<const Pattern> p = [] {
    Pattern::Options o;
    o.case_insensitive = true;
    auto r = Pattern::Compile(kCandidate, o);
    return r.ok() ? std::move(r).value() : nullptr;
  }();
  return p.get();
}

struct Token {
  enum Kind { kNumber, kWord, kSep } kind;
  std::string_view text;
};

// Splits a candidate into numbers, words and single-character separators; spaces separate.
std::vector<Token> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (IsDigit(c)) {
      size_t j = i;
      while (j < s.size() && IsDigit(s[j])) ++j;
      out.push_back({Token::kNumber, s.substr(i, j - i)});
      i = j;
    } else if (IsAsciiLetter(c)) {
      size_t j = i;
      while (j < s.size() && IsAsciiLetter(s[j])) ++j;
      out.push_back({Token::kWord, s.substr(i, j - i)});
      i = j;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
    } else if (c == '/' || c == '-' || c == '.' || c == ',') {
      out.push_back({Token::kSep, s.substr(i, 1)});
      ++i;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      // Ordinal signs (°, º): part of "1º de enero"; skip the whole code point.
      size_t j = i + 1;
      while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
      out.push_back({Token::kWord, s.substr(i, j - i)});
      i = j;
    } else {
      out.push_back({Token::kSep, s.substr(i, 1)});
      ++i;
    }
  }
  return out;
}

int ToInt(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

int ExpandYear(std::string_view digits) {
  const int y = ToInt(digits);
  if (digits.size() == 4) return y;
  if (digits.size() == 2) return y <= 69 ? 2000 + y : 1900 + y;
  return -1;  // 1 or 3 digits: not a year
}

std::optional<DateMatch> Classify(int y, int m, int d, std::string_view written) {
  DateMatch dm;
  dm.text = std::string(written);
  dm.length = written.size();
  if (y < 0 || !IsValidDate(y, m, d)) {
    dm.problem = DateProblem::kImpossible;
    return dm;
  }
  dm.date = {y, m, d};
  if ((y == 1969 && m == 12 && d == 31) || (y == 1970 && m == 1 && d == 1)) {
    dm.problem = DateProblem::kEpoch;
  }
  return dm;
}

std::optional<DateMatch> ParseTokens(std::string_view written) {
  std::string lowered = text::AsciiLower(written);
  std::vector<Token> t = Tokenize(lowered);
  // Numeric: ISO y-m-d, or day-first d/m/y with one kind of separator.
  if (t.size() == 5 && t[0].kind == Token::kNumber && t[1].kind == Token::kSep &&
      t[2].kind == Token::kNumber && t[3].kind == Token::kSep && t[4].kind == Token::kNumber) {
    if (t[1].text != t[3].text) return std::nullopt;
    if (t[0].text.size() == 4) {
      if (t[1].text != "-" && t[1].text != "/") return std::nullopt;
      if (t[2].text.size() > 2 || t[4].text.size() > 2) return std::nullopt;
      return Classify(ToInt(t[0].text), ToInt(t[2].text), ToInt(t[4].text), written);
    }
    if (t[0].text.size() > 2 || t[2].text.size() > 2) return std::nullopt;
    if (t[4].text.size() != 2 && t[4].text.size() != 4) return std::nullopt;
    return Classify(ExpandYear(t[4].text), ToInt(t[2].text), ToInt(t[0].text), written);
  }
  // Textual: day [ordinal] [sep|de] month [.] [sep|de|del] year.
  size_t i = 0;
  if (t.empty() || t[0].kind != Token::kNumber || t[0].text.size() > 2) return std::nullopt;
  const int day = ToInt(t[0].text);
  ++i;
  if (i < t.size() && t[i].kind == Token::kWord &&
      (t[i].text == "o" || t[i].text == "ro" || t[i].text == "\xC2\xB0" ||
       t[i].text == "\xC2\xBA")) {
    ++i;
  }
  while (i < t.size() && (t[i].kind == Token::kSep || t[i].text == "de")) ++i;
  if (i >= t.size() || t[i].kind != Token::kWord) return std::nullopt;
  const int month = MonthFromWord(t[i].text);
  if (month == 0) return std::nullopt;
  ++i;
  while (i < t.size() && (t[i].kind == Token::kSep || t[i].text == "de" || t[i].text == "del")) {
    ++i;
  }
  if (i + 1 != t.size() || t[i].kind != Token::kNumber || t[i].text.size() != 4) {
    return std::nullopt;
  }
  return Classify(ToInt(t[i].text), month, day, written);
}

}  // namespace

int64_t CivilDate::DaysSinceEpoch() const {
  // Howard Hinnant's days_from_civil.
  int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string CivilDate::Iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

CivilDate FromDaysSinceEpoch(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return {y, m, d};
}

bool IsValidDate(int year, int month, int day) {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[month - 1];
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) max = 29;
  return day <= max;
}

std::optional<CivilDate> ParseIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return std::nullopt;
  }
  const int y = ToInt(s.substr(0, 4)), m = ToInt(s.substr(5, 2)), d = ToInt(s.substr(8, 2));
  if (!IsValidDate(y, m, d)) return std::nullopt;
  return CivilDate{y, m, d};
}

CivilDate TodayUtc() {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
  return FromDaysSinceEpoch(days);
}

std::optional<DateMatch> ParseSpanishDate(std::string_view s) {
  std::string_view trimmed = text::TrimHtmlSpace(s);
  const Pattern* p = CandidatePattern();
  if (p == nullptr || trimmed.empty() || !p->FullMatch(trimmed)) return std::nullopt;
  return ParseTokens(trimmed);
}

std::vector<DateMatch> FindSpanishDates(std::string_view folded, size_t max_matches) {
  std::vector<DateMatch> out;
  const Pattern* p = CandidatePattern();
  if (p == nullptr) return out;
  size_t pos = 0;
  while (pos < folded.size() && out.size() < max_matches) {
    auto m = p->Find(folded.substr(pos));
    if (!m) break;
    const size_t off = pos + m->first;
    const size_t len = m->second;
    const bool digit_before = off > 0 && IsDigit(folded[off - 1]);
    const bool digit_after = off + len < folded.size() && IsDigit(folded[off + len]);
    if (digit_before || digit_after || len == 0) {
      pos = off + 1;
      continue;
    }
    if (auto dm = ParseTokens(folded.substr(off, len)); dm) {
      dm->offset = off;
      out.push_back(std::move(*dm));
    }
    pos = off + len;
  }
  return out;
}

}  // namespace verifica::rules::decl
