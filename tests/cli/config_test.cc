// The JSON config file: ./verifica.json or --config, flags override it, --print-config, and
// every mistake in it is an error with exit code 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "report/report_test_util.h"

namespace verifica::cli {
namespace {

namespace fs = std::filesystem;

struct Sandbox {
  testing::TempDir dir;
  fs::path page;
  Sandbox() {
    page = dir.path() / "index.html";
    fs::copy_file(testing::SourcePath("fixtures/report/pages/portal.html"), page);
  }
  void Config(const std::string& text, const std::string& name = "verifica.json") const {
    std::ofstream(dir.path() / name, std::ios::trunc) << text;
  }
  testing::RunResult Verifica(std::vector<std::string> args) const {
    args.insert(args.begin(), testing::VerificaBinary());
    return testing::Run(args, dir.path());
  }
};

TEST(ConfigTest, Local_VerificaJsonInTheCurrentFolderIsRead) {
  Sandbox s;
  s.Config(R"({"check": {"format": ["json"], "fail-on": "critical", "lang": "en"}})");
  auto r = s.Verifica({"check", "index.html"});
  EXPECT_NE(r.exit_code, 2) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << "config asked for JSON: " << r.out.substr(0, 200);
  // A flag on the command line overrides the file.
  r = s.Verifica({"check", "index.html", "--format", "text"});
  EXPECT_NE(r.out.find("Summary:"), std::string::npos) << r.out;  // lang en from the file
}

TEST(ConfigTest, Local_ExplicitConfigAndGatingFromIt) {
  Sandbox s;
  s.Config(R"({"check": {"fail-on": "minor", "max-failures": 1000}})", "ci.json");
  auto r = s.Verifica({"check", "index.html", "--config", "ci.json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = s.Verifica({"--config", "ci.json", "check", "index.html", "--max-failures", "0"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  r = s.Verifica({"check", "index.html", "--config", "missing.json"});
  EXPECT_EQ(r.exit_code, 2);
}

TEST(ConfigTest, Local_MistakesAreErrorsNamingFileAndKey) {
  struct Case {
    const char* text;
    const char* says;
  };
  for (const Case& c : {
           Case{R"({"check": {"colour": "red"}})", "\"check.colour\": unknown key"},
           Case{R"({"chek": {"lang": "en"}})", "\"chek\": unknown key"},
           Case{R"({"check": {"max-failures": "many"}})",
                "\"check.max-failures\" must be a whole number"},
           Case{R"({"check": {"include-passes": "yes"}})", "must be true or false"},
           Case{R"({"check": {"lang": ["es", "en"]}})", "takes one value"},
           Case{R"({"check": {"fail-on": 3}})", "must be a string"},
           Case{R"({"check": "en"})", "must be an object"},
           Case{R"({"check": {"lang": "fr"}})", "fr"},
           Case{R"(["check"])", "a config file is a JSON object"},
           Case{R"({"check": {"lang": "es")", "not valid JSON"},
           Case{R"({"scan": {"max-pages": "all"}})", "\"scan.max-pages\" must be a whole number"},
       }) {
    Sandbox s;
    s.Config(c.text);
    const auto r = s.Verifica({"check", "index.html"});
    EXPECT_EQ(r.exit_code, 2) << c.text << "\n" << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << c.text << "\n" << r.err;
    if (std::string_view(c.says) != "fr") {
      EXPECT_NE(r.err.find("verifica.json"), std::string::npos) << r.err;
    }
    EXPECT_TRUE(r.out.empty()) << "nothing is checked: " << r.out.substr(0, 100);
  }
}

TEST(ConfigTest, Local_PrintConfigShowsTheEffectiveOptionsAndRoundTrips) {
  Sandbox s;
  s.Config(R"({"check": {"format": ["html", "sarif"], "lang": "en", "max-failures": 4}})");
  auto r = s.Verifica({"check", "--print-config", "--fail-on", "moderate"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  ASSERT_TRUE(j.contains("check")) << r.out;
  const nlohmann::json& c = j["check"];
  EXPECT_EQ(c["format"], nlohmann::json({"html", "sarif"}));
  EXPECT_EQ(c["lang"], "en");
  EXPECT_EQ(c["max-failures"], 4);
  EXPECT_EQ(c["fail-on"], "moderate");    // the flag wins
  EXPECT_EQ(c["include-passes"], false);  // defaults are shown too
  EXPECT_TRUE(c.contains("jobs") || c.contains("max-page-mb")) << c.dump();
  EXPECT_FALSE(j.contains("scan")) << "only the subcommand given";
  // The printed configuration is itself a valid config file giving the same configuration.
  s.Config(r.out, "printed.json");
  auto again = s.Verifica({"check", "--print-config", "--config", "printed.json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out, nullptr, false)["check"], c);
}

TEST(ConfigTest, Local_EverySubcommandIsCovered) {
  Sandbox s;
  s.Config(
      R"({"report": {"lang": "en"}, "diff": {"format": "json"}, "rules": {"format": "json"}})");
  auto r = s.Verifica({"rules"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(nlohmann::json::parse(r.out, nullptr, false).is_discarded()) << r.out.substr(0, 80);
  r = s.Verifica({"scan", "--print-config"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.contains("scan")) << r.out;
  EXPECT_GT(j["scan"].size(), 5u) << r.out;
}

}  // namespace
}  // namespace verifica::cli
