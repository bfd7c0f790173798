// Legal bases of the packs (issue 10, item 2): every citation states its status (confirmed / to
// confirm / good practice), the confirmed ones name articles and fractions that exist in the
// 2025 law texts (../shared/research/laws), the ones research confirmed are cited as such, and
// nothing the 2025 law does not contain is cited.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "decl/decl_test_util.h"
#include "rules/decl/pack.h"

namespace verifica {
namespace {

namespace fs = std::filesystem;
using findings::BasisStatus;
using ::testing::HasSubstr;

constexpr std::string_view kLgtaip = "LGTAIP (DOF 20-03-2025)";
constexpr std::string_view kLgpdppso = "LGPDPPSO (DOF 20-03-2025)";

// True when `rule` cites `norm` with an article text starting with `article`, confirmed.
bool CitesConfirmed(std::string_view rule, std::string_view norm, std::string_view article) {
  for (const auto& b : decltest::SourceRule(rule)->info.legal_basis) {
    if (b.norm == norm && b.article.rfind(article, 0) == 0 && b.status == BasisStatus::kConfirmed) {
      return true;
    }
  }
  return false;
}

std::string Citations(std::string_view rule) {
  std::string out;
  for (const auto& b : decltest::SourceRule(rule)->info.legal_basis) {
    out += b.norm + " | " + b.article + " | " + std::string(findings::ToString(b.status)) + "\n";
  }
  return out;
}

// The citations research verified (legal-bases-2025.md) and the issue names.
TEST(LegalBasisTest, Ley_RulesCiteTheConfirmedArticles) {
  const std::vector<std::tuple<const char*, std::string_view, const char*>> want = {
      {"tr-home-link", kLgtaip, "Art. 60"},
      {"tr-search", kLgtaip, "Art. 60"},
      {"tr-fecha-act", kLgtaip, "Art. 58"},
      {"tr-staleness", kLgtaip, "Art. 58"},
      {"tr-solicitud-route", kLgtaip, "Arts. 124 a 126"},
      {"tr-ut-address", kLgtaip, "Art. 65, fr. XII"},
      {"tr-ut-email", kLgtaip, "Art. 65, fr. XII"},
      {"tr-ut-responsable", kLgtaip, "Art. 41"},
      {"tr-ut-responsable", kLgtaip, "Art. 65, fr. XII"},
      {"tr-oblig-index", kLgtaip, "Art. 65, fr. I a XLVI"},
      {"tr-aplicabilidad", kLgtaip, "Art. 65, último párrafo"},
      {"tr-stale-refs", kLgtaip, "Art. 3, fr. III"},
      {"pd-aviso-link", kLgpdppso, "Art. 20"},
      {"pd-aviso-integral", kLgpdppso, "Art. 21"},
      {"pd-e1-responsable", kLgpdppso, "Art. 21, fr. I "},
      {"pd-e2-datos", kLgpdppso, "Art. 21, fr. II "},
      {"pd-e3-fundamento", kLgpdppso, "Art. 21, fr. III "},
      {"pd-e4-finalidades", kLgpdppso, "Art. 21, fr. IV "},
      {"pd-e5-arco", kLgpdppso, "Art. 21, fr. V "},
      {"pd-e6-ut", kLgpdppso, "Art. 21, fr. VI "},
      {"pd-e7-transfer", kLgpdppso, "Art. 21, fr. VII "},
      {"pd-e8-negativa", kLgpdppso, "Art. 21, fr. VIII "},
      {"pd-e9-cambios", kLgpdppso, "Art. 21, fr. IX "},
      {"pd-e10-donde-integral", kLgpdppso, "Art. 22"},
      {"pd-simpl-where-integral", kLgpdppso, "Art. 22"},
      {"pd-simplificado-at-form", kLgpdppso, "Art. 22"},
  };
  for (const auto& [rule, norm, article] : want) {
    EXPECT_TRUE(CitesConfirmed(rule, norm, article))
        << rule << " should cite " << norm << " " << article << ", confirmed; it cites:\n"
        << Citations(rule);
  }
}

// Research: the 2025 Art. 65 has no "solicitudes frecuentes" fraction; no rule, citation or
// fraction list may name one.
TEST(LegalBasisTest, Ley_NothingCitesWhatThe2025LawDoesNotContain) {
  for (const auto& src : decltest::SourceTreePacks()) {
    std::string folded = src.text;
    for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(folded.find("solicitudes frecuentes"), std::string::npos) << src.file;
  }
  for (const auto& pack : decltest::SourceCatalog()->packs()) {
    for (const auto& r : pack->rules) {
      for (const auto& b : r->info.legal_basis) {
        // The 2015 numbering of the common obligations is not the law in force.
        if (b.norm == kLgtaip) {
          EXPECT_THAT(b.article, ::testing::Not(HasSubstr("Art. 70"))) << r->info.id;
        }
        EXPECT_THAT(b.article, ::testing::Not(HasSubstr("por cotejar"))) << r->info.id;
      }
    }
  }
}

// A rule with no legal source is a good practice: tagged so, never serious or critical.
TEST(LegalBasisTest, Local_RulesWithoutLegalSourceAreGoodPractices) {
  for (const char* id : {"tr-ut-hours", "tr-ut-phone", "ax-overlay"}) {
    auto r = decltest::SourceRule(id);
    for (const auto& b : r->info.legal_basis) {
      EXPECT_EQ(b.status, BasisStatus::kGoodPractice) << id;
    }
    EXPECT_THAT(r->info.tags, ::testing::Contains("good-practice")) << id;
    EXPECT_LE(r->info.impact, findings::Impact::kModerate) << id;
  }
  EXPECT_THAT(decltest::SourceRule("tr-home-link")->info.tags,
              ::testing::Not(::testing::Contains("good-practice")));
}

// The law texts, by article: "### Artículo N" sections of laws/<name>.md.
std::map<int, std::string> Articles(const fs::path& file) {
  std::map<int, std::string> out;
  std::ifstream in(file);
  std::string line;
  int current = -1;
  while (std::getline(in, line)) {
    if (line.rfind("### Artículo ", 0) == 0) {
      current = std::atoi(line.c_str() + std::string("### Artículo ").size());
      continue;
    }
    if (line.rfind("## ", 0) == 0) current = -1;  // titles, chapters, transitorios
    if (current > 0) out[current] += line + "\n";
  }
  return out;
}

// Every confirmed citation of the general laws names an article that exists in the 2025 text,
// and each fraction it names ("fr. XII", "fr. I a XLVI", "fr. I y II") exists in that article.
TEST(LegalBasisTest, Ley_ConfirmedCitationsExistInTheLawTexts) {
  const fs::path laws = fs::path(VERIFICA_SOURCE_DIR) / ".." / "shared" / "research" / "laws";
  if (!fs::exists(laws / "LGTAIP-2025.md")) GTEST_SKIP() << "no law texts at " << laws;
  const std::map<std::string_view, std::map<int, std::string>> texts = {
      {kLgtaip, Articles(laws / "LGTAIP-2025.md")},
      {kLgpdppso, Articles(laws / "LGPDPPSO-2025.md")}};
  const std::regex article(R"(^Arts?\. (\d+)(?: (?:a|y) (\d+))?)");
  const std::regex fraction(R"(fr\. ([IVXL]+)(?: (?:a|y) ([IVXL]+))?)");
  size_t checked = 0;
  for (const auto& pack : decltest::SourceCatalog()->packs()) {
    for (const auto& r : pack->rules) {
      for (const auto& b : r->info.legal_basis) {
        auto law = texts.find(b.norm);
        if (law == texts.end() || b.status != BasisStatus::kConfirmed) continue;
        std::smatch m;
        ASSERT_TRUE(std::regex_search(b.article, m, article)) << r->info.id << ": " << b.article;
        const int first = std::stoi(m[1]);
        const int last = m[2].matched ? std::stoi(m[2]) : first;
        for (int n : {first, last}) {
          auto a = law->second.find(n);
          ASSERT_NE(a, law->second.end()) << r->info.id << ": " << b.norm << " has no Art. " << n;
        }
        std::smatch f;
        if (std::regex_search(b.article, f, fraction)) {
          const std::string& body = law->second.at(first);
          for (const std::string& fr : {f[1].str(), f[2].str()}) {
            if (fr.empty()) continue;
            EXPECT_NE(body.find("\n" + fr + ". "), std::string::npos)
                << r->info.id << ": Art. " << first << " of " << b.norm << " has no fraction "
                << fr;
          }
        }
        ++checked;
      }
    }
  }
  EXPECT_GE(checked, 30u);
}

}  // namespace
}  // namespace verifica
