// `verifica check` end to end: the binary run as a user would, on good and bad input.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace verifica {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

class CheckCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("verifica-check-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }

  CliRun Verifica(const std::string& args) {
    const fs::path out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    std::string cmd = std::string("NO_COLOR=1 ") + Quote(VERIFICA_BINARY) + " " + args + " >" +
                      Quote(out.string()) + " 2>" + Quote(err.string()) + " </dev/null";
    int status = std::system(cmd.c_str());
    CliRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(out);
    r.err = Slurp(err);
    return r;
  }

  fs::path dir_;
};

const char kGoodPage[] =
    "<!doctype html><html lang=\"es-MX\"><head><meta charset=\"utf-8\">"
    "<title>Transparencia | Instituto de Vivienda</title></head>"
    "<body><main><h1>Transparencia</h1><p>Información pública.</p></main></body></html>";

const char kBadPage[] =
    "<!doctype html><html><head></head><body><img src=\"logo.png\">"
    "<a href=\"/transparencia\"></a></body></html>";

TEST_F(CheckCliTest, Local_GoodPageExitsZero) {
  fs::path p = Write("bien.html", kGoodPage);
  CliRun r = Verifica("check " + Quote(p.string()));
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("Resumen: 1 páginas"), std::string::npos) << r.out;
}

TEST_F(CheckCliTest, Local_FailuresExitOneAndJsonListsEveryRule) {
  fs::path p = Write("mal.html", kBadPage);
  CliRun r = Verifica("check --format json " + Quote(p.string()));
  EXPECT_EQ(r.code, 1) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["tool"]["name"], "verifica");
  ASSERT_EQ(j["pages"].size(), 1u);
  const auto& rules = j["pages"][0]["rules"];
  EXPECT_GE(rules.size(), 20u);  // every rule is listed, inapplicable and passed included
  bool title_failed = false;
  for (const auto& rule : rules) {
    if (rule["id"] == "wcag-page-title") title_failed = rule["outcome"] == "failed";
  }
  EXPECT_TRUE(title_failed);
}

TEST_F(CheckCliTest, Local_FailOnFollowsRuleImpact) {
  // wcag-image-alt is critical and wcag-html-lang serious in the catalog (rules/wcag/*.json).
  fs::path img = Write("img.html", "<html lang=es><title>x</title><body><img src=a.png></body>");
  EXPECT_EQ(Verifica("check --rules wcag-image-alt --fail-on critical " + Quote(img.string())).code,
            1);
  fs::path lang = Write("sin-lang.html", "<title>x</title><p>hola</p>");
  EXPECT_EQ(Verifica("check --rules wcag-html-lang " + Quote(lang.string())).code, 1);
  EXPECT_EQ(Verifica("check --rules wcag-html-lang --fail-on critical " + Quote(lang.string())).code,
            0);
  EXPECT_EQ(Verifica("check --fail-on grave " + Quote(lang.string())).code, 2);
}

TEST_F(CheckCliTest, Local_MissingPathIsUsageError) {
  CliRun r = Verifica("check " + Quote((dir_ / "no-existe.html").string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no such file"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(CheckCliTest, Local_DirectoryWithoutHtmlIsUsageError) {
  Write("notas.txt", "hola");
  CliRun r = Verifica("check " + Quote(dir_.string()));
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("no .html or .htm files"), std::string::npos) << r.err;
}

TEST_F(CheckCliTest, Local_UnknownRulesPatternAndFormatAreUsageErrors) {
  fs::path p = Write("bien.html", kGoodPage);
  CliRun rules = Verifica("check --rules 'wcag-imagen-*' " + Quote(p.string()));
  EXPECT_EQ(rules.code, 2);
  EXPECT_NE(rules.err.find("wcag-imagen-*"), std::string::npos) << rules.err;
  CliRun format = Verifica("check --format xml " + Quote(p.string()));
  EXPECT_EQ(format.code, 2);
  EXPECT_NE(format.err.find("xml"), std::string::npos) << format.err;
  EXPECT_EQ(Verifica("frobnicate").code, 2);
  EXPECT_EQ(Verifica("").code, 2);
}

TEST_F(CheckCliTest, Local_UnreadablePagesAreReportedAndOthersStillChecked) {
  Write("sitio/vacia.html", "");
  Write("sitio/binaria.html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  Write("sitio/profunda.html", deep);
  Write("sitio/utf8-invalido.html",
        "<html lang=es><title>Educaci\xF3n \xFF\xFE</title><body><p>a\xC3</p></body></html>");
  Write("sitio/bien.html", kGoodPage);
  CliRun r = Verifica("check --format json " + Quote((dir_ / "sitio").string()));
  ASSERT_LE(r.code, 1) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  ASSERT_EQ(j["pages"].size(), 5u);
  std::map<std::string, std::string> kind;
  for (const auto& p : j["pages"]) {
    std::string url = p["url"].get<std::string>();
    std::string name = url.substr(url.rfind('/') + 1);
    kind[name] = p["error"].is_null() ? "ok" : p["error"]["kind"].get<std::string>();
  }
  EXPECT_EQ(kind["vacia.html"], "empty");
  EXPECT_EQ(kind["binaria.html"], "not-html");
  EXPECT_EQ(kind["profunda.html"], "too-deep");
  EXPECT_EQ(kind["utf8-invalido.html"], "ok");  // decoded (windows-1252 fallback), checked
  EXPECT_EQ(kind["bien.html"], "ok");
}

TEST_F(CheckCliTest, Local_EveryPageUnreadableExitsThree) {
  Write("sitio/vacia.html", "   ");
  CliRun r = Verifica("check " + Quote((dir_ / "sitio").string()));
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("vacía"), std::string::npos) << r.out;
}

TEST_F(CheckCliTest, Local_HugePageIsRefusedWithAClearMessage) {
  fs::path big = dir_ / "grande.html";
  {
    std::ofstream f(big, std::ios::binary);
    std::string chunk(1 << 20, 'a');
    f << "<html lang=es><title>x</title><body><p>";
    for (int i = 0; i < 33; ++i) f << chunk;  // just above the 32 MiB default limit
  }
  CliRun r = Verifica("check --format json " + Quote(big.string()));
  EXPECT_EQ(r.code, 3);
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  EXPECT_EQ(j["pages"][0]["error"]["kind"], "too-large");
  // A larger budget lets it through.
  CliRun ok = Verifica("check --rules wcag-page-title --max-page-mb 64 " + Quote(big.string()));
  EXPECT_EQ(ok.code, 0) << ok.err;
}

TEST_F(CheckCliTest, Local_OutputFileIsWrittenAndUnwritableOutputFails) {
  fs::path p = Write("bien.html", kGoodPage);
  fs::path out = dir_ / "salida.json";
  CliRun r = Verifica("check --format json -o " + Quote(out.string()) + " " + Quote(p.string()));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_FALSE(nlohmann::json::parse(Slurp(out), nullptr, false).is_discarded());
  CliRun bad = Verifica("check -o " + Quote((dir_ / "no/existe/salida.txt").string()) + " " +
                     Quote(p.string()));
  // An output that cannot be written is a usage error, found before anything is checked.
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("salida.txt"), std::string::npos) << bad.err;
}

TEST_F(CheckCliTest, Local_EnglishTextOutput) {
  fs::path p = Write("mal.html", kBadPage);
  CliRun r = Verifica("check --lang en " + Quote(p.string()));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("Summary: 1 pages"), std::string::npos) << r.out;
}

TEST_F(CheckCliTest, Local_VersionAndRulesCatalog) {
  CliRun v = Verifica("--version");
  EXPECT_EQ(v.code, 0);
  EXPECT_NE(v.out.find("verifica"), std::string::npos);
  CliRun rules = Verifica("rules --format json");
  EXPECT_EQ(rules.code, 0);
  nlohmann::json j = nlohmann::json::parse(rules.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded());
  size_t wcag = 0;
  for (const auto& r : j["rules"]) {
    if (r["id"].get<std::string>().rfind("wcag-", 0) == 0) {
      ++wcag;
      EXPECT_FALSE(r["title"]["es"].get<std::string>().empty());
      EXPECT_FALSE(r["title"]["en"].get<std::string>().empty());
      // Mapped to ACT rules, to WCAG success criteria, or said to be a best practice.
      bool best_practice = false;
      for (const auto& t : r["tags"]) best_practice = best_practice || t == "best-practice";
      EXPECT_TRUE(!r["act"].empty() || !r["wcag"].empty() || best_practice) << r["id"];
    }
  }
  // Every rule with metadata under rules/wcag/ is in the catalog.
  size_t metadata = 0;
  for (const auto& e : fs::directory_iterator(fs::path(VERIFICA_SOURCE_DIR) / "rules/wcag")) {
    if (e.path().extension() == ".json") ++metadata;
  }
  EXPECT_EQ(wcag, metadata);
  EXPECT_GE(wcag, 20u);
}

}  // namespace
}  // namespace verifica
