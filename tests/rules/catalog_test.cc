// Catalog consistency (rules/README.md): one id names a rule's metadata, doc, code and fixtures.
// For every registered C++ rule: rules/<pack>/<id>.json with that id and es+en texts, a doc
// rules/<pack>/<id>.md with the required headings whose summary sentence is the code's header
// comment, and fixtures with at least one passed, one failed and one inapplicable page. And every
// rules/wcag/*.json belongs to a registered rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "testing/rule_harness.h"
#include "util/text.h"

namespace verifica {
namespace {

namespace fs = std::filesystem;

std::string Src(std::string_view rel) {
  return std::string(VERIFICA_SOURCE_DIR) + "/" + std::string(rel);
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  out->assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  return true;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    out.push_back(std::move(l));
  }
  return out;
}

// For comparing a doc's summary with the code comment: lower case, no Markdown emphasis or code
// marks, whitespace collapsed, no "<id>:" prefix, no final period.
std::string NormalizeSentence(std::string_view s, std::string_view id) {
  std::string t;
  for (char c : s) {
    if (c != '`' && c != '*' && c != '_') t.push_back(c);
  }
  t = text::AsciiLower(text::CollapseWhitespace(t));
  const std::string prefix = std::string(id) + ":";
  if (t.rfind(prefix, 0) == 0) t = std::string(text::TrimHtmlSpace(t.substr(prefix.size())));
  while (!t.empty() && (t.back() == '.' || t.back() == ' ')) t.pop_back();
  // The code comment ends with the mapping, "(WCAG 2.4.2, ACT 2779a5)"; the doc has a section.
  if (size_t p = t.rfind(" (wcag "); p != std::string::npos && t.back() == ')') t.resize(p);
  return t;
}

// True for a comment line that starts a rule's header: "// <pack>-<name>: ...".
bool StartsRuleHeader(std::string_view line, std::string* id) {
  if (line.rfind("// ", 0) != 0) return false;
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  const std::string_view word = line.substr(3, colon - 3);
  if (word.empty() || word.find(' ') != std::string_view::npos ||
      word.find('-') == std::string_view::npos) {
    return false;
  }
  *id = std::string(word);
  return true;
}

// The header comment "// <id>: sentence..." in the leading comment block of a source file under
// src/rules/<pack>/ (a file may hold several rules, each with its own "// <id>:" paragraph).
std::string CodeSummary(const std::string& pack, const std::string& id, std::string* file) {
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(Src("src/rules/" + pack), ec)) {
    if (e.path().extension() != ".cc") continue;
    std::string text;
    if (!ReadFile(e.path().string(), &text)) continue;
    std::string sentence;
    bool inside = false;
    for (const std::string& l : Lines(text)) {
      if (l.rfind("//", 0) != 0) break;  // the leading comment block only
      std::string other;
      if (StartsRuleHeader(l, &other)) {
        if (inside) break;
        inside = other == id;
      }
      if (!inside) continue;
      if (text::IsBlank(l.substr(2))) break;
      sentence += " " + l.substr(2);
    }
    if (!sentence.empty()) {
      *file = e.path().filename().string();
      return sentence;
    }
  }
  return {};
}

// Headings of a Markdown doc, lower case, without the '#' marks.
std::vector<std::string> DocHeadings(const std::string& doc) {
  std::vector<std::string> out;
  for (const std::string& l : Lines(doc)) {
    if (l.rfind('#', 0) != 0) continue;
    const size_t start = l.find_first_not_of('#');
    if (start == std::string::npos) continue;
    out.push_back(text::AsciiLower(text::TrimHtmlSpace(l.substr(start))));
  }
  return out;
}

// The doc's first paragraph that is not a heading, before the first "##" section.
std::string DocSummary(const std::string& doc) {
  std::string summary;
  for (const std::string& l : Lines(doc)) {
    if (l.rfind("##", 0) == 0) break;
    if (l.rfind('#', 0) == 0) continue;
    if (!text::IsBlank(l)) {
      summary += " " + l;
    } else if (!summary.empty()) {
      break;
    }
  }
  return summary;
}

void ExpectLocalized(const nlohmann::json& j, const std::string& key, const std::string& where) {
  const bool ok = j.contains(key) && j[key].is_object() && j[key].contains("es") &&
                  j[key].contains("en") && j[key]["es"].is_string() && j[key]["en"].is_string() &&
                  !text::IsBlank(j[key]["es"].get<std::string>()) &&
                  !text::IsBlank(j[key]["en"].get<std::string>());
  EXPECT_TRUE(ok) << where << ": \"" << key << "\" needs non-empty \"es\" and \"en\" texts";
}

std::vector<std::string> RuleIds() {
  std::vector<std::string> ids;
  for (const auto& r : testing::Registry().rules()) ids.push_back(r->id());
  return ids;
}

class CatalogTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CatalogTest, MetadataDocAndFixtures) {
  const rules::Rule* rule = testing::Registry().Find(GetParam());
  ASSERT_NE(rule, nullptr);
  const std::string id = rule->id();
  const std::string pack = rule->meta().pack.empty() ? "wcag" : rule->meta().pack;
  EXPECT_EQ(rule->meta().id, id);

  // Metadata.
  const std::string meta_rel = "rules/" + pack + "/" + id + ".json";
  std::string meta_text;
  ASSERT_TRUE(ReadFile(Src(meta_rel), &meta_text)) << meta_rel << " is missing";
  nlohmann::json meta = nlohmann::json::parse(meta_text, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(meta.is_object()) << meta_rel << " is not a JSON object";
  EXPECT_EQ(meta.value("id", std::string()), id) << meta_rel << ": \"id\" must be the file name";
  for (const char* key : {"title", "description", "help"}) ExpectLocalized(meta, key, meta_rel);
  ASSERT_TRUE(meta.contains("messages") && meta["messages"].is_object() &&
              !meta["messages"].empty())
      << meta_rel << ": \"messages\" must list the rule's message templates";
  for (const auto& [key, value] : meta["messages"].items()) {
    ExpectLocalized(meta["messages"], key, meta_rel + " messages");
  }

  // Fixtures.
  const std::string fx_rel = "fixtures/rules/" + id;
  std::set<std::string> outcomes;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(Src(fx_rel), ec)) {
    const std::string name = e.path().filename().string();
    const std::string ext = e.path().extension().string();
    if (ext != ".html" && ext != ".xhtml" && ext != ".svg" && ext != ".xml") continue;
    if (size_t dash = name.rfind('-'); dash != std::string::npos)
      outcomes.insert(name.substr(0, dash));
  }
  for (const char* o : {"passed", "failed", "inapplicable"}) {
    EXPECT_TRUE(outcomes.count(o)) << fx_rel << "/ needs at least one " << o
                                   << "-<n>.html (or .svg/.xml for a page that is not HTML)";
  }

  // Doc.
  const std::string doc_rel = "rules/" + pack + "/" + id + ".md";
  std::string doc;
  ASSERT_TRUE(ReadFile(Src(doc_rel), &doc)) << doc_rel << " is missing";
  const std::vector<std::string> headings = DocHeadings(doc);
  const std::string summary = DocSummary(doc);
  std::vector<std::string> required = {"mapping", "applicability", "expectations", "examples"};
  const bool says_cant_tell = outcomes.count("cantTell") > 0;
  if (says_cant_tell) required.push_back("what a static checker cannot decide");
  for (const std::string& h : required) {
    const bool found = std::any_of(headings.begin(), headings.end(),
                                   [&](const std::string& x) { return x.rfind(h, 0) == 0; });
    EXPECT_TRUE(found) << doc_rel << " lacks the heading \"" << h << "\"";
  }
  EXPECT_FALSE(text::IsBlank(summary)) << doc_rel << " must start with a one-sentence summary";
}

// rules/README.md: the doc's one-sentence summary is the same as the code's header comment.
TEST_P(CatalogTest, DocSummaryIsTheCodeHeaderComment) {
  const rules::Rule* rule = testing::Registry().Find(GetParam());
  ASSERT_NE(rule, nullptr);
  const std::string id = rule->id();
  const std::string pack = rule->meta().pack.empty() ? "wcag" : rule->meta().pack;
  const std::string doc_rel = "rules/" + pack + "/" + id + ".md";
  std::string doc;
  ASSERT_TRUE(ReadFile(Src(doc_rel), &doc)) << doc_rel << " is missing";
  const std::string summary = DocSummary(doc);
  std::string code_file;
  const std::string code = CodeSummary(pack, id, &code_file);
  ASSERT_FALSE(code.empty()) << "no src/rules/" << pack << "/*.cc has the header comment \"// "
                             << id << ": <summary sentence>\"";
  EXPECT_EQ(NormalizeSentence(summary, id), NormalizeSentence(code, id))
      << doc_rel << "'s summary and the header comment of src/rules/" << pack << "/" << code_file
      << " must be the same sentence";
}

INSTANTIATE_TEST_SUITE_P(Catalog, CatalogTest, ::testing::ValuesIn(RuleIds()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           std::replace(n.begin(), n.end(), '-', '_');
                           return n;
                         });

TEST(CatalogFiles, EveryMetadataFileBelongsToARegisteredRule) {
  std::error_code ec;
  size_t seen = 0;
  for (const fs::directory_entry& e : fs::directory_iterator(Src("rules/wcag"), ec)) {
    if (e.path().extension() != ".json") continue;
    ++seen;
    const std::string id = e.path().stem().string();
    EXPECT_NE(testing::Registry().Find(id), nullptr)
        << "rules/wcag/" << id << ".json belongs to no registered rule";
  }
  EXPECT_GT(seen, 0u) << "no rules/wcag/*.json found";
}

TEST(CatalogFiles, EveryFixtureFolderNamesARegisteredRule) {
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(Src("fixtures/rules"), ec)) {
    if (!e.is_directory()) continue;
    const std::string id = e.path().filename().string();
    EXPECT_NE(testing::Registry().Find(id), nullptr)
        << "fixtures/rules/" << id << "/ belongs to no registered rule";
  }
}

}  // namespace
}  // namespace verifica
