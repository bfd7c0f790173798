// The scan hooks (scan_hooks.h) that obligation packs use: link hints steer the crawl (priority
// beyond the page budget, pages on another host), page data is kept per entity, and the entity
// hook adds entity rules and page roles to report.json. Runs RunCampaign in process.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/campaign.h"
#include "cli/commands.h"
#include "cli/entities.h"
#include "cli/scan_hooks.h"
#include "findings/findings_json.h"
#include "util/text.h"

namespace verifica::cli {
namespace {

namespace fs = std::filesystem;

struct TitleData : PageData {
  std::string title;
};

std::string TitleOf(const dom::Document& doc) {
  for (dom::NodeId id = 0; id < doc.size(); ++id) {
    if (doc.IsElement(id, "title")) return text::CollapseWhitespace(doc.TextContent(id));
  }
  return {};
}

TEST(ScanHooksTest, Local_HooksSteerTheCrawlAndAddEntityResults) {
  const fs::path out = fs::temp_directory_path() / ("verifica-hooks-" + std::to_string(::getpid()));
  fs::remove_all(out);
  auto reg = BuildRegistry();
  ASSERT_TRUE(reg.ok());
  auto selected = (*reg)->Select("");
  ASSERT_TRUE(selected.ok());

  Entity e;
  e.id = "san-isidro";
  e.name = "Municipio de San Isidro del Monte";
  e.url = std::string(VERIFICA_SOURCE_DIR) + "/fixtures/demo/sites/municipio-san-isidro/";
  auto start = ResolveStart(e.url, "/");
  ASSERT_TRUE(start.ok()) << start.status().message();
  e.start = *start;

  CampaignOptions o;
  o.rules = *selected;
  o.out_dir = out;
  o.max_pages = 2;  // the role pages must still be fetched
  o.crawl.delay_ms = 0;
  o.workers = 2;
  std::atomic<int> links_seen{0};
  o.hooks.on_link = [&](const LinkContext& l) {
    ++links_seen;
    LinkHint h;
    const std::string t = text::Fold(l.text);
    if (t.find("transparencia") != std::string::npos) {
      h.priority = 10;
      h.allow_offsite = true;
      h.role = "transparencia";
    } else if (t.find("aviso de privacidad") != std::string::npos) {
      h.priority = 9;
      h.allow_offsite = true;
      h.role = "aviso-privacidad";
    }
    EXPECT_EQ(l.entity.id, "san-isidro");
    EXPECT_GE(l.depth, 1);
    return h;
  };
  o.hooks.on_page = [](const PageContext& p) -> std::shared_ptr<const PageData> {
    auto d = std::make_shared<TitleData>();
    d->title = TitleOf(p.doc);
    return d;
  };
  std::vector<EntityPage> seen_pages;
  o.hooks.on_entity = [&](const findings::EntityInfo& info, const std::vector<EntityPage>& pages) {
    seen_pages = pages;
    EntityOutcome out;
    findings::RuleResult r;
    r.id = "tr-demo-portal";
    r.outcome = findings::Outcome::kFailed;
    for (const EntityPage& p : pages) {
      if (p.role.empty()) continue;
      out.page_roles[p.role] = p.final_url;
      auto* d = static_cast<const TitleData*>(p.data.get());
      if (p.role == "transparencia" && d && d->title.find("Transparencia") != std::string::npos) {
        r.outcome = findings::Outcome::kPassed;
        r.passed = 1;
      }
    }
    EXPECT_EQ(info.id, "san-isidro");
    out.entity_rules.push_back(r);
    return out;
  };
  CampaignResult result = RunCampaign({e}, o);
  ASSERT_TRUE(result.write_error.ok()) << result.write_error.message();
  EXPECT_EQ(result.finished, 1u);
  EXPECT_GT(links_seen.load(), 0);

  std::ifstream f(out / "san-isidro" / "report.json");
  std::stringstream ss;
  ss << f.rdbuf();
  auto rep = findings::ParseEntityReport(ss.str());
  ASSERT_TRUE(rep.ok()) << rep.status().message();
  ASSERT_TRUE(rep->page_roles.count("transparencia"));
  EXPECT_NE(rep->page_roles["transparencia"].find("/transparencia-san-isidro/index.html"),
            std::string::npos);
  ASSERT_TRUE(rep->page_roles.count("aviso-privacidad"));
  EXPECT_TRUE(rep->page_roles.count("home"));
  ASSERT_EQ(rep->entity_rules.size(), 2u);  // link-broken, then the hook's
  EXPECT_EQ(rep->entity_rules[1].id, "tr-demo-portal");
  EXPECT_EQ(rep->entity_rules[1].outcome, findings::Outcome::kPassed);
  // The budget of two pages held for ordinary pages; the role pages came on top of it.
  EXPECT_EQ(rep->pages.size(), 3u);
  EXPECT_EQ(seen_pages.size(), 3u);
  bool offsite_seen = false;
  for (const EntityPage& p : seen_pages) offsite_seen = offsite_seen || p.offsite;
  EXPECT_TRUE(offsite_seen);
  EXPECT_NE(std::find(rep->crawl.limits_hit.begin(), rep->crawl.limits_hit.end(), "max-pages"),
            rep->crawl.limits_hit.end());
  fs::remove_all(out);
}

}  // namespace
}  // namespace verifica::cli
