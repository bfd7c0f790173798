#include <gtest/gtest.h>

#include "testing/rule_harness.h"

namespace verifica {
namespace {

using findings::Outcome;
using testing::OutcomeOf;

TEST(PageTitleTest, Wcag242_TitleWithText) {
  EXPECT_EQ(OutcomeOf("wcag-page-title", "<html><head><title>Inicio</title></head></html>"),
            Outcome::kPassed);
}

TEST(PageTitleTest, Wcag242_MissingOrBlankTitle) {
  EXPECT_EQ(OutcomeOf("wcag-page-title", "<html><body>x</body></html>"), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-page-title", "<title> \n </title>"), Outcome::kFailed);
}

TEST(PageTitleTest, Act2779a5_FirstTitleCounts) {
  EXPECT_EQ(OutcomeOf("wcag-page-title", "<title></title><title>Segundo</title>"),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf("wcag-page-title", "<body><svg><title>svg</title></svg></body>"),
            Outcome::kFailed);
}

TEST(PageTitleTest, Act2779a5_NotHtmlIsInapplicable) {
  EXPECT_EQ(OutcomeOf("wcag-page-title", "<svg xmlns='http://www.w3.org/2000/svg'/>",
                      "image/svg+xml"),
            Outcome::kInapplicable);
}

}  // namespace
}  // namespace verifica
