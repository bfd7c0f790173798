// Runs every fixture page of fixtures/rules/<rule-id>/<outcome>-<n>.html (rules/README.md) with
// its rule alone and compares the page outcome. When elements carry data-expect="failed" or
// data-expect="cantTell", the elements the rule reports as failed must be exactly those marked
// failed, and the ones it reports as cantTell exactly those marked cantTell (a page that marks
// only failures therefore also claims that nothing needs review). A fixture may also be an .svg
// or .xml document (content type from the extension): the inapplicable case of rules that apply
// to every HTML page. One test per file: --gtest_filter='*wcag_image_alt*' runs one rule's
// fixtures.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "html/parser.h"
#include "rules/engine/runner.h"
#include "testing/rule_harness.h"
#include "util/url.h"

namespace verifica {
namespace {

namespace fs = std::filesystem;
using findings::Outcome;

struct Fixture {
  std::string rule_id;  // folder name
  std::string file;     // relative to the source tree: fixtures/rules/<id>/<name>.<ext>
  std::string problem;  // a malformed file name; the test fails with it
  Outcome expected = Outcome::kInapplicable;
  std::string name;  // test name
};

std::string Sanitize(std::string_view s) {
  std::string out;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out.push_back(ok ? c : '_');
  }
  return out;
}

std::string FixturesRoot() { return std::string(VERIFICA_SOURCE_DIR) + "/fixtures/rules"; }

// Fixture pages: HTML, and documents that are not HTML (.svg, .xml), which is how a rule that
// applies to every HTML page (page title, page language) shows it is inapplicable. The content
// type comes from the extension, as for ACT test cases. Other files are assets of the pages.
bool IsFixturePage(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".html" || ext == ".xhtml" || ext == ".svg" || ext == ".xml";
}

// "<outcome>-<n>.<ext>" → outcome, or an explanation of what is wrong with the name.
std::optional<Outcome> ParseName(const std::string& filename, std::string* problem) {
  const std::string stem = fs::path(filename).stem().string();
  const size_t dash = stem.rfind('-');
  const std::string n = dash == std::string::npos ? "" : stem.substr(dash + 1);
  const bool numbered =
      !n.empty() && std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
  std::optional<Outcome> o =
      dash == std::string::npos ? std::nullopt : findings::OutcomeFromString(stem.substr(0, dash));
  if (!o || !numbered) {
    *problem = "fixture file name '" + filename +
               "' is not <outcome>-<n>.<ext> with outcome passed|failed|cantTell|inapplicable";
    return std::nullopt;
  }
  return o;
}

std::vector<Fixture> AllFixtures() {
  std::vector<Fixture> out;
  std::error_code ec;
  if (!fs::is_directory(FixturesRoot(), ec)) return out;
  for (const fs::directory_entry& dir : fs::directory_iterator(FixturesRoot(), ec)) {
    if (!dir.is_directory(ec)) continue;
    const std::string rule_id = dir.path().filename().string();
    for (const fs::directory_entry& f : fs::directory_iterator(dir.path(), ec)) {
      const std::string filename = f.path().filename().string();
      if (!f.is_regular_file(ec) || !IsFixturePage(f.path())) continue;
      Fixture fx;
      fx.rule_id = rule_id;
      fx.file = "fixtures/rules/" + rule_id + "/" + filename;
      if (std::optional<Outcome> o = ParseName(filename, &fx.problem)) fx.expected = *o;
      fx.name = Sanitize(rule_id + "_" + f.path().stem().string());
      if (f.path().extension() != ".html")
        fx.name += "_" + Sanitize(f.path().extension().string().substr(1));
      out.push_back(std::move(fx));
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Fixture& a, const Fixture& b) { return a.name < b.name; });
  // Test names must be unique; two files differing only in punctuation would collide.
  for (size_t i = 1; i < out.size(); ++i) {
    if (out[i].name == out[i - 1].name) out[i].name += "_" + std::to_string(i);
  }
  return out;
}

std::string Join(const std::set<std::string>& s) {
  std::string out;
  for (const std::string& x : s) out += "\n    " + x;
  return out.empty() ? " (none)" : out;
}

void PrintTo(const Fixture& f, std::ostream* os) { *os << f.file; }

class FixtureTest : public ::testing::TestWithParam<Fixture> {};

TEST_P(FixtureTest, Outcome) {
  const Fixture& fx = GetParam();
  ASSERT_TRUE(fx.problem.empty()) << fx.file << ": " << fx.problem;
  const rules::Rule* rule = testing::Registry().Find(fx.rule_id);
  ASSERT_NE(rule, nullptr) << "fixtures/rules/" << fx.rule_id
                           << "/ names no registered rule (a typo, or a rule not registered)";

  const std::string html = testing::ReadSourceFile(fx.file);
  html::ParseOptions po;
  po.url = url::FromPath(std::string(VERIFICA_SOURCE_DIR) + "/" + fx.file);
  po.content_type = html::ContentTypeForPath(fx.file);
  html::ParseResult parsed = html::Parse(html, po);
  ASSERT_TRUE(parsed.ok) << fx.file << " did not parse: " << parsed.error.message;
  const dom::Document& doc = parsed.document;

  const rules::Rule* one[] = {rule};
  rules::RunOptions ro;
  ro.include_passes = true;
  ro.max_findings = 100000;
  const findings::RuleResult r = rules::RunRules(doc, one, ro).at(0);

  std::string reported;
  for (const findings::Finding& f : r.findings) {
    reported += "\n    " + std::string(findings::ToString(f.outcome)) + " " + f.selector + ": " +
                f.message.es;
  }
  EXPECT_TRUE(r.error.empty()) << fx.file << ": the rule broke: " << r.error;
  EXPECT_EQ(findings::ToString(r.outcome), findings::ToString(fx.expected))
      << fx.file
      << ": page outcome differs; reported:" << (reported.empty() ? " nothing" : reported);

  // Elements marked with data-expect.
  std::set<std::string> marked_failed, marked_cant_tell;
  bool marks = false;
  for (dom::NodeId id = 0; id < doc.size(); ++id) {
    const std::string* v = doc.node(id).is_element() ? doc.Attr(id, "data-expect") : nullptr;
    if (v == nullptr) continue;
    marks = true;
    if (*v == "failed") {
      marked_failed.insert(doc.Selector(id));
    } else if (*v == "cantTell") {
      marked_cant_tell.insert(doc.Selector(id));
    } else {
      ADD_FAILURE() << fx.file << ": data-expect=\"" << *v << "\" on " << doc.Selector(id)
                    << " (line " << doc.node(id).line << "); use failed or cantTell";
    }
  }
  if (!marks) return;
  const std::vector<std::string> failed_v = testing::Selectors(r, Outcome::kFailed);
  const std::vector<std::string> cant_tell_v = testing::Selectors(r, Outcome::kCantTell);
  const std::set<std::string> failed(failed_v.begin(), failed_v.end());
  const std::set<std::string> cant_tell(cant_tell_v.begin(), cant_tell_v.end());
  EXPECT_EQ(failed, marked_failed)
      << fx.file << ": elements reported failed:" << Join(failed)
      << "\n  elements marked data-expect=\"failed\":" << Join(marked_failed);
  EXPECT_EQ(cant_tell, marked_cant_tell)
      << fx.file << ": elements reported cantTell:" << Join(cant_tell)
      << "\n  elements marked data-expect=\"cantTell\":" << Join(marked_cant_tell);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureTest, ::testing::ValuesIn(AllFixtures()),
                         [](const ::testing::TestParamInfo<Fixture>& info) {
                           return info.param.name;
                         });
// Until the first fixture lands there is nothing to instantiate; the catalog test is what
// requires every rule to have fixtures.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FixtureTest);

}  // namespace
}  // namespace verifica
