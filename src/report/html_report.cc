#include "report/html_report.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "report/aggregate.h"
#include "report/entity_stream.h"
#include "report/escape.h"
#include "report/fingerprint.h"
#include "report/formats.h"
#include "report/html_util.h"
#include "report/i18n.h"

namespace verifica::report {

namespace {

using findings::Impact;
using findings::Outcome;
using html::E;

// Elements listed per rule and page, and pages listed per rule; the rest are counted (every
// finding is in report.json and findings.csv).
constexpr size_t kMaxElementsPerPage = 25;
constexpr size_t kMaxPagesPerRule = 60;

struct Group {
  std::string key;
  std::vector<const RuleSummary*> rules;
};

// Groups in reading order: WCAG principles 1–4, obligation packs (by id), other rules.
std::vector<Group> GroupRules(const std::vector<const RuleSummary*>& rules, const Catalog& c) {
  std::map<std::string, std::vector<const RuleSummary*>> by_key;
  for (const RuleSummary* r : rules) by_key[GroupKey(*r, c)].push_back(r);
  std::vector<Group> out;
  auto take = [&](const std::string& key) {
    if (auto it = by_key.find(key); it != by_key.end()) {
      out.push_back({key, std::move(it->second)});
      by_key.erase(it);
    }
  };
  for (const char* p : {"1", "2", "3", "4"}) take(p);
  std::vector<std::string> packs;
  for (const auto& [k, v] : by_key) {
    if (k.starts_with("pack:")) packs.push_back(k);
  }
  for (const std::string& k : packs) take(k);
  take("other");
  return out;
}

std::string GroupTitle(const std::string& key, const Messages& m) {
  if (key.size() == 1) return m.Get("principle." + key);
  if (key.starts_with("pack:")) return m.Format("group.pack", {key.substr(5)});
  return m.Get("group.other");
}

std::string ImpactBadge(Impact i, const Messages& m) {
  return "<span class=\"badge impact-" + std::string(findings::ToString(i)) + "\">" +
         E(m.Format("rule.impact", {m.Impact(i)})) + "</span>";
}

const std::string& MessageText(const findings::Finding& f, const Messages& m) {
  const std::string& t = f.message.Get(m.lang());
  return t.empty() ? (f.message.es.empty() ? f.message.en : f.message.es) : t;
}

std::string ElementsTable(const PageHits& h, bool failed, const Messages& m) {
  const auto& list = failed ? h.failed : h.review;
  const uint64_t total = failed ? h.failed_total : h.review_total;
  std::string out;
  if (!list.empty()) {
    out += "<table>\n<caption class=\"sr-only\">" + E(m.Format("rule.elements_on", {h.url})) +
           "</caption>\n<thead><tr><th scope=\"col\">" + E(m.Get("col.element")) +
           "</th><th scope=\"col\" class=\"num\">" + E(m.Get("col.line")) +
           "</th><th scope=\"col\">" + E(m.Get("col.detail")) + "</th></tr></thead>\n<tbody>\n";
    size_t shown = 0;
    for (const findings::Finding& f : list) {
      if (shown == kMaxElementsPerPage) break;
      ++shown;
      out += "<tr><td>";
      out +=
          f.selector.empty() ? E(m.Get("rule.whole_page")) : "<code>" + E(f.selector) + "</code>";
      if (!f.snippet.empty()) out += "<pre><code>" + E(f.snippet) + "</code></pre>";
      out += "</td><td class=\"num\">" + (f.line > 0 ? std::to_string(f.line) : "—") + "</td><td>" +
             E(MessageText(f, m)) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  const uint64_t listed = std::min<uint64_t>(list.size(), kMaxElementsPerPage);
  if (total > listed) {
    out += "<p class=\"muted\">" + E(m.Count("rule.more_elements", total - listed)) + "</p>\n";
  }
  return out;
}

// `judged`: false for a portal that could not be read (or needs rendering): its review items
// carry no impact badge and no "how to fix" advice, which would assume the content is absent.
std::string RuleBlock(const RuleSummary& r, bool failed, const Catalog& catalog, const Messages& m,
                      bool judged) {
  const findings::RuleInfo* info = nullptr;
  if (auto it = catalog.find(r.id); it != catalog.end()) info = &it->second;
  const std::string id = html::Id(failed ? "fail" : "review", r.id);
  std::string out = "<section class=\"rule" + std::string(failed ? "" : " review") + "\" id=\"" +
                    id + "\" aria-labelledby=\"" + id + "-h\">\n";
  out += "<h4 id=\"" + id + "-h\">" + E(html::RuleTitle(catalog, r.id, m.lang())) +
         " <span class=\"rid\">(" + E(r.id) + ")</span></h4>\n";
  const std::string refs = html::RuleReferences(catalog, r.id, r.wcag, r.act, m);
  if (judged) {
    out += "<p class=\"refs\">" + ImpactBadge(info ? info->impact : r.impact, m);
    if (!refs.empty()) out += " · " + refs;
    out += "</p>\n";
  } else if (!refs.empty()) {
    out += "<p class=\"refs\">" + refs + "</p>\n";
  }
  if (info != nullptr && !info->description.Get(m.lang()).empty()) {
    out += "<p>" + E(info->description.Get(m.lang())) + "</p>\n";
  }
  if (judged && info != nullptr && !info->help.Get(m.lang()).empty()) {
    out += "<p class=\"fix\"><strong>" + E(m.Get("rule.how_to_fix")) + "</strong> " +
           E(info->help.Get(m.lang())) + "</p>\n";
  }
  std::vector<const PageHits*> pages;
  for (const PageHits& h : r.hits) {
    if ((failed ? h.failed_total : h.review_total) > 0) pages.push_back(&h);
  }
  const uint64_t elements = failed ? r.elements_failed : r.elements_review;
  const uint64_t hit_pages = failed ? r.hit_pages_failed : r.hit_pages_review;
  out += "<p>" +
         E(m.Format("rule.affects",
                    {m.Count("count.elements", elements), m.Count("count.pages", hit_pages)})) +
         "</p>\n";
  size_t shown = 0;
  for (const PageHits* h : pages) {
    if (shown == kMaxPagesPerRule) break;
    ++shown;
    out += "<div class=\"page-hits\">\n<p>" + E(m.Get("rule.page")) + " " + html::UrlLink(h->url) +
           " — " + E(m.Count("count.elements", failed ? h->failed_total : h->review_total)) +
           "</p>\n";
    out += ElementsTable(*h, failed, m);
    out += "</div>\n";
  }
  if (hit_pages > shown) {
    out += "<p class=\"muted\">" + E(m.Count("rule.more_pages", hit_pages - shown)) + "</p>\n";
  }
  if (!r.errors.empty()) {
    out += "<p>" + E(m.Get("rule.errors")) + "</p>\n<ul>\n";
    for (const std::string& e : r.errors) out += "<li class=\"url\">" + E(e) + "</li>\n";
    out += "</ul>\n";
  }
  out += "</section>\n";
  return out;
}

// Rules ordered for reading: highest impact first, then most elements, then id.
void SortForReading(std::vector<const RuleSummary*>& v, bool failed) {
  std::sort(v.begin(), v.end(), [failed](const RuleSummary* a, const RuleSummary* b) {
    if (a->impact != b->impact) return a->impact > b->impact;
    const uint64_t ea = failed ? a->elements_failed : a->elements_review;
    const uint64_t eb = failed ? b->elements_failed : b->elements_review;
    if (ea != eb) return ea > eb;
    return a->id < b->id;
  });
}

std::string FindingsSection(const std::vector<RuleSummary>& rules, bool failed,
                            const Catalog& catalog, const Messages& m, bool judged) {
  std::vector<const RuleSummary*> selected;
  for (const RuleSummary& r : rules) {
    const bool wanted = failed ? r.pages_failed > 0 : r.pages_review > 0;
    if (wanted) selected.push_back(&r);
  }
  const std::string sid = failed ? "fallas" : "revision";
  std::string out = "<section id=\"" + sid + "\" aria-labelledby=\"" + sid + "-h\">\n<h2 id=\"" +
                    sid + "-h\">" + E(m.Get(failed ? "section.failures" : "section.review")) +
                    "</h2>\n";
  out += "<p>" + E(m.Get(failed ? "section.failures_intro" : "section.review_intro")) + "</p>\n";
  if (selected.empty()) {
    // On a portal that was not judged, "no rule failed" would read as a clean bill.
    const std::string none = !judged && failed ? m.Get("portal.not_judged")
                             : m.Get(failed ? "section.no_failures" : "section.no_review");
    out += "<p><strong>" + E(none) + "</strong></p>\n</section>\n";
    return out;
  }
  for (Group& g : GroupRules(selected, catalog)) {
    SortForReading(g.rules, failed);
    const std::string gid = html::Id(sid, g.key);
    out += "<h3 id=\"" + gid + "\">" + E(GroupTitle(g.key, m)) + " <span class=\"muted\">(" +
           E(m.Count("count.rules", g.rules.size())) + ")</span></h3>\n";
    for (const RuleSummary* r : g.rules) out += RuleBlock(*r, failed, catalog, m, judged);
  }
  out += "</section>\n";
  return out;
}

std::string RuleListTable(const std::vector<const RuleSummary*>& rules, const Catalog& catalog,
                          const Messages& m, std::string_view caption) {
  std::string out = "<table>\n<caption>" + E(caption) +
                    "</caption>\n<thead><tr><th scope=\"col\">" + E(m.Get("col.rule")) +
                    "</th><th scope=\"col\">" + E(m.Get("col.refs")) +
                    "</th><th scope=\"col\" class=\"num\">" + E(m.Get("col.pages_passed")) +
                    "</th><th scope=\"col\" class=\"num\">" + E(m.Get("col.pages_inapplicable")) +
                    "</th></tr></thead>\n<tbody>\n";
  for (const RuleSummary* r : rules) {
    out += "<tr><td>" + E(html::RuleTitle(catalog, r->id, m.lang())) + " <span class=\"muted\">(" +
           E(r->id) + ")</span></td><td>" +
           html::RuleReferences(catalog, r->id, r->wcag, r->act, m) + "</td><td class=\"num\">" +
           std::to_string(r->pages_passed) + "</td><td class=\"num\">" +
           std::to_string(r->pages_inapplicable) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

std::string Card(std::string_view css, std::string_view number, std::string_view label) {
  return "<li class=\"" + std::string(css) + "\"><span class=\"n\">" + E(number) + "</span> " +
         E(label) + "</li>\n";
}

std::string Fact(std::string_view term, std::string_view value_html) {
  return "<dt>" + E(term) + "</dt><dd>" + std::string(value_html) + "</dd>\n";
}

// Entity rules (obligation packs, broken links) by the page each finding is on: for each page URL,
// the ids of the rules that failed there and of those left for review there. A rule whose
// failure lists no element is on the entity's start page.
struct EntityRulesByPage {
  std::map<std::string, std::set<std::string>, std::less<>> failed, review;

  EntityRulesByPage(const std::vector<findings::RuleResult>& rules, std::string_view entity_url) {
    for (const findings::RuleResult& r : rules) {
      bool listed_failed = false;
      for (const findings::Finding& f : r.findings) {
        std::string url(FindingPageUrl(nullptr, f));
        if (url.empty()) url = entity_url;
        if (f.outcome == Outcome::kFailed) {
          listed_failed = true;
          failed[url].insert(r.id);
        } else if (f.outcome == Outcome::kCantTell) {
          review[url].insert(r.id);
        }
      }
      if (r.outcome == Outcome::kFailed && !listed_failed) failed[std::string(entity_url)].insert(r.id);
    }
  }

  // The entity rules failed (or left for review, and not failed) on the page at `url` or `alias`.
  std::pair<size_t, size_t> On(std::string_view url, std::string_view alias) const {
    std::set<std::string> f, c;
    for (std::string_view u : {url, alias}) {
      if (auto it = failed.find(u); it != failed.end()) f.insert(it->second.begin(), it->second.end());
      if (auto it = review.find(u); it != review.end()) c.insert(it->second.begin(), it->second.end());
    }
    for (const std::string& id : f) c.erase(id);
    return {f.size(), c.size()};
  }
};

// Where an entity rule's finding without a URL of its own is: the home page, as fetched.
std::string HomeUrl(const findings::EntityReport& report) {
  auto it = report.page_roles.find("home");
  return it != report.page_roles.end() ? it->second : report.entity.url;
}

// What report.html needs of the pages, gathered one page at a time: their rows in the pages and
// errors tables, already rendered (a few hundred bytes per page).
struct PageRows {
  uint64_t ok = 0, error = 0;
  std::string detail;  // rows of the pages table
  std::string errors;  // rows of the errors table

  // The pages table counts every rule that failed (or needs review) on the page: the page's own
  // rules and the entity rules whose findings are on it (`entity`, may be null).
  void Add(const findings::PageReport& p, const EntityRulesByPage* entity, const Messages& m) {
    (p.error ? error : ok)++;
    if (p.error) {
      errors += "<tr><td>" + html::UrlLink(p.url) + "</td><td class=\"num\">" +
                (p.status ? std::to_string(p.status) : "—") + "</td><td>" +
                E(PageErrorText(*p.error).Get(m.lang())) + "</td></tr>\n";
    }
    const findings::OutcomeCounts c = findings::CountOutcomes(p.rules);
    size_t failed = c.failed, review = c.cant_tell;
    if (entity != nullptr && !p.error) {
      const auto [ef, er] = entity->On(p.url, p.final_url);
      failed += ef;
      review += er;
    }
    detail += "<tr><td>" + html::UrlLink(p.final_url.empty() ? p.url : p.final_url) +
              "</td><td class=\"num\">" + (p.status ? std::to_string(p.status) : "—") +
              "</td><td class=\"num\">" + (p.error ? "—" : std::to_string(failed)) +
              "</td><td class=\"num\">" + (p.error ? "—" : std::to_string(review)) +
              "</td></tr>\n";
  }
};

std::string IndexText(std::optional<double> v) { return v ? FormatScore(*v) : "—"; }

// The notice that opens the report of a portal that could not be read or needs rendering.
std::string PortalBanner(const findings::PortalStatus& portal, const Messages& m) {
  std::string title, body;
  switch (portal.state) {
    case findings::PortalState::kReadable:
      return {};
    case findings::PortalState::kUnreachable:
      title = m.Get("portal.unreachable_title");
      body = "<p>" + E(m.Format("portal.unreachable_cause",
                                {PortalCauseText(portal).Get(m.lang())})) +
             "</p>\n<p>" + E(m.Get("portal.unreachable_effect")) + "</p>\n<p>" +
             E(m.Get("portal.unreachable_todo")) + "</p>\n";
      break;
    case findings::PortalState::kNeedsRendering:
      title = m.Get("portal.needs_rendering_title");
      body = "<p>" + E(m.Get("portal.needs_rendering_effect")) + "</p>\n<p>" +
             E(m.Get("portal.needs_rendering_todo")) + "</p>\n";
      break;
  }
  return "<section id=\"aviso-portal\" class=\"banner\" aria-labelledby=\"aviso-portal-h\">\n"
         "<h2 id=\"aviso-portal-h\">" +
         E(title) + "</h2>\n" + body + "</section>\n";
}

std::string RenderHtml(const findings::EntityReport& report, const std::vector<RuleSummary>& rules,
                       const PageRows& page_rows, const SummaryBuilder& summary,
                       const Catalog& catalog, const Messages& m) {
  const findings::PortalStatus portal = summary.PortalStatus();
  const bool judged = portal.state == findings::PortalState::kReadable;
  const std::string name = report.entity.name.empty() ? report.entity.id : report.entity.name;
  const uint64_t pages_ok = page_rows.ok, pages_error = page_rows.error;
  const uint64_t pages_total = pages_ok + pages_error;
  std::vector<const RuleSummary*> passed, inapplicable;
  uint32_t n_failed = 0, n_review = 0;
  std::array<uint64_t, 4> by_impact{};
  for (const RuleSummary& r : rules) {
    if (r.outcome == Outcome::kFailed) ++n_failed;
    if (r.outcome == Outcome::kCantTell) ++n_review;
    if (r.outcome == Outcome::kPassed) passed.push_back(&r);
    if (r.outcome == Outcome::kInapplicable) inapplicable.push_back(&r);
    by_impact[static_cast<size_t>(r.impact)] += r.elements_failed;
  }

  std::string out = html::Head(m, m.Format("doc.entity_title", {name}));
  // Header: who and what.
  out += "<header class=\"top\">\n<p class=\"kicker\">" + E(m.Get("doc.kicker")) + "</p>\n<h1>" +
         E(name) + "</h1>\n<p>" + html::UrlLink(report.entity.url) + "</p>\n</header>\n";
  out += "<main id=\"contenido\">\n";
  // A portal that could not be read, or needs rendering, is not judged: say so first.
  out += PortalBanner(portal, m);

  // Summary: the two indices, then counts (without the colours of a verdict when not judged).
  out += "<section id=\"resumen\" aria-labelledby=\"resumen-h\">\n<h2 id=\"resumen-h\">" +
         E(m.Get("section.summary")) + "</h2>\n<ul class=\"cards\">\n";
  out += Card("score", IndexText(summary.ObligationsValue()), m.Get("card.obligations_index"));
  out += Card("score", IndexText(summary.AccessibilityValue()), m.Get("card.accessibility_index"));
  out += Card(!judged ? "" : n_failed ? "failed" : "passed", std::to_string(n_failed),
              m.Get("card.failed"));
  out += Card(n_review ? "review" : "", std::to_string(n_review), m.Get("card.review"));
  out += Card(judged ? "passed" : "", std::to_string(passed.size()), m.Get("card.passed"));
  out += Card("", std::to_string(pages_ok), m.Get("card.pages"));
  out += Card(pages_error ? "failed" : "", std::to_string(pages_error), m.Get("card.page_errors"));
  out += "</ul>\n";
  if (!judged) out += "<p><strong>" + E(m.Get("portal.counts_not_judged")) + "</strong></p>\n";
  out += "<p>" + E(m.Get("summary.indices_are")) + " <a href=\"#como-se-calcula\">" +
         E(m.Get("summary.score_link")) + "</a></p>\n";
  if (judged) {
    const ObligationsIndex ob = summary.Obligations();
    std::string packs;
    for (const auto& [pack, t] : ob.by_pack) {
      packs += (packs.empty() ? "" : "; ") + pack + " " + IndexText(t.Value());
    }
    if (!packs.empty()) {
      out += "<p>" + E(m.Format("index.obligations_by_pack", {packs})) + "</p>\n";
    }
  }
  out += "<p>" +
         E(m.Format("summary.by_impact",
                    {std::to_string(by_impact[3]), std::to_string(by_impact[2]),
                     std::to_string(by_impact[1]), std::to_string(by_impact[0])})) +
         "</p>\n";

  // Chart: rules by outcome in each group (in a verdict's colours: only for a judged portal).
  if (judged) {
    std::vector<const RuleSummary*> all;
    for (const RuleSummary& r : rules) {
      if (r.outcome != Outcome::kInapplicable) all.push_back(&r);
    }
    std::vector<html::BarRow> rows;
    std::string description;
    for (const Group& g : GroupRules(all, catalog)) {
      uint64_t f = 0, c = 0, p = 0;
      for (const RuleSummary* r : g.rules) {
        if (r->outcome == Outcome::kFailed) ++f;
        if (r->outcome == Outcome::kCantTell) ++c;
        if (r->outcome == Outcome::kPassed) ++p;
      }
      const std::string title = GroupTitle(g.key, m);
      const std::string values =
          m.Format("chart.group_values", {std::to_string(f), std::to_string(c), std::to_string(p)});
      rows.push_back({title,
                      {{"bar-failed", f}, {"bar-review", c}, {"bar-passed", p}},
                      std::to_string(f) + " / " + std::to_string(c) + " / " + std::to_string(p)});
      description += title + ": " + values + ". ";
    }
    if (!rows.empty()) {
      out += "<figure>\n<figcaption id=\"grafica-cap\">" + E(m.Get("chart.groups_title")) +
             "</figcaption>\n";
      out += html::BarChart("grafica-grupos", m.Get("chart.groups_title"), description, rows);
      out += "<ul class=\"legend\"><li><span aria-hidden=\"true\" class=\"sw sw-failed\"></span>" +
             E(m.Get("legend.failed")) +
             "</li><li><span aria-hidden=\"true\" class=\"sw sw-review\"></span>" +
             E(m.Get("legend.review")) +
             "</li><li><span aria-hidden=\"true\" class=\"sw sw-passed\"></span>" +
             E(m.Get("legend.passed")) + "</li></ul>\n</figure>\n";
    }
  }
  out += "</section>\n";

  // Scope: when and what was scanned.
  out += "<section id=\"alcance\" aria-labelledby=\"alcance-h\">\n<h2 id=\"alcance-h\">" +
         E(m.Get("section.scope")) + "</h2>\n<dl class=\"facts\">\n";
  out += Fact(m.Get("scope.entity"),
              E(name) + " <span class=\"muted\">(" + E(report.entity.id) + ")</span>");
  if (!report.entity.kind.empty()) out += Fact(m.Get("scope.kind"), E(report.entity.kind));
  {
    // Whose law applied, and whether that was said or assumed.
    const std::string j = report.entity.jurisdiction_name.Get(m.lang());
    out += Fact(m.Get("scope.jurisdiction"),
                E(report.entity.jurisdiction_defaulted ? m.Format("scope.jurisdiction_default", {j})
                                                       : j));
    if (const std::string& g = report.entity.guarantor.Get(m.lang()); !g.empty()) {
      out += Fact(m.Get("scope.guarantor"), E(g));
    }
  }
  out += Fact(m.Get("scope.start_url"), html::UrlLink(report.entity.url));
  if (!report.entity.profiles.empty()) {
    std::string p;
    for (const std::string& s : report.entity.profiles) p += (p.empty() ? "" : ", ") + s;
    out += Fact(m.Get("scope.profiles"), E(p));
  }
  if (!report.crawl.started_at.empty()) {
    out += Fact(m.Get("scope.started"), E(html::When(report.crawl.started_at)));
  }
  if (!report.crawl.finished_at.empty()) {
    out += Fact(m.Get("scope.finished"), E(html::When(report.crawl.finished_at)));
  }
  out +=
      Fact(m.Get("scope.pages"),
           E(m.Format("scope.pages_value", {std::to_string(pages_total), std::to_string(pages_ok),
                                            std::to_string(pages_error)})));
  out += Fact(m.Get("scope.documents"), std::to_string(report.documents.size()));
  if (!report.crawl.robots.empty()) {
    out += Fact(m.Get("scope.robots"),
                E(m.GetOr("robots." + report.crawl.robots, report.crawl.robots)));
  }
  if (!report.crawl.limits_hit.empty()) {
    std::string l;
    for (const std::string& s : report.crawl.limits_hit) {
      l += (l.empty() ? "" : ", ") + m.GetOr("limit." + s, s);
    }
    out += Fact(m.Get("scope.limits_hit"), E(l));
  }
  {
    std::map<std::string, int> packs;
    for (const RuleSummary& r : rules) {
      auto it = catalog.find(r.id);
      packs[it != catalog.end() && !it->second.pack.empty() ? it->second.pack
                                                            : r.id.substr(0, r.id.find('-'))]++;
    }
    std::string p;
    for (const auto& [pack, n] : packs) {
      p += (p.empty() ? "" : ", ") + pack + " (" + m.Count("count.rules", n) + ")";
    }
    out += Fact(m.Get("scope.rules"), E(p.empty() ? "—" : p));
  }
  out += Fact(m.Get("scope.tool"), E("verifica " VERIFICA_VERSION));
  out += "</dl>\n</section>\n";

  out += FindingsSection(rules, /*failed=*/true, catalog, m, judged);
  out += FindingsSection(rules, /*failed=*/false, catalog, m, judged);

  // Pages that could not be checked.
  if (pages_error > 0) {
    out += "<section id=\"errores\" aria-labelledby=\"errores-h\">\n<h2 id=\"errores-h\">" +
           E(m.Get("section.page_errors")) + "</h2>\n<p>" + E(m.Get("section.page_errors_intro")) +
           "</p>\n<table>\n<caption class=\"sr-only\">" + E(m.Get("section.page_errors")) +
           "</caption>\n<thead><tr><th scope=\"col\">" + E(m.Get("col.page")) +
           "</th><th scope=\"col\" class=\"num\">" + E(m.Get("col.status")) +
           "</th><th scope=\"col\">" + E(m.Get("col.reason")) + "</th></tr></thead>\n<tbody>\n";
    out += page_rows.errors;
    out += "</tbody>\n</table>\n</section>\n";
  }

  // What was reviewed: pages, documents, key pages, passed and inapplicable rules.
  out += "<section id=\"detalle\" aria-labelledby=\"detalle-h\">\n<h2 id=\"detalle-h\">" +
         E(m.Get("section.detail")) + "</h2>\n";
  if (!report.page_roles.empty()) {
    out += "<table>\n<caption>" + E(m.Get("detail.roles")) +
           "</caption>\n<thead><tr><th scope=\"col\">" + E(m.Get("col.role")) +
           "</th><th scope=\"col\">" + E(m.Get("col.page")) + "</th></tr></thead>\n<tbody>\n";
    for (const auto& [role, url] : report.page_roles) {
      out += "<tr><td>" + E(m.GetOr("role." + role, role)) + "</td><td>" + html::UrlLink(url) +
             "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  out += "<details>\n<summary>" + E(m.Count("detail.pages", pages_total)) +
         "</summary>\n<table>\n<caption class=\"sr-only\">" + E(m.Get("detail.pages_caption")) +
         "</caption>\n<thead><tr><th scope=\"col\">" + E(m.Get("col.page")) +
         "</th><th scope=\"col\" class=\"num\">" + E(m.Get("col.status")) +
         "</th><th scope=\"col\" class=\"num\">" + E(m.Get("col.rules_failed")) +
         "</th><th scope=\"col\" class=\"num\">" + E(m.Get("col.rules_review")) +
         "</th></tr></thead>\n<tbody>\n";
  out += page_rows.detail;
  out += "</tbody>\n</table>\n</details>\n";
  if (!report.documents.empty()) {
    out += "<details>\n<summary>" + E(m.Count("detail.documents", report.documents.size())) +
           "</summary>\n<table>\n<caption class=\"sr-only\">" +
           E(m.Get("detail.documents_caption")) + "</caption>\n<thead><tr><th scope=\"col\">" +
           E(m.Get("col.document")) + "</th><th scope=\"col\">" + E(m.Get("col.type")) +
           "</th><th scope=\"col\" class=\"num\">" + E(m.Get("col.status")) +
           "</th><th scope=\"col\" class=\"num\">" + E(m.Get("col.bytes")) +
           "</th></tr></thead>\n<tbody>\n";
    for (const findings::DocumentInfo& d : report.documents) {
      out += "<tr><td>" + html::UrlLink(d.url) + "</td><td>" + E(d.type) +
             "</td><td class=\"num\">" + (d.status ? std::to_string(d.status) : "—") +
             "</td><td class=\"num\">" + std::to_string(d.bytes) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n</details>\n";
  }
  out += "<details>\n<summary>" + E(m.Count("detail.passed", passed.size())) + "</summary>\n" +
         RuleListTable(passed, catalog, m, m.Get("detail.passed_caption")) + "</details>\n";
  out += "<details>\n<summary>" + E(m.Count("detail.inapplicable", inapplicable.size())) +
         "</summary>\n" +
         RuleListTable(inapplicable, catalog, m, m.Get("detail.inapplicable_caption")) +
         "</details>\n";
  out += "</section>\n";

  // How to read this report.
  out +=
      "<section id=\"calificacion\" aria-labelledby=\"calificacion-h\">\n<h2 "
      "id=\"calificacion-h\">" +
      E(m.Get("section.method")) + "</h2>\n<h3 id=\"como-se-calcula\">" +
      E(m.Get("method.indices_title")) + "</h3>\n<p>" + E(m.Get("method.obligations_index")) +
      "</p>\n<p>" + E(m.Get("method.accessibility_index")) + "</p>\n<p>" +
      E(m.Get("method.not_readable")) + "</p>\n<p>" + E(m.Get("method.score_kept")) +
      "</p>\n<p>" + E(m.Get("method.review")) + "</p>\n<p>" + E(m.Get("method.limits")) +
      "</p>\n</section>\n";
  out += "</main>\n<footer class=\"bottom\">\n<p>" +
         E(m.Format("doc.footer", {"verifica " VERIFICA_VERSION})) + "</p>\n</footer>\n";
  out += "</body>\n</html>\n";
  return out;
}

// report.html from pages given one at a time: keeps the page rows and the rule summaries (at most
// kMaxPagesPerRule pages and kMaxElementsPerPage elements listed per rule, the rest counted).
class HtmlEntityWriter : public EntityWriter {
 public:
  HtmlEntityWriter(std::ostream& out, const EntityStreamInput& in)
      : out_(out),
        in_(in),
        m_(Messages::For(in.lang)),
        rules_(kMaxPagesPerRule, kMaxElementsPerPage),
        entity_rules_(in.head->entity_rules, HomeUrl(*in.head)) {}
  void Page(const findings::PageReport& page, std::string_view) override {
    rows_.Add(page, &entity_rules_, m_);
    rules_.AddPage(page);
  }
  void Finish() override {
    rules_.AddEntityRules(in_.head->entity_rules, in_.head->entity.url);
    static const Catalog kNoCatalog;
    const SummaryBuilder& summary = in_.tally->summary();
    out_ << RenderHtml(*in_.head, rules_.Finish(), rows_, summary,
                       in_.catalog ? *in_.catalog : kNoCatalog, m_);
  }

 private:
  std::ostream& out_;
  const EntityStreamInput& in_;
  const Messages& m_;
  PageRows rows_;
  RuleSummarizer rules_;
  EntityRulesByPage entity_rules_;
};

}  // namespace

std::unique_ptr<EntityWriter> MakeHtmlEntityWriter(std::ostream& out, const EntityStreamInput& in) {
  return std::make_unique<HtmlEntityWriter>(out, in);
}

std::string RenderEntityHtml(const findings::EntityReport& report, const Catalog& catalog,
                             std::string_view lang) {
  return RenderEntityFormat("html", report, catalog, lang);
}

}  // namespace verifica::report
