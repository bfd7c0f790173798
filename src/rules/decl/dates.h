// Spanish dates as Mexican portals write them: "31/12/2024", "31-12-24", "31 de diciembre de
// 2024", "31 de dic. del 2024", "31/Diciembre/2024", "martes 31 de diciembre, 2024" and ISO
// "2024-12-31". Day first, as in Mexico. Impossible dates (31/02/2024, 12/31/2024 read day
// first) and the Unix epoch placeholders (31/12/1969, 01/01/1970) are rejected, and callers
// are told why, so freshness rules can report them as data-quality defects.
#ifndef VERIFICA_RULES_DECL_DATES_H_
#define VERIFICA_RULES_DECL_DATES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verifica::rules::decl {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // Days since 1970-01-01 (proleptic Gregorian).
  int64_t DaysSinceEpoch() const;
  // "2024-12-31".
  std::string Iso() const;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// True when year/month/day is a real Gregorian date (years 1900..2199).
bool IsValidDate(int year, int month, int day);

// The date `days` after 1970-01-01.
CivilDate FromDaysSinceEpoch(int64_t days);

// "2024-12-31" (strictly ISO, as in --today); nullopt when malformed or impossible.
std::optional<CivilDate> ParseIsoDate(std::string_view s);

// Today in UTC.
CivilDate TodayUtc();

enum class DateProblem : uint8_t {
  kNone = 0,
  kImpossible,  // no such day (31/02, month 13, 12/31/2024 read day first)
  kEpoch,       // 31/12/1969 or 01/01/1970: an empty date field printed by a program
};

// One date written in a text.
struct DateMatch {
  size_t offset = 0;  // byte offset of the match in the searched text
  size_t length = 0;
  std::string text;  // as written (in the searched, folded text)
  CivilDate date;    // meaningful when problem == kNone (and, for kEpoch, the epoch date)
  DateProblem problem = DateProblem::kNone;
};

// Parses exactly one date (surrounding white space allowed). `text` should be folded
// (text::Fold) but upper case and accents are tolerated. Returns the match with `problem` set
// for impossible and epoch dates; nullopt when the text is not a date at all.
std::optional<DateMatch> ParseSpanishDate(std::string_view text);

// Every date written in `folded` (text::Fold output), in order of appearance, including the
// rejected ones (with `problem` set). At most `max_matches` are returned.
std::vector<DateMatch> FindSpanishDates(std::string_view folded, size_t max_matches = 1000);

}  // namespace verifica::rules::decl

#endif  // VERIFICA_RULES_DECL_DATES_H_
