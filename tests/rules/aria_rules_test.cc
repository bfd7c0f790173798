// Unit tests of the four ARIA rules: wcag-aria-attr-defined (ACT 5f99a7),
// wcag-aria-attr-valid-value (6a7281), wcag-role-valid (674b10), wcag-aria-required-attr (4e8ab6).
#include "rules/wcag/aria_rules.h"

#include <gtest/gtest.h>

#include <string>

#include "testing/rule_harness.h"

namespace verifica {
namespace {

using findings::Outcome;
using testing::OutcomeOf;
using testing::RunRule;

constexpr char kDefined[] = "wcag-aria-attr-defined";
constexpr char kValue[] = "wcag-aria-attr-valid-value";
constexpr char kRole[] = "wcag-role-valid";
constexpr char kRequired[] = "wcag-aria-required-attr";

// The Spanish message of the first finding with outcome `o`.
std::string MessageOf(const findings::RuleResult& r, Outcome o) {
  for (const auto& f : r.findings) {
    if (f.outcome == o) return f.message.es;
  }
  return "";
}

// --- wcag-aria-attr-defined -------------------------------------------------------------------

TEST(AriaAttrDefinedTest, Act5f99a7_DefinedAttributesPass) {
  EXPECT_EQ(OutcomeOf(kDefined, "<article aria-atomic='true'>Aviso</article>"), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kDefined, "<div role='dialog' aria-modal='true' aria-label='Aviso'></div>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kDefined, "<input type='number' aria-valuemax='100' aria-valuemin='0'>"),
            Outcome::kPassed);
}

TEST(AriaAttrDefinedTest, Act5f99a7_UndefinedAttributesFail) {
  EXPECT_EQ(OutcomeOf(kDefined, "<div role='checkbox' aria-not-checked='true'>Acepto</div>"),
            Outcome::kFailed);
  const auto r = RunRule(kDefined, "<div role='searchbox' aria-labelled='x'>01-01-2019</div>");
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_NE(MessageOf(r, Outcome::kFailed).find("aria-labelledby"), std::string::npos)
      << "a near miss names the attribute the author probably meant";
}

TEST(AriaAttrDefinedTest, Act5f99a7_NoAriaAttributeIsInapplicable) {
  EXPECT_EQ(OutcomeOf(kDefined, "<canvas> </canvas>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kDefined, "<p data-aria='x' role='note'>Nota</p>"), Outcome::kInapplicable);
}

TEST(AriaAttrDefinedTest, Act5f99a7_AnyElementAnyNamespace) {
  EXPECT_EQ(OutcomeOf(kDefined, "<svg><rect aria-labeledby='t'/></svg>"), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kDefined, "<div aria-hidden='true'><span aria-lable='x'></span></div>"),
            Outcome::kFailed);
}

TEST(AriaAttrDefinedTest, Local_SeveralUnknownAttributesAreListed) {
  const auto r = RunRule(kDefined, "<button aria-hiden='true' aria-role='button'>Ver</button>");
  ASSERT_EQ(r.failed, 1u);
  const std::string msg = MessageOf(r, Outcome::kFailed);
  EXPECT_NE(msg.find("aria-hiden"), std::string::npos);
  EXPECT_NE(msg.find("aria-role"), std::string::npos);
}

TEST(AriaAttrDefinedTest, Local_Aria13DraftAttributesAreNotTypos) {
  const auto r = RunRule(kDefined, "<div role='status' aria-description='Se actualiza'>1</div>");
  EXPECT_EQ(r.outcome, Outcome::kPassed);
}

// --- wcag-aria-attr-valid-value ---------------------------------------------------------------

TEST(AriaAttrValidValueTest, Act6a7281_ValidValuesPass) {
  for (const char* html : {
           "<div role='textbox' aria-label='Apellido'></div>",
           "<div role='textbox' aria-required='true' aria-label='Apellido'></div>",
           "<div role='button' aria-expanded='undefined'>Ver</div>",
           "<div role='button' aria-pressed='mixed'>Ver</div>",
           "<div role='textbox' aria-errormessage='no-existe' aria-label='x'></div>",
           "<div role='list' aria-owns='a b'></div><div id='a'>1</div><div id='b'>2</div>",
           "<div role='gridcell' aria-rowindex='2'>Fred</div>",
           "<div role='spinbutton' aria-valuemin='1.0' aria-valuemax='2.0' "
           "aria-valuenow='1.5'></div>",
           "<a href='/' aria-current='page'>Inicio</a>",
           "<div role='alert' aria-relevant='text removals'></div>",
       }) {
    EXPECT_EQ(OutcomeOf(kValue, html), Outcome::kPassed) << html;
  }
}

TEST(AriaAttrValidValueTest, Act6a7281_InvalidValuesFail) {
  for (const char* html : {
           "<div role='textbox' aria-required='undefined' aria-label='x'></div>",
           "<div role='button' aria-expanded='collapsed'>Ver</div>",
           "<div role='button' aria-pressed='horizontal'>Ver</div>",
           "<div role='gridcell' aria-rowindex='2.5'>Fred</div>",
           "<div role='spinbutton' aria-valuemin='one' aria-valuemax='three' "
           "aria-valuenow='two'></div>",
           "<div role='main' aria-live='page'></div>",
           "<div role='alert' aria-relevant='text always'></div>",
       }) {
    EXPECT_EQ(OutcomeOf(kValue, html), Outcome::kFailed) << html;
  }
}

TEST(AriaAttrValidValueTest, Act6a7281_Inapplicable) {
  EXPECT_EQ(OutcomeOf(kValue, "<div>Contenido</div>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kValue, "<div role='button'>Contenido</div>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kValue, "<div role='alert' aria-live>Aviso</div>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kValue, "<math aria-hidden='falso'><mi>x</mi></math>"),
            Outcome::kInapplicable);
  // Not a WAI-ARIA 1.2 state or property: wcag-aria-attr-defined reports it instead.
  EXPECT_EQ(OutcomeOf(kValue, "<div aria-text='x'></div>"), Outcome::kInapplicable);
}

TEST(AriaAttrValidValueTest, Local_MessageSaysWhatIsExpected) {
  const auto r = RunRule(kValue, "<div aria-live='alto'>Aviso</div>");
  const std::string msg = MessageOf(r, Outcome::kFailed);
  EXPECT_NE(msg.find("polite"), std::string::npos) << msg;
  EXPECT_NE(msg.find("alto"), std::string::npos) << msg;
}

TEST(AriaAttrValidValueTest, Local_ValuesCompareCaseInsensitively) {
  EXPECT_EQ(OutcomeOf(kValue, "<button aria-expanded='FALSE'>Menú</button>"), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kValue, "<img alt='' src='a.png' aria-hidden='si'>"), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kValue, "<div role='combobox' aria-activedescendant='op 1'></div>"),
            Outcome::kFailed);
}

TEST(AriaAttrValidValueTest, Local_SvgElementsApply) {
  EXPECT_EQ(OutcomeOf(kValue, "<svg aria-hidden='yes'><rect/></svg>"), Outcome::kFailed);
}

// --- wcag-role-valid --------------------------------------------------------------------------

TEST(RoleValidTest, Act674b10_ValidRolesPass) {
  EXPECT_EQ(OutcomeOf(kRole, "<input type='text' role='searchbox'>"), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kRole, "<span role='doc-biblioref link'>ACT</span>"), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kRole, "<input type='text' role='searchfield searchbox'>"), Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kRole, "<svg role='graphics-symbol' aria-label='x'></svg>"),
            Outcome::kPassed);
}

TEST(RoleValidTest, Act674b10_InvalidRolesFail) {
  const auto r = RunRule(kRole, "<span role='lnik'>ACT</span>");
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_NE(MessageOf(r, Outcome::kFailed).find("«link»"), std::string::npos);
  EXPECT_EQ(OutcomeOf(kRole, "<span role='bibliographic-reference lnik'>ACT</span>"),
            Outcome::kFailed);
}

TEST(RoleValidTest, Act674b10_Inapplicable) {
  EXPECT_EQ(OutcomeOf(kRole, "<img src='logo.png' alt='Logo'>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kRole, "<div role>Contenido</div>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kRole, "<div role=''>Contenido</div>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kRole, "<input type='text' role=' ' aria-label='x'>"),
            Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kRole, "<math role='tabla'></math>"), Outcome::kInapplicable);
}

TEST(RoleValidTest, Aria_AbstractRolesAreNotValid) {
  const auto r = RunRule(kRole, "<div role='landmark'>Avisos</div>");
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_NE(MessageOf(r, Outcome::kFailed).find("abstract"), std::string::npos);
  EXPECT_EQ(OutcomeOf(kRole, "<div role='widget input'></div>"), Outcome::kFailed);
}

TEST(RoleValidTest, Local_RoleTokensCompareCaseInsensitively) {
  EXPECT_EQ(OutcomeOf(kRole, "<nav role='Navigation'></nav>"), Outcome::kPassed);
}

// --- wcag-aria-required-attr ------------------------------------------------------------------

TEST(AriaRequiredAttrTest, Act4e8ab6_RequiredStatesPresent) {
  EXPECT_EQ(OutcomeOf(kRequired, "<div role='heading' aria-level='1'>Inicio</div>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kRequired, "<div role='checkbox' aria-checked='false'>Acepto</div>"),
            Outcome::kPassed);
  EXPECT_EQ(
      OutcomeOf(kRequired, "<div role='scrollbar' aria-controls='c' aria-valuenow='0'></div>"),
      Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kRequired, "<ul role='listbox' aria-label='x'><li role='option'>A</li></ul>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kRequired, "<div role='separator'></div>"), Outcome::kPassed);
}

TEST(AriaRequiredAttrTest, Act4e8ab6_MissingRequiredStatesFail) {
  EXPECT_EQ(OutcomeOf(kRequired, "<div role='heading'>Inicio</div>"), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kRequired, "<div role='switch'>Modo</div>"), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kRequired, "<div role='checkbox' aria-labelledby='l'></div>"),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kRequired, "<div role='separator' tabindex='0'></div>"), Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kRequired, "<input type='text' role='combobox' aria-controls='l'>"),
            Outcome::kFailed);
}

TEST(AriaRequiredAttrTest, Act4e8ab6_Inapplicable) {
  EXPECT_EQ(OutcomeOf(kRequired, "<div>Contenido</div>"), Outcome::kInapplicable);
  EXPECT_EQ(OutcomeOf(kRequired, "<div role='encabezado'>Contenido</div>"), Outcome::kInapplicable);
}

TEST(AriaRequiredAttrTest, Aria_InheritedRequirement) {
  const auto r = RunRule(kRequired, "<ul role='menu'><li role='menuitemradio'>A</li></ul>");
  EXPECT_EQ(r.outcome, Outcome::kFailed);
  EXPECT_NE(MessageOf(r, Outcome::kFailed).find("aria-checked"), std::string::npos);
}

TEST(AriaRequiredAttrTest, Local_EmptyValueCountsAsMissing) {
  EXPECT_EQ(OutcomeOf(kRequired, "<span role='switch' aria-checked=''>Modo</span>"),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kRequired, "<span role='switch' aria-checked='  '>Modo</span>"),
            Outcome::kFailed);
}

TEST(AriaRequiredAttrTest, Local_CollapsedComboboxNeedsNoAriaControls) {
  EXPECT_EQ(OutcomeOf(kRequired, "<input role='combobox' aria-expanded='false' aria-label='x'>"),
            Outcome::kPassed);
  EXPECT_EQ(OutcomeOf(kRequired, "<input role='combobox' aria-expanded='true' aria-label='x'>"),
            Outcome::kFailed);
  EXPECT_EQ(OutcomeOf(kRequired, "<input role='combobox' aria-label='x'>"), Outcome::kFailed);
}

TEST(AriaRequiredAttrTest, Local_NativeCheckedStateCounts) {
  EXPECT_EQ(OutcomeOf(kRequired, "<input type='checkbox' role='switch' aria-label='Avisos'>"),
            Outcome::kPassed);
}

TEST(AriaRequiredAttrTest, Local_SeveralMissingAreListed) {
  const auto r = RunRule(kRequired, "<div role='scrollbar'></div>");
  const std::string msg = MessageOf(r, Outcome::kFailed);
  EXPECT_NE(msg.find("aria-controls"), std::string::npos) << msg;
  EXPECT_NE(msg.find("aria-valuenow"), std::string::npos) << msg;
}

// --- shared helpers ---------------------------------------------------------------------------

TEST(AriaRulesHelpersTest, Local_ClosestName) {
  using rules::ariarules::ClosestName;
  const std::vector<std::string_view> names = {"aria-labelledby", "aria-label", "aria-hidden",
                                               "aria-checked"};
  EXPECT_EQ(ClosestName("aria-labeledby", names), "aria-labelledby");
  EXPECT_EQ(ClosestName("aria-hiden", names), "aria-hidden");
  EXPECT_EQ(ClosestName("ARIA-LABLE", names), "aria-label");
  EXPECT_EQ(ClosestName("aria-not-checked", names), "");
  EXPECT_EQ(ClosestName(std::string(5000, 'a'), names), "");
}

TEST(AriaRulesHelpersTest, Local_ClipAndJoin) {
  using rules::ariarules::ClipArg;
  using rules::ariarules::JoinList;
  EXPECT_EQ(ClipArg("  a \n b  "), "a b");
  EXPECT_EQ(ClipArg(std::string(100, 'x'), 10), std::string(10, 'x') + "…");
  EXPECT_EQ(JoinList({"a", "b", "c"}, 2), "a, b, …");
  EXPECT_EQ(JoinList({}), "");
}

}  // namespace
}  // namespace verifica
