// `verifica scan` end to end: the binary (VERIFICA_BINARY) run as a user would, against local
// directories and HTTP servers on 127.0.0.1 that this test process starts.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "fetch/test_server.h"
#include "findings/findings_json.h"

extern char** environ;

namespace verifica::cli {
namespace {

namespace fs = std::filesystem;
using testing::Html;
using testing::HttpResponse;
using testing::TestServer;

std::string ReadFile(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

struct Proc {
  int exit_code = -1;
  std::string out, err;
};

class ScanCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("verifica-scan-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Starts verifica with stdout and stderr going to files in the test folder.
  pid_t Spawn(const std::vector<std::string>& args) {
    std::vector<std::string> argv_s = {VERIFICA_BINARY};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, (dir_ / "stdout").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, (dir_ / "stderr").c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid = -1;
    EXPECT_EQ(posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&fa);
    return pid;
  }
  Proc Wait(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    Proc p;
    p.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    p.out = ReadFile(dir_ / "stdout");
    p.err = ReadFile(dir_ / "stderr");
    return p;
  }
  Proc Verifica(const std::vector<std::string>& args) { return Wait(Spawn(args)); }

  findings::EntityReport Report(const std::string& id) {
    auto r = findings::ParseEntityReport(ReadFile(out() / id / "report.json"));
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? std::move(r).value() : findings::EntityReport();
  }
  fs::path out() const { return dir_ / "out"; }
  fs::path dir_;
};

const findings::RuleResult* LinkBroken(const findings::EntityReport& rep) {
  for (const auto& r : rep.entity_rules) {
    if (r.id == "link-broken") return &r;
  }
  return nullptr;
}

std::string Source(const std::string& rel) { return std::string(VERIFICA_SOURCE_DIR) + "/" + rel; }

TEST_F(ScanCliTest, Local_ScanOfALocalDirectory) {
  Proc p = Verifica({"scan", Source("fixtures/demo/sites/instituto-vivienda"), "--out",
                     out().string(), "--quiet"});
  ASSERT_LE(p.exit_code, 1) << p.err;
  findings::EntityReport rep = Report("instituto-vivienda");
  EXPECT_EQ(rep.entity.id, "instituto-vivienda");
  EXPECT_EQ(rep.crawl.robots, "not-applicable");
  EXPECT_EQ(rep.crawl.pages, 7u);
  EXPECT_EQ(rep.pages.size(), 7u);
  for (const auto& page : rep.pages) {
    EXPECT_FALSE(page.error.has_value()) << page.url;
    EXPECT_FALSE(page.rules.empty()) << page.url;
  }
  EXPECT_EQ(rep.documents.size(), 2u);
  ASSERT_TRUE(rep.page_roles.count("home"));
  EXPECT_NE(rep.page_roles["home"].find("/instituto-vivienda/index.html"), std::string::npos);
  const findings::RuleResult* lb = LinkBroken(rep);
  ASSERT_NE(lb, nullptr);
  EXPECT_EQ(lb->outcome, findings::Outcome::kPassed);
  const std::string csv = ReadFile(out() / "summary.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 2);
  EXPECT_NE(csv.find("instituto-vivienda,"), std::string::npos);
  EXPECT_NE(p.out.find("instituto-vivienda"), std::string::npos);  // the summary table
}

TEST_F(ScanCliTest, Local_DemoCampaign) {
  Proc p = Verifica(
      {"scan", "--entities", Source("fixtures/demo/entities.csv"), "--out", out().string()});
  ASSERT_EQ(p.exit_code, 1) << p.err;  // the demo portals have serious failures
  auto summary = nlohmann::json::parse(ReadFile(out() / "summary.json"));
  ASSERT_EQ(summary["entities"].size(), 5u);
  EXPECT_EQ(summary["entities"][0]["id"], "instituto-vivienda");  // the file's order
  for (const auto& e : summary["entities"]) {
    // The JavaScript-only portal cannot be judged without a browser (report/outputs.h).
    EXPECT_EQ(e["status"], e["id"] == "fideicomiso-turismo" ? "needs-rendering" : "ok") << e.dump();
  }
  // Plain log lines on a non-TTY stderr: one per finished entity.
  EXPECT_NE(p.err.find("verifica: comision-agua: 6 pages"), std::string::npos) << p.err;
  // The totals line counts what the entity lines count: their sums.
  const std::regex entity_line(
      R"(verifica: [a-z-]+: (\d+) pages, (\d+) page errors, (\d+) broken links, \d+ rules failed)");
  unsigned pages = 0, page_errors = 0, broken = 0, lines = 0;
  for (std::sregex_iterator it(p.err.begin(), p.err.end(), entity_line), end; it != end; ++it) {
    pages += std::stoul((*it)[1]);
    page_errors += std::stoul((*it)[2]);
    broken += std::stoul((*it)[3]);
    ++lines;
  }
  EXPECT_EQ(lines, 5u) << p.err;
  EXPECT_GE(broken, 1u);  // comision-agua's missing PDF
  std::smatch totals;
  ASSERT_TRUE(std::regex_search(
      p.err, totals,
      std::regex(
          R"(verifica: 5/5 entities, (\d+) pages \([0-9.]+/s\), (\d+) page errors, \d+ documents, (\d+) broken links)")))
      << p.err;
  EXPECT_EQ(std::stoul(totals[1]), pages) << p.err;
  EXPECT_EQ(std::stoul(totals[2]), page_errors) << p.err;
  EXPECT_EQ(std::stoul(totals[3]), broken) << p.err;

  findings::EntityReport agua = Report("comision-agua");
  ASSERT_NE(LinkBroken(agua), nullptr);
  const findings::RuleResult& lb = *LinkBroken(agua);
  EXPECT_EQ(lb.outcome, findings::Outcome::kFailed);
  ASSERT_EQ(lb.findings.size(), 1u);
  EXPECT_NE(lb.findings[0].args[0].find("documentos/tarifas-2026.pdf"), std::string::npos);
  EXPECT_NE(lb.findings[0].url.find("/comision-agua/servicios.html"), std::string::npos);

  findings::EntityReport cultura = Report("secretaria-cultura");
  bool saw_latin1 = false;
  for (const auto& page : cultura.pages) {
    if (page.url.find("/secretaria-cultura/index.html") != std::string::npos) {
      saw_latin1 = page.encoding == "windows-1252";
    }
  }
  EXPECT_TRUE(saw_latin1);
  // The transparency site on "another host" is outside the crawl's scope; the obligation packs'
  // page-role hook lets the crawler fetch it anyway, and says which page plays which role.
  findings::EntityReport municipio = Report("municipio-san-isidro");
  ASSERT_TRUE(municipio.page_roles.count("transparencia"));
  EXPECT_NE(municipio.page_roles["transparencia"].find("/transparencia-san-isidro/index.html"),
            std::string::npos);
  EXPECT_EQ(Report("fideicomiso-turismo").pages.size(), 1u);
}

TEST_F(ScanCliTest, Local_BadEntitiesFileRejectedWholeNothingScanned) {
  std::ofstream(dir_ / "e.csv")
      << "id,name,url\nbien,Bien,https://bien.gob.mx\n"
         "bien,Otra vez,https://otra.gob.mx\nmal/id,Mal,https://x.gob.mx\n";
  Proc p = Verifica({"scan", "--entities", (dir_ / "e.csv").string(), "--out", out().string()});
  EXPECT_EQ(p.exit_code, 2);
  EXPECT_NE(p.err.find("e.csv:3: duplicate id 'bien'"), std::string::npos) << p.err;
  EXPECT_NE(p.err.find("e.csv:4: id 'mal/id'"), std::string::npos) << p.err;
  EXPECT_FALSE(fs::exists(out()));
  EXPECT_EQ(Verifica({"scan", "--out", out().string()}).exit_code, 2);  // no target
  EXPECT_EQ(Verifica({"scan", Source("fixtures/demo/sites/comision-agua"), "--exclude", "(",
                      "--out", out().string()})
                .exit_code,
            2);
  EXPECT_FALSE(fs::exists(out() / "summary.json"));
}

TEST_F(ScanCliTest, Local_UnreachableEntityGetsAReportAndExit3) {
  // A port nothing listens on: take a server's port, then stop the server.
  int port;
  {
    TestServer s;
    port = s.port();
  }
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/";
  Proc p = Verifica(
      {"scan", url, "--allow-private", "--retries", "0", "--out", out().string(), "--quiet"});
  EXPECT_EQ(p.exit_code, 3) << p.err;
  findings::EntityReport rep = Report("127.0.0.1");
  ASSERT_FALSE(rep.pages.empty());
  ASSERT_TRUE(rep.pages[0].error.has_value());
  // The real cause, not "robots.txt could not be fetched (HTTP 0)" (issue 10 item 1).
  EXPECT_EQ(rep.pages[0].error->kind, "connection-refused");
  auto summary = nlohmann::json::parse(ReadFile(out() / "summary.json"));
  EXPECT_EQ(summary["entities"][0]["status"], "unreachable");
  EXPECT_FALSE(summary["entities"][0]["error"].get<std::string>().empty());
}

// Issue 10 item 1: a portal that refuses the connection is not judged. Before, it scored 7.1,
// failed 13 obligations with advice such as "Publique el aviso de privacidad", said nothing of
// the site being down, and wrote "se buscó desde la página de inicio ." with an empty URL.
TEST_F(ScanCliTest, Local_AnUnreadablePortalIsNotJudged) {
  int port;
  {
    TestServer s;
    port = s.port();
  }
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/";
  Proc p = Verifica({"scan", url, "--allow-private", "--retries", "0", "--out", out().string(),
                     "--quiet", "--format", "html,csv"});
  EXPECT_EQ(p.exit_code, 3) << p.err;
  auto report = nlohmann::json::parse(ReadFile(out() / "127.0.0.1" / "report.json"));
  EXPECT_EQ(report["portal"]["state"], "unreachable");
  EXPECT_EQ(report["portal"]["cause"]["kind"], "connection-refused");
  EXPECT_TRUE(report["score"]["value"].is_null());
  EXPECT_TRUE(report["indices"]["obligations"]["value"].is_null());
  EXPECT_TRUE(report["indices"]["accessibility"]["value"].is_null());
  int obligations = 0;
  for (const auto& r : report["entity_rules"]) {
    const std::string id = r["id"].get<std::string>();
    for (const auto& f : r["findings"]) {
      for (const char* lang : {"es", "en"}) {
        const std::string msg = f["message"][lang].get<std::string>();
        EXPECT_EQ(msg.find(" ."), std::string::npos) << id << ": " << msg;  // no empty URL
        EXPECT_EQ(msg.find("  "), std::string::npos) << id << ": " << msg;
        // No phrase said twice in a row ("…coincidió (0 páginas); …coincidió (0 páginas)").
        for (size_t a = msg.find("; "); a != std::string::npos; a = msg.find("; ", a + 2)) {
          const std::string before = msg.substr(0, a), after = msg.substr(a + 2);
          const size_t cut = before.rfind(": ");
          const std::string last = cut == std::string::npos ? before : before.substr(cut + 2);
          EXPECT_FALSE(after.starts_with(last)) << id << ": " << msg;
        }
      }
    }
    if (id == "link-broken" || id == "pack-page-roles") continue;
    ++obligations;
    EXPECT_EQ(r["outcome"], "cantTell") << id;
    ASSERT_EQ(r["findings"].size(), 1u) << id;
    EXPECT_EQ(r["findings"][0]["message_id"], "portal-unreadable") << id;
    const std::string es = r["findings"][0]["message"]["es"].get<std::string>();
    EXPECT_NE(es.find("Portal no legible"), std::string::npos) << es;
    EXPECT_NE(es.find("rechazó la conexión"), std::string::npos) << es;
  }
  EXPECT_GT(obligations, 10);
  auto summary = nlohmann::json::parse(ReadFile(out() / "summary.json"));
  EXPECT_TRUE(summary["entities"][0]["score"].is_null());
  EXPECT_TRUE(summary["entities"][0]["indices"]["obligations"]["value"].is_null());
  EXPECT_EQ(summary["entities"][0]["portal"], "unreachable");
  const std::string csv = ReadFile(out() / "summary.csv");
  EXPECT_NE(csv.find(",unreachable,"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",,,,127.0.0.1/report.json"), std::string::npos) << csv;  // no score/index
  EXPECT_NE(p.out.find("      —       —"), std::string::npos) << p.out;  // console table
  const std::string html = ReadFile(out() / "127.0.0.1" / "report.html");
  const size_t banner = html.find("<section id=\"aviso-portal\"");
  ASSERT_NE(banner, std::string::npos);
  EXPECT_LT(banner, html.find("<section id=\"resumen\""));  // the report opens with it
  EXPECT_NE(html.find("Portal no legible: no se emite calificación"), std::string::npos);
  EXPECT_NE(html.find("el servidor rechazó la conexión"), std::string::npos);
  EXPECT_EQ(html.find("Cómo corregir"), std::string::npos);  // no advice to publish
  EXPECT_EQ(html.find("Impacto: Grave"), std::string::npos);
  EXPECT_EQ(html.find("HTTP 0"), std::string::npos);
  EXPECT_EQ(html.find("Ninguna regla falló"), std::string::npos);
}

TEST_F(ScanCliTest, Local_CampaignGoesOnPastAnUnreachableEntity) {
  std::ofstream(dir_ / "e.json")
      << "[{\"id\": \"caido\", \"name\": \"Caído\", \"url\": \"http://127.0.0.1:1/\"},\n"
         " {\"id\": \"local\", \"name\": \"Local\", \"url\": \"" +
             Source("fixtures/demo/sites/fideicomiso-turismo") + "\"}]\n";
  Proc p = Verifica({"scan", "--entities", (dir_ / "e.json").string(), "--allow-private",
                     "--retries", "0", "--out", out().string(), "--quiet"});
  EXPECT_LE(p.exit_code, 1) << p.err;
  EXPECT_TRUE(fs::exists(out() / "caido" / "report.json"));
  EXPECT_TRUE(fs::exists(out() / "local" / "report.json"));
  const std::string csv = ReadFile(out() / "summary.csv");
  EXPECT_NE(csv.find("caido,"), std::string::npos);
  EXPECT_NE(csv.find(",unreachable,"), std::string::npos) << csv;
}

TEST_F(ScanCliTest, Local_PrivateAddressRefusedWithoutAllowPrivate) {
  TestServer s;
  s.Route("/", Html("<title>x</title>"));
  Proc p = Verifica({"scan", s.Url("/"), "--out", out().string(), "--quiet"});
  EXPECT_EQ(p.exit_code, 3);
  EXPECT_TRUE(s.Requests().empty());
  findings::EntityReport rep = Report("127.0.0.1");
  ASSERT_FALSE(rep.pages.empty());
  EXPECT_EQ(rep.pages[0].error->kind, "private-address");
}

TEST_F(ScanCliTest, Local_CharsetsFromHeaderMetaOrBytes) {
  TestServer s;
  const std::string latin1 =
      "<html lang=es><title>Informaci\xF3n p\xFA"
      "blica</title><body>"
      "<a href=/sin-charset>a</a><a href=/charset-falso>b</a>"
      "<a href=/meta>c</a></body></html>";
  HttpResponse declared;
  declared.headers = {{"Content-Type", "text/html; charset=ISO-8859-1"}};
  declared.body = latin1;
  s.Route("/", declared);
  HttpResponse none;
  none.headers = {{"Content-Type", "text/html"}};
  none.body = latin1;
  s.Route("/sin-charset", none);
  HttpResponse wrong;  // the header says UTF-8, the bytes are Latin-1: the header wins
  wrong.headers = {{"Content-Type", "text/html; charset=utf-8"}};
  wrong.body = latin1;
  s.Route("/charset-falso", wrong);
  HttpResponse meta;
  meta.headers = {{"Content-Type", "text/html"}};
  meta.body = "<meta charset=windows-1252>" + latin1;
  s.Route("/meta", meta);
  Proc p = Verifica(
      {"scan", s.Url("/"), "--allow-private", "--delay", "0", "--out", out().string(), "--quiet"});
  ASSERT_LE(p.exit_code, 1) << p.err;
  std::map<std::string, std::string> enc;
  for (const auto& page : Report("127.0.0.1").pages) enc[page.url] = page.encoding;
  EXPECT_EQ(enc[s.Url("/")], "windows-1252");
  EXPECT_EQ(enc[s.Url("/sin-charset")], "windows-1252");
  EXPECT_EQ(enc[s.Url("/charset-falso")], "utf-8");
  EXPECT_EQ(enc[s.Url("/meta")], "windows-1252");
}

TEST_F(ScanCliTest, Local_BrokenLinksAreFindingsWithTheLinkingPages) {
  TestServer s;
  s.Route("/", Html("<html lang=es><title>Inicio</title><body>\n\n"
                    "<a href=/informe-2023.pdf>Informe 2023</a><a href=/b>B</a></body></html>"));
  s.Route("/b", Html("<html lang=es><title>B</title><a href=/no-existe>Roto</a></html>"));
  Proc p = Verifica({"scan", s.Url("/"), "--allow-private", "--delay", "0", "--out", out().string(),
                     "--quiet", "--fail-on", "moderate"});
  EXPECT_EQ(p.exit_code, 1) << p.err;
  findings::EntityReport rep = Report("127.0.0.1");
  ASSERT_NE(LinkBroken(rep), nullptr);
  const auto& lb = *LinkBroken(rep);
  EXPECT_EQ(lb.outcome, findings::Outcome::kFailed);
  ASSERT_EQ(lb.findings.size(), 2u);
  std::map<std::string, findings::Finding> by_target;
  for (const auto& f : lb.findings) by_target[f.args[0]] = f;
  ASSERT_TRUE(by_target.count(s.Url("/informe-2023.pdf")));
  EXPECT_EQ(by_target[s.Url("/informe-2023.pdf")].url, s.Url("/"));
  EXPECT_EQ(by_target[s.Url("/informe-2023.pdf")].line, 3u);
  ASSERT_TRUE(by_target.count(s.Url("/no-existe")));
  EXPECT_EQ(by_target[s.Url("/no-existe")].url, s.Url("/b"));
  // The failed page is on record with its error; the PDF is in the document inventory.
  bool page_error = false;
  for (const auto& page : rep.pages) {
    if (page.url == s.Url("/no-existe")) page_error = page.error && page.status == 404;
  }
  EXPECT_TRUE(page_error);
  ASSERT_EQ(rep.documents.size(), 1u);
  EXPECT_EQ(rep.documents[0].status, 404);
}

TEST_F(ScanCliTest, Local_InterruptLeavesOnlyCompleteReports) {
  TestServer slow;
  std::string links;
  for (int i = 0; i < 40; ++i) links += "<a href=/p" + std::to_string(i) + ">p</a>";
  slow.Route("/", Html("<title>Lento</title>" + links));
  for (int i = 0; i < 40; ++i) {
    HttpResponse r = Html("<title>p</title>");
    r.delay_ms = 300;
    slow.Route("/p" + std::to_string(i), r);
  }
  std::ofstream(dir_ / "e.csv") << "id,name,url\nrapido,Rápido," +
                                       Source("fixtures/demo/sites/fideicomiso-turismo") +
                                       "\nlento,Lento," + slow.Url("/") + "\nnunca,Nunca," +
                                       Source("fixtures/demo/sites/comision-agua") + "\n";
  pid_t pid =
      Spawn({"scan", "--entities", (dir_ / "e.csv").string(), "--allow-private", "--concurrency",
             "1", "--per-host", "1", "--delay", "0", "--out", out().string()});
  // Wait until the slow entity is being crawled (the fast one is done by then).
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  // The fast entity's report is written on the campaign thread while the next entity's crawl
  // starts: wait for both (slow builds, e.g. ThreadSanitizer, may take a while).
  while ((slow.Count("/p0") + slow.Count("/p1") == 0 ||
          !fs::exists(out() / "rapido" / "report.json")) &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(fs::exists(out() / "rapido" / "report.json"));
  ::kill(pid, SIGINT);
  Proc p = Wait(pid);
  EXPECT_EQ(p.exit_code, 130) << p.err;  // 128 + SIGINT, as a shell reports it
  EXPECT_NE(p.err.find("interrupted (SIGINT)"), std::string::npos) << p.err;
  EXPECT_EQ(Report("rapido").entity.id, "rapido");  // complete and valid
  EXPECT_FALSE(fs::exists(out() / "lento" / "report.json"));
  EXPECT_FALSE(fs::exists(out() / "nunca" / "report.json"));
  for (const auto& e : fs::recursive_directory_iterator(out())) {
    EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << e.path();
  }
  auto summary = nlohmann::json::parse(ReadFile(out() / "summary.json"));
  ASSERT_EQ(summary["entities"].size(), 3u);
  EXPECT_EQ(summary["entities"][0]["status"], "needs-rendering");  // finished (a JS shell)
  EXPECT_EQ(summary["entities"][1]["status"], "interrupted");
  EXPECT_EQ(summary["entities"][2]["status"], "not-scanned");
}

// A slow portal being crawled when a signal arrives.
class SlowPortal {
 public:
  SlowPortal() {
    std::string links;
    for (int i = 0; i < 40; ++i) links += "<a href=/p" + std::to_string(i) + ">p</a>";
    server.Route("/", Html("<title>Lento</title>" + links));
    for (int i = 0; i < 40; ++i) {
      HttpResponse r = Html("<title>p</title>");
      r.delay_ms = 300;
      server.Route("/p" + std::to_string(i), r);
    }
  }
  bool WaitUntilCrawling() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (server.Count("/p0") + server.Count("/p1") == 0) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
  }
  TestServer server;
};

TEST_F(ScanCliTest, Local_SigtermStopsCleanlyWithExit143) {
  SlowPortal slow;
  pid_t pid = Spawn({"scan", slow.server.Url("/"), "--allow-private", "--concurrency", "1",
                     "--per-host", "1", "--delay", "0", "--out", out().string()});
  ASSERT_TRUE(slow.WaitUntilCrawling());
  ::kill(pid, SIGTERM);
  Proc p = Wait(pid);
  EXPECT_EQ(p.exit_code, 143) << p.err;
  EXPECT_NE(p.err.find("interrupted (SIGTERM)"), std::string::npos) << p.err;
  // The entity being crawled has no report (never a partial one); the summary says why.
  EXPECT_FALSE(fs::exists(out() / "127.0.0.1" / "report.json"));
  auto summary = nlohmann::json::parse(ReadFile(out() / "summary.json"));
  ASSERT_EQ(summary["entities"].size(), 1u);
  EXPECT_EQ(summary["entities"][0]["status"], "interrupted");
  EXPECT_NE(p.out.find("interrupted"), std::string::npos);  // the summary table too
  for (const auto& e : fs::recursive_directory_iterator(out())) {
    EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << e.path();
    EXPECT_EQ(e.path().string().find(".spool"), std::string::npos) << e.path();
  }
}

TEST_F(ScanCliTest, Local_SecondInterruptExitsAtOnce) {
  SlowPortal slow;
  pid_t pid = Spawn({"scan", slow.server.Url("/"), "--allow-private", "--concurrency", "1",
                     "--per-host", "1", "--delay", "0", "--out", out().string()});
  ASSERT_TRUE(slow.WaitUntilCrawling());
  ::kill(pid, SIGINT);
  std::this_thread::sleep_for(std::chrono::milliseconds(10));  // two signals, not one merged
  ::kill(pid, SIGINT);
  Proc p = Wait(pid);
  // Either the second signal found the scan still stopping and ended it at once, or the clean
  // stop was already over; both exit as interrupted by SIGINT.
  EXPECT_EQ(p.exit_code, 130) << p.err;
  EXPECT_FALSE(fs::exists(out() / "127.0.0.1" / "report.json"));
}

TEST_F(ScanCliTest, Local_HelpNamesTheExitCodes) {
  Proc p = Verifica({"scan", "--help"});
  EXPECT_EQ(p.exit_code, 0);
  EXPECT_NE(p.out.find("130 interrupted by Ctrl-C"), std::string::npos) << p.out;
  EXPECT_NE(p.out.find("143"), std::string::npos);
  EXPECT_NE(p.out.find("--no-external-links"), std::string::npos);
}

// Links to other sites are checked (HEAD) and broken ones reported with the linking page; the
// "other site" is a second server on 127.0.0.1. Never the Internet.
TEST_F(ScanCliTest, Local_OffsiteLinksCheckedUnlessTurnedOff) {
  TestServer site, other;
  site.Route("/", Html("<html lang=es><title>Inicio</title><body>\n"
                       "<a href='" +
                       other.Url("/pnt") +
                       "'>Plataforma Nacional</a>\n"
                       "<a href='" +
                       other.Url("/caido") +
                       "'>Enlace caído</a>\n"
                       "<a href='" +
                       other.Url("/otro") + "'>Otro</a></body></html>"));
  other.Route("/pnt", Html("<title>PNT</title>"));
  other.Route("/otro", Html("<title>Otro</title>"));
  const std::vector<std::string> common = {
      "scan", site.Url("/"), "--allow-private", "--delay", "0", "--quiet", "--out", out().string()};
  Proc p = Verifica(common);
  ASSERT_LE(p.exit_code, 1) << p.err;
  findings::EntityReport rep = Report("127.0.0.1");
  EXPECT_EQ(rep.pages.size(), 1u);  // other sites' pages are not pages of the portal
  std::map<std::string, findings::DocumentInfo> docs;
  for (const auto& d : rep.documents) docs[d.url] = d;
  ASSERT_TRUE(docs.count(other.Url("/pnt")));
  EXPECT_EQ(docs[other.Url("/pnt")].status, 200);
  ASSERT_TRUE(docs.count(other.Url("/caido")));
  EXPECT_EQ(docs[other.Url("/caido")].status, 404);
  const findings::RuleResult* lb = LinkBroken(rep);
  ASSERT_NE(lb, nullptr);
  EXPECT_EQ(lb->outcome, findings::Outcome::kFailed);
  ASSERT_EQ(lb->findings.size(), 1u);
  EXPECT_EQ(lb->findings[0].args[0], other.Url("/caido"));
  EXPECT_EQ(lb->findings[0].url, site.Url("/"));
  EXPECT_EQ(lb->findings[0].line, 3u);
  for (const auto& q : other.Requests()) {
    if (q.path != "/robots.txt") {
      EXPECT_EQ(q.method, "HEAD") << q.path;
    }
  }
  const size_t seen = other.Requests().size();

  // A cap per entity.
  std::vector<std::string> capped = common;
  capped.insert(capped.end(), {"--max-external-links", "1"});
  fs::remove_all(out());
  ASSERT_LE(Verifica(capped).exit_code, 1);
  rep = Report("127.0.0.1");
  EXPECT_EQ(rep.documents.size(), 1u);
  EXPECT_NE(
      std::find(rep.crawl.limits_hit.begin(), rep.crawl.limits_hit.end(), "max-external-links"),
      rep.crawl.limits_hit.end());

  // Off: by flag, or by the config file.
  const size_t before_off = other.Requests().size();
  EXPECT_GT(before_off, seen);
  std::vector<std::string> off = common;
  off.push_back("--no-external-links");
  fs::remove_all(out());
  ASSERT_LE(Verifica(off).exit_code, 1);
  EXPECT_TRUE(Report("127.0.0.1").documents.empty());
  std::ofstream(dir_ / "verifica.json") << R"({"scan": {"no-external-links": true}})";
  std::vector<std::string> by_config = common;
  by_config.insert(by_config.end(), {"--config", (dir_ / "verifica.json").string()});
  fs::remove_all(out());
  ASSERT_LE(Verifica(by_config).exit_code, 1);
  rep = Report("127.0.0.1");
  EXPECT_TRUE(rep.documents.empty());
  ASSERT_NE(LinkBroken(rep), nullptr);
  EXPECT_NE(LinkBroken(rep)->outcome, findings::Outcome::kFailed);
  EXPECT_EQ(other.Requests().size(), before_off);
}

// Pages reached through redirects carry the chain (additive "redirects" field of PageReport).
TEST_F(ScanCliTest, Local_RedirectChainsInPageReports) {
  TestServer s;
  s.Route("/", Html("<html lang=es><title>Inicio</title><a href=/viejo>Viejo</a></html>"));
  s.Route("/viejo", testing::Redirect("/intermedio", 301));
  s.Route("/intermedio", testing::Redirect("/nuevo", 302));
  s.Route("/nuevo", Html("<html lang=es><title>Nuevo</title></html>"));
  for (const char* format : {"html", "json"}) {
    fs::remove_all(out());
    Proc p = Verifica({"scan", s.Url("/"), "--allow-private", "--delay", "0", "--quiet", "--format",
                       format, "--out", out().string()});
    ASSERT_LE(p.exit_code, 1) << p.err;
    bool seen = false;
    for (const auto& page : Report("127.0.0.1").pages) {
      if (page.url == s.Url("/viejo")) {
        seen = true;
        EXPECT_FALSE(page.error.has_value());
        EXPECT_EQ(page.final_url, s.Url("/nuevo"));
        EXPECT_EQ(page.redirects, (std::vector<std::string>{s.Url("/viejo"), s.Url("/intermedio")}))
            << format;
      } else {
        EXPECT_TRUE(page.redirects.empty()) << page.url;
      }
    }
    EXPECT_TRUE(seen) << format;
    auto j = nlohmann::json::parse(ReadFile(out() / "127.0.0.1" / "report.json"));
    for (const auto& page : j["pages"]) {
      EXPECT_EQ(page.contains("redirects"), page["url"] == s.Url("/viejo")) << page.dump();
    }
  }
}

// --format json streams each entity's pages to disk while crawling; report.json must hold the
// same content as the in-memory path writes (timestamps aside), with nothing left behind.
TEST_F(ScanCliTest, Local_StreamedReportsMatchInMemoryReports) {
  TestServer s;
  s.Route("/", Html("<html lang=es><title>Inicio</title><body><img src=a.png>"
                    "<a href=/b>B</a><a href=/c>C</a><a href=/falta>Falta</a></body></html>"));
  s.Route("/b", Html("<html><title>B</title><a href=/>Inicio</a><input name=q></html>"));
  s.Route("/c", Html("<html lang=es><title></title><a href=/b><img src=x.png></a></html>"));
  std::ofstream(dir_ / "e.csv") << "id,name,url\nlocal,Local," +
                                       Source("fixtures/demo/sites/comision-agua") + "\nweb,Web," +
                                       s.Url("/") + "\n";
  const std::vector<std::string> common = {
      "scan", "--entities", (dir_ / "e.csv").string(), "--allow-private", "--delay",
      "0",    "--quiet"};
  std::vector<std::string> streamed = common, in_memory = common;
  streamed.insert(streamed.end(), {"--format", "json", "--out", (dir_ / "streamed").string()});
  in_memory.insert(in_memory.end(), {"--out", (dir_ / "memory").string()});
  Proc a = Verifica(streamed);
  Proc b = Verifica(in_memory);
  ASSERT_EQ(a.exit_code, b.exit_code) << a.err << b.err;
  auto strip = [](nlohmann::json j) {
    j["crawl"].erase("started_at");
    j["crawl"].erase("finished_at");
    for (auto& p : j["pages"]) p.erase("fetched_at");
    return j;
  };
  for (const char* id : {"local", "web"}) {
    const std::string text = ReadFile(dir_ / "streamed" / id / "report.json");
    auto x = nlohmann::json::parse(text, nullptr, false);
    auto y = nlohmann::json::parse(ReadFile(dir_ / "memory" / id / "report.json"), nullptr, false);
    ASSERT_FALSE(x.is_discarded()) << id;
    ASSERT_FALSE(y.is_discarded()) << id;
    EXPECT_EQ(strip(x), strip(y)) << id;
    EXPECT_EQ(text, x.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n") << id;
    std::vector<std::string> files;
    for (const auto& f : fs::directory_iterator(dir_ / "streamed" / id)) {
      files.push_back(f.path().filename().string());
    }
    EXPECT_EQ(files, std::vector<std::string>{"report.json"}) << id;
  }
  EXPECT_EQ(ReadFile(dir_ / "streamed" / "summary.csv"), ReadFile(dir_ / "memory" / "summary.csv"));
}

TEST_F(ScanCliTest, Local_RulesCatalogListsLinkBroken) {
  Proc p = Verifica({"rules"});
  EXPECT_EQ(p.exit_code, 0);
  EXPECT_NE(p.out.find("link-broken"), std::string::npos);
}

}  // namespace
}  // namespace verifica::cli
