#include "report/report_test_util.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "findings/findings_json.h"
#include "gtest/gtest.h"
#include "rules/engine/rule.h"
#include "util/text.h"

namespace verifica::testing {

namespace fs = std::filesystem;

std::filesystem::path SourcePath(std::string_view relative) {
  return fs::path(VERIFICA_SOURCE_DIR) / relative;
}

std::string ReadFileOrEmpty(const fs::path& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return "";
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

std::string ReadSource(std::string_view relative) {
  const fs::path p = SourcePath(relative);
  std::ifstream f(p, std::ios::binary);
  if (!f) {
    ADD_FAILURE() << "cannot read " << p;
    return "";
  }
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

const report::Catalog& FixtureCatalog() {
  static const report::Catalog kCatalog = [] {
    report::Catalog c;
    nlohmann::json j =
        nlohmann::json::parse(ReadSource("fixtures/report/catalog.json"), nullptr, false);
    if (!j.is_array()) {
      ADD_FAILURE() << "fixtures/report/catalog.json is not a JSON array";
      return c;
    }
    for (const auto& item : j) {
      auto meta = rules::ParseRuleMeta(item.dump(), "fixtures/report/catalog.json");
      if (!meta.ok()) {
        ADD_FAILURE() << meta.status().message();
        continue;
      }
      c.emplace(meta->id, *meta);
    }
    return c;
  }();
  return kCatalog;
}

findings::EntityReport FixtureReport(std::string_view entity_id) {
  const std::string rel = "fixtures/report/campaign/" + std::string(entity_id) + "/report.json";
  auto r = findings::ParseEntityReport(ReadSource(rel));
  if (!r.ok()) {
    ADD_FAILURE() << rel << ": " << r.status().message();
    return {};
  }
  return *r;
}

findings::EntityReport HostileReport() {
  // Every string a crawled page controls.
  const std::string script = "</script><script>alert('x')</script>";
  const std::string breakout = "\"><img src=x onerror=alert(1)>'";
  const std::string controls = std::string(
                                   "a\x01"
                                   "b\x1b[31mred\x1b[0m\x7f"
                                   "c") +
                               "\xc2\x9b"
                               "2J";
  const std::string bad_utf8 =
      "caf\xe9 \xff\xfe \xc3\x28 \xed\xa0\x80";  // Latin-1, stray, surrogate
  findings::EntityReport e;
  e.entity.id = "hostil";
  e.entity.name = "Entidad " + script + breakout;
  e.entity.url = "javascript:alert(document.domain)//";
  e.entity.kind = "<b>tipo</b>" + controls;
  e.crawl.started_at = "2026-03-02T10:00:00Z";
  e.crawl.finished_at = "2026-03-02T10:00:01Z";
  e.crawl.robots = "<i>" + script;
  e.crawl.limits_hit = {breakout};
  auto finding = [&](findings::Outcome o, std::string selector, std::string snippet,
                     std::string msg) {
    findings::Finding f;
    f.outcome = o;
    f.selector = std::move(selector);
    f.snippet = std::move(snippet);
    f.line = 3;
    f.column = 9;
    f.message_id = "fail";
    f.message = {msg, msg};
    return f;
  };
  findings::PageReport p;
  p.url = "javascript:alert(1)";
  p.final_url = " JaVaScRiPt:alert(2)";
  p.status = 200;
  p.fetched_at = "2026-03-02T10:00:00Z" + breakout;
  findings::RuleResult r;
  r.id = "wcag-image-alt";
  r.outcome = findings::Outcome::kFailed;
  r.wcag = {"1.1.1"};
  r.impact = findings::Impact::kSerious;
  r.failed = 3;
  r.findings.push_back(
      finding(findings::Outcome::kFailed, "img[alt=\"" + breakout + "\"]",
              "<img src=\"x\" onerror=\"alert(1)\" title='" + script + "'>",
              "La imagen «" + script + "» no tiene texto alternativo " + controls));
  r.findings.push_back(finding(findings::Outcome::kFailed, "a > img" + bad_utf8,
                               "<a href=\"javascript:alert(1)\">" + bad_utf8 + "</a>",
                               "=HYPERLINK(\"http://evil.example/\",\"clic\")"));
  r.findings.push_back(finding(findings::Outcome::kFailed, "@SUM(1+1)*cmd|' /C calc'!A0",
                               "]]><!-- <![CDATA[ -->" + controls, "+cmd|' /C calc'!A0"));
  p.rules.push_back(r);
  findings::RuleResult review;
  review.id = "wcag-link-name\"><script>x</script>";
  review.outcome = findings::Outcome::kCantTell;
  review.cant_tell = 1;
  review.error = "boom " + script;
  review.findings.push_back(finding(findings::Outcome::kCantTell, "-1+1",
                                    "<a href=\"data:text/html,<script>alert(1)</script>\">",
                                    "-review " + bad_utf8));
  p.rules.push_back(review);
  e.pages.push_back(p);
  findings::PageReport data;
  data.url = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==";
  data.final_url = data.url;
  data.error = findings::PageError{"http", script + controls};
  e.pages.push_back(data);
  findings::PageReport ok;
  ok.url = "https://ejemplo.gob.mx/?q=\"><script>alert(1)</script>&x=1";
  ok.final_url = ok.url;
  ok.status = 200;
  findings::RuleResult passed;
  passed.id = "wcag-page-title";
  passed.outcome = findings::Outcome::kPassed;
  passed.wcag = {"2.4.2"};
  ok.rules.push_back(passed);
  e.pages.push_back(ok);
  findings::RuleResult entity_rule;
  entity_rule.id = "tr-aviso-privacidad";
  entity_rule.outcome = findings::Outcome::kFailed;
  entity_rule.failed = 1;
  findings::Finding ef = finding(findings::Outcome::kFailed, "", "", script);
  ef.url = "vbscript:msgbox(1)";
  entity_rule.findings.push_back(ef);
  e.entity_rules.push_back(entity_rule);
  e.documents.push_back({"javascript:alert('doc')", "<svg onload=alert(1)>", 200, 10});
  e.page_roles["home<script>"] = "javascript:alert('role')";
  return e;
}

void ExpectGolden(std::string_view name, const std::string& actual) {
  const fs::path path = SourcePath("tests/report/golden") / name;
  const char* update = std::getenv("VERIFICA_UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << actual;
    ASSERT_TRUE(f.good()) << "cannot write " << path;
    return;
  }
  std::ifstream f(path, std::ios::binary);
  ASSERT_TRUE(f.good()) << "missing golden file " << path
                        << " (run the test with VERIFICA_UPDATE_GOLDEN=1 to create it)";
  std::ostringstream s;
  s << f.rdbuf();
  const std::string expected = s.str();
  if (expected == actual) return;
  // Point at the first difference rather than dumping two whole documents.
  size_t i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) ++i;
  const size_t line = static_cast<size_t>(std::count(actual.begin(), actual.begin() + i, '\n')) + 1;
  ADD_FAILURE() << "output differs from " << path << " at line " << line
                << ":\n  expected: " << expected.substr(i > 60 ? i - 60 : 0, 160)
                << "\n  actual:   " << actual.substr(i > 60 ? i - 60 : 0, 160)
                << "\n(if the change is intended, rerun with VERIFICA_UPDATE_GOLDEN=1)";
}

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "verifica-report-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

RunResult Run(const std::vector<std::string>& argv, const fs::path& cwd, int timeout_seconds) {
  RunResult result;
  TempDir io;
  const fs::path out = io.path() / "out", err = io.path() / "err";
  const pid_t pid = ::fork();
  if (pid < 0) {
    ADD_FAILURE() << "fork failed";
    return result;
  }
  if (pid == 0) {
    ::setpgid(0, 0);
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
    const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int in = ::open("/dev/null", O_RDONLY);
    if (o < 0 || e < 0 || in < 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(o, 1);
    ::dup2(e, 2);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execvp(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  while (true) {
    const pid_t w = ::waitpid(pid, &status, WNOHANG);
    if (w == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      ADD_FAILURE() << argv[0] << " timed out after " << timeout_seconds << " s";
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadFileOrEmpty(out);
  result.err = ReadFileOrEmpty(err);
  return result;
}

std::string VerificaBinary() { return VERIFICA_BINARY; }

fs::path BuildDir() { return fs::path(VERIFICA_BINARY).parent_path(); }

bool IsUtf8(std::string_view s) { return text::IsValidUtf8(s); }

}  // namespace verifica::testing
