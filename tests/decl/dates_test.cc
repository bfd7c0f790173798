// The Spanish date parser used by freshness rules (TR-FECHA-ACT, TR-STALENESS).
#include "rules/decl/dates.h"

#include <gtest/gtest.h>

#include "util/text.h"

namespace verifica::rules::decl {
namespace {

CivilDate D(int y, int m, int d) { return {y, m, d}; }

std::optional<CivilDate> Parse(std::string_view s) {
  auto m = ParseSpanishDate(text::Fold(s));
  if (!m || m->problem != DateProblem::kNone) return std::nullopt;
  return m->date;
}

TEST(DatesTest, Local_NumericDatesAreDayFirst) {
  EXPECT_EQ(Parse("31/12/2024"), D(2024, 12, 31));
  EXPECT_EQ(Parse("03/04/2024"), D(2024, 4, 3));  // 3 April, as written in Mexico
  EXPECT_EQ(Parse("3-4-2024"), D(2024, 4, 3));
  EXPECT_EQ(Parse("03.04.2024"), D(2024, 4, 3));
  EXPECT_EQ(Parse("31/12/24"), D(2024, 12, 31));
  EXPECT_EQ(Parse("1/1/99"), D(1999, 1, 1));
}

TEST(DatesTest, Local_IsoDates) {
  EXPECT_EQ(Parse("2024-12-31"), D(2024, 12, 31));
  EXPECT_EQ(Parse("2025/01/15"), D(2025, 1, 15));
}

TEST(DatesTest, Local_MonthNamesAndAbbreviations) {
  EXPECT_EQ(Parse("31 de diciembre de 2024"), D(2024, 12, 31));
  EXPECT_EQ(Parse("31 de Diciembre del 2024"), D(2024, 12, 31));
  EXPECT_EQ(Parse("31/Diciembre/2024"), D(2024, 12, 31));
  EXPECT_EQ(Parse("31-dic-2024"), D(2024, 12, 31));
  EXPECT_EQ(Parse("15 ENE. 2025"), D(2025, 1, 15));
  EXPECT_EQ(Parse("1o de septiembre de 2023"), D(2023, 9, 1));
  EXPECT_EQ(Parse("1º de sept. de 2023"), D(2023, 9, 1));
  EXPECT_EQ(Parse("5 de setiembre, 2023"), D(2023, 9, 5));
  EXPECT_EQ(Parse("28 de febrero de 2025"), D(2025, 2, 28));
  EXPECT_EQ(Parse("12 de mayo de 2025"), D(2025, 5, 12));
  EXPECT_EQ(Parse("12 may 2025"), D(2025, 5, 12));
}

TEST(DatesTest, Local_ImpossibleDatesAreRejected) {
  for (const char* s : {"31/02/2024", "30/02/2024", "29/02/2023", "12/31/2024", "00/01/2024",
                        "15/13/2024", "32 de enero de 2024", "2024-02-30"}) {
    auto m = ParseSpanishDate(text::Fold(s));
    ASSERT_TRUE(m.has_value()) << s;
    EXPECT_EQ(m->problem, DateProblem::kImpossible) << s;
  }
  auto leap = ParseSpanishDate("29/02/2024");
  ASSERT_TRUE(leap.has_value());
  EXPECT_EQ(leap->problem, DateProblem::kNone);
}

// Research §1.3: a CDMX central-portal entry shows "Validación: 31 Diciembre 1969", an empty
// date field printed by a program. Such dates are flagged, never taken as real.
TEST(DatesTest, Local_EpochPlaceholdersAreRejected) {
  for (const char* s : {"31 Diciembre 1969", "31/12/1969", "01/01/1970", "1970-01-01"}) {
    auto m = ParseSpanishDate(text::Fold(s));
    ASSERT_TRUE(m.has_value()) << s;
    EXPECT_EQ(m->problem, DateProblem::kEpoch) << s;
  }
}

TEST(DatesTest, Local_NotDates) {
  for (const char* s : {"", "diciembre", "2024", "31/12", "12345/12/2024", "31 de brumario de 2024",
                        "tel. 55 1234 5678", "1/2/3/4"}) {
    auto m = ParseSpanishDate(text::Fold(s));
    EXPECT_FALSE(m.has_value() && m->problem == DateProblem::kNone) << s;
  }
}

TEST(DatesTest, Local_FindsDatesInText) {
  const std::string t = text::Fold(
      "Fecha de actualización: 15/01/2025. Fecha de validación: martes 31 de diciembre de 2024; "
      "C.P. 06000, folio 12345/2024, creado el 2023-07-01T10:00 y validado el 31/02/2024.");
  auto dates = FindSpanishDates(t);
  ASSERT_EQ(dates.size(), 4u);
  EXPECT_EQ(dates[0].date, D(2025, 1, 15));
  EXPECT_EQ(dates[0].text, "15/01/2025");
  EXPECT_EQ(t.substr(dates[0].offset, dates[0].length), "15/01/2025");
  EXPECT_EQ(dates[1].date, D(2024, 12, 31));
  EXPECT_EQ(dates[2].date, D(2023, 7, 1));
  EXPECT_EQ(dates[3].problem, DateProblem::kImpossible);
}

TEST(DatesTest, Local_DigitsAroundAreNotPartOfADate) {
  EXPECT_TRUE(FindSpanishDates("ref 131/12/20245").empty());
  EXPECT_EQ(FindSpanishDates("a 1/12/2024b").size(), 1u);
}

TEST(DatesTest, Local_DayArithmetic) {
  EXPECT_EQ(D(1970, 1, 1).DaysSinceEpoch(), 0);
  EXPECT_EQ(D(2024, 12, 31).DaysSinceEpoch() - D(2024, 1, 1).DaysSinceEpoch(), 365);
  EXPECT_EQ(FromDaysSinceEpoch(D(2025, 3, 21).DaysSinceEpoch()), D(2025, 3, 21));
  EXPECT_EQ(ParseIsoDate("2025-06-30"), D(2025, 6, 30));
  EXPECT_FALSE(ParseIsoDate("30/06/2025").has_value());
  EXPECT_FALSE(ParseIsoDate("2025-02-29").has_value());
  EXPECT_EQ(D(2025, 1, 2).Iso(), "2025-01-02");
  EXPECT_GE(TodayUtc().year, 2024);
}

TEST(DatesTest, Local_HugeTextFinishes) {
  std::string t;
  for (int i = 0; i < 200000; ++i) t += "actualizacion 12/0";
  auto dates = FindSpanishDates(t);
  EXPECT_TRUE(dates.empty());
}

}  // namespace
}  // namespace verifica::rules::decl
