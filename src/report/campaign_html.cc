// index.html: the campaign at a glance (see html_report.h).
#include <algorithm>
#include <array>
#include <map>

#include "report/aggregate.h"
#include "report/escape.h"
#include "report/html_report.h"
#include "report/html_util.h"
#include "report/i18n.h"

namespace verifica::report {

namespace {

using html::E;

constexpr size_t kTopFailures = 10;

// The entity's pages were checked: it has a report (status "ok" or "needs-rendering").
bool Reviewed(const EntitySummary& s) {
  return s.status == "ok" || s.status == kStatusNeedsRendering;
}

// The score counts in averages.
bool Scored(const EntitySummary& s) { return s.status == "ok" && s.scored; }

std::string NeedsRenderingLabel(const Messages& m) {
  return "<span class=\"status-review\">" + E(m.Get("index.needs_rendering")) + "</span>";
}

std::string ObligationStatus(const EntitySummary& s, const Messages& m) {
  if (!Reviewed(s)) return "<span class=\"muted\">—</span>";
  if (s.status == kStatusNeedsRendering) return NeedsRenderingLabel(m);
  if (s.obligations_failed > 0) {
    return "<span class=\"status-bad\">" +
           E(m.Count("index.obligations_failed", s.obligations_failed)) + "</span>";
  }
  if (s.obligations_cant_tell > 0) {
    return "<span class=\"status-review\">" +
           E(m.Count("index.obligations_review", s.obligations_cant_tell)) + "</span>";
  }
  if (s.obligations_passed > 0) {
    return "<span class=\"status-ok\">" + E(m.Get("index.obligations_ok")) + "</span>";
  }
  return "<span class=\"muted\">" + E(m.Get("index.obligations_none")) + "</span>";
}

std::string Num(uint64_t n) { return "<td class=\"num\">" + std::to_string(n) + "</td>"; }

std::string Th(const Messages& m, std::string_view key, bool num = false) {
  return std::string("<th scope=\"col\"") + (num ? " class=\"num\"" : "") + ">" + E(m.Get(key)) +
         "</th>";
}

}  // namespace

std::string RenderCampaignHtml(const std::vector<EntitySummary>& rows, const Catalog& catalog,
                               std::string_view lang, bool link_reports) {
  const Messages& m = Messages::For(lang);
  uint64_t pages = 0, reachable = 0, scored = 0, with_failures = 0, obligations_failing = 0;
  uint64_t needs_rendering = 0;
  double score_sum = 0;
  std::array<uint64_t, 4> impact{};
  for (const EntitySummary& s : rows) {
    pages += s.pages;
    if (Reviewed(s)) ++reachable;
    if (Scored(s)) {
      ++scored;
      score_sum += s.score;
    }
    if (s.status == kStatusNeedsRendering) ++needs_rendering;
    if (s.rules_failed > 0) ++with_failures;
    if (s.obligations_failed > 0) ++obligations_failing;
    for (size_t i = 0; i < 4; ++i) impact[i] += s.findings_by_impact[i];
  }
  const double average = scored ? score_sum / static_cast<double>(scored) : 0;

  std::string out = html::Head(m, m.Get("index.title"));
  out += "<header class=\"top\">\n<p class=\"kicker\">" + E(m.Get("index.kicker")) + "</p>\n<h1>" +
         E(m.Get("index.title")) + "</h1>\n<p>" +
         E(m.Format("index.lead",
                    {m.Count("count.entities", rows.size()), m.Count("count.pages", pages)})) +
         "</p>\n</header>\n<main id=\"contenido\">\n";

  out += "<section id=\"resumen\" aria-labelledby=\"resumen-h\">\n<h2 id=\"resumen-h\">" +
         E(m.Get("section.summary")) + "</h2>\n<ul class=\"cards\">\n";
  auto card = [&](std::string_view css, const std::string& n, std::string_view key) {
    out += "<li class=\"" + std::string(css) + "\"><span class=\"n\">" + E(n) + "</span> " +
           E(m.Get(key)) + "</li>\n";
  };
  card("", std::to_string(rows.size()), "index.card_entities");
  card(reachable < rows.size() ? "failed" : "", std::to_string(rows.size() - reachable),
       "index.card_unreachable");
  card("", std::to_string(pages), "card.pages");
  card("score", scored ? FormatScore(average) : "—", "index.card_average");
  card(with_failures ? "failed" : "passed", std::to_string(with_failures),
       "index.card_with_failures");
  card(obligations_failing ? "failed" : "", std::to_string(obligations_failing),
       "index.card_obligations");
  out += "</ul>\n<p>" +
         E(m.Format("summary.by_impact", {std::to_string(impact[3]), std::to_string(impact[2]),
                                          std::to_string(impact[1]), std::to_string(impact[0])})) +
         "</p>\n</section>\n";

  // Every entity.
  out += "<section id=\"entidades\" aria-labelledby=\"entidades-h\">\n<h2 id=\"entidades-h\">" +
         E(m.Get("index.entities")) + "</h2>\n<table>\n<caption class=\"sr-only\">" +
         E(m.Get("index.entities_caption")) + "</caption>\n<thead><tr>" + Th(m, "col.entity") +
         Th(m, "col.kind") + Th(m, "col.pages", true) + Th(m, "col.score", true) +
         Th(m, "impact.critical", true) + Th(m, "impact.serious", true) +
         Th(m, "impact.moderate", true) + Th(m, "impact.minor", true) + Th(m, "col.obligations") +
         Th(m, "col.report") + "</tr></thead>\n<tbody>\n";
  for (const EntitySummary& s : rows) {
    const std::string name = s.entity.name.empty() ? s.entity.id : s.entity.name;
    out += "<tr><th scope=\"row\">" + E(name) + "<br><span class=\"muted url\">" + E(s.entity.url) +
           "</span></th><td>" + E(s.entity.kind) + "</td>" + Num(s.pages);
    if (Scored(s)) {
      out += "<td class=\"num\">" + FormatScore(s.score) + "</td>";
    } else {
      out += "<td class=\"num\">—</td>";
    }
    for (int i = 3; i >= 0; --i) out += Num(s.findings_by_impact[static_cast<size_t>(i)]);
    out += "<td>" + ObligationStatus(s, m) + "</td><td>";
    if (!Reviewed(s)) {
      out += "<span class=\"status-bad\">" + E(m.Get("index.unreachable")) + "</span>";
      if (!s.error.empty()) out += " <span class=\"muted\">" + E(s.error) + "</span>";
      out += "</td></tr>\n";
      continue;
    }
    if (s.status == kStatusNeedsRendering) out += NeedsRenderingLabel(m) + " ";
    if (link_reports) {
      out += "<a href=\"" + E(RelativeHref(s.report_dir, "report.html")) + "\">" +
             E(m.Format("index.open_report", {name})) + "</a>";
    } else {
      out += "<span class=\"url\">" + E(s.report_dir + "/report.json") + "</span>";
    }
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";

  // Most frequent failures: rules by number of entities where they failed.
  std::map<std::string, uint64_t> failing;
  for (const EntitySummary& s : rows) {
    for (const std::string& id : s.failed_rule_ids) ++failing[id];
  }
  std::vector<std::pair<std::string, uint64_t>> top(failing.begin(), failing.end());
  std::stable_sort(top.begin(), top.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (top.size() > kTopFailures) top.resize(kTopFailures);
  out += "<section id=\"frecuentes\" aria-labelledby=\"frecuentes-h\">\n<h2 id=\"frecuentes-h\">" +
         E(m.Get("index.top_failures")) + "</h2>\n";
  if (top.empty()) {
    out += "<p>" + E(m.Get("index.no_failures")) + "</p>\n";
  } else {
    std::vector<html::BarRow> bars;
    std::string description;
    for (const auto& [id, n] : top) {
      const std::string title = html::RuleTitle(catalog, id, m.lang());
      bars.push_back({title, {{"bar-failed", n}}, m.Count("count.entities", n)});
      description += title + ": " + m.Count("count.entities", n) + ". ";
    }
    out += "<figure>\n<figcaption>" + E(m.Get("index.top_failures_caption")) + "</figcaption>\n" +
           html::BarChart("grafica-frecuentes", m.Get("index.top_failures_caption"), description,
                          bars) +
           "</figure>\n";
    out += "<table>\n<caption class=\"sr-only\">" + E(m.Get("index.top_failures_caption")) +
           "</caption>\n<thead><tr>" + Th(m, "col.rule") + Th(m, "col.refs") +
           Th(m, "col.entities", true) + "</tr></thead>\n<tbody>\n";
    for (const auto& [id, n] : top) {
      out += "<tr><td>" + E(html::RuleTitle(catalog, id, m.lang())) + " <span class=\"muted\">(" +
             E(id) + ")</span></td><td>" + html::RuleReferences(catalog, id, {}, {}, m) + "</td>" +
             Num(n) + "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";

  // Totals by kind of entity.
  struct KindTotal {
    uint64_t entities = 0, scored = 0, pages = 0, obligations_failing = 0;
    double score_sum = 0;
    std::array<uint64_t, 4> impact{};
  };
  std::map<std::string, KindTotal> kinds;
  for (const EntitySummary& s : rows) {
    KindTotal& k = kinds[s.entity.kind];
    ++k.entities;
    k.pages += s.pages;
    if (Scored(s)) {
      ++k.scored;
      k.score_sum += s.score;
    }
    if (s.obligations_failed > 0) ++k.obligations_failing;
    for (size_t i = 0; i < 4; ++i) k.impact[i] += s.findings_by_impact[i];
  }
  out += "<section id=\"tipos\" aria-labelledby=\"tipos-h\">\n<h2 id=\"tipos-h\">" +
         E(m.Get("index.by_kind")) + "</h2>\n<table>\n<caption class=\"sr-only\">" +
         E(m.Get("index.by_kind")) + "</caption>\n<thead><tr>" + Th(m, "col.kind") +
         Th(m, "col.entities", true) + Th(m, "col.pages", true) + Th(m, "col.average", true) +
         Th(m, "impact.critical", true) + Th(m, "impact.serious", true) +
         Th(m, "impact.moderate", true) + Th(m, "impact.minor", true) +
         Th(m, "col.obligations_failing", true) + "</tr></thead>\n<tbody>\n";
  for (const auto& [kind, k] : kinds) {
    out += "<tr><th scope=\"row\">" + E(kind.empty() ? m.Get("index.no_kind") : kind) + "</th>";
    out += Num(k.entities) + Num(k.pages) + "<td class=\"num\">" +
           (k.scored ? FormatScore(k.score_sum / static_cast<double>(k.scored)) : "—") + "</td>";
    for (int i = 3; i >= 0; --i) out += Num(k.impact[static_cast<size_t>(i)]);
    out += Num(k.obligations_failing) + "</tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";

  out +=
      "<section id=\"calificacion\" aria-labelledby=\"calificacion-h\">\n<h2 "
      "id=\"calificacion-h\">" +
      E(m.Get("section.method")) + "</h2>\n<p>" + E(m.Get("method.score")) + "</p>\n<p>" +
      E(m.Get("index.method_average")) + "</p>\n";
  if (needs_rendering > 0) out += "<p>" + E(m.Get("index.needs_rendering_note")) + "</p>\n";
  out += "</section>\n";
  out += "</main>\n<footer class=\"bottom\">\n<p>" +
         E(m.Format("index.footer", {"verifica " VERIFICA_VERSION})) + "</p>\n</footer>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace verifica::report
