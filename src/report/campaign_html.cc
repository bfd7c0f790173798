// index.html: the campaign at a glance (see html_report.h).
#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "report/aggregate.h"
#include "report/escape.h"
#include "report/html_report.h"
#include "report/html_util.h"
#include "report/i18n.h"
#include "util/text.h"

namespace verifica::report {

namespace {

using html::E;

constexpr size_t kTopFailures = 10;

// The entity's pages were checked: it has a report (status "ok" or "needs-rendering").
bool Reviewed(const EntitySummary& s) {
  return s.status == "ok" || s.status == kStatusNeedsRendering;
}

// The portal was judged: it has indices (or none could be decided), and counts in averages.
bool Scored(const EntitySummary& s) { return s.status == "ok" && s.scored; }

std::string NeedsRenderingLabel(const Messages& m) {
  return "<span class=\"status-review\">" + E(m.Get("index.needs_rendering")) + "</span>";
}

std::string ObligationStatus(const EntitySummary& s, const Messages& m) {
  if (s.status == "unreachable") {
    return "<span class=\"status-review\">" + E(m.Get("index.not_readable")) + "</span>";
  }
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

std::string IndexText(const std::optional<double>& v) { return v ? FormatScore(*v) : "—"; }

// A plain mean of the indices that exist.
struct Mean {
  double sum = 0;
  uint64_t n = 0;
  void Add(const std::optional<double>& v) {
    if (v) {
      sum += *v;
      ++n;
    }
  }
  std::string Text() const { return n ? FormatScore(sum / static_cast<double>(n)) : "—"; }
};

std::string Num(uint64_t n) { return "<td class=\"num\">" + std::to_string(n) + "</td>"; }

std::string Th(const Messages& m, std::string_view key, bool num = false) {
  return std::string("<th scope=\"col\"") + (num ? " class=\"num\"" : "") + ">" + E(m.Get(key)) +
         "</th>";
}

}  // namespace

std::vector<const EntitySummary*> WorstFirst(const std::vector<EntitySummary>& rows) {
  std::vector<const EntitySummary*> out;
  for (const EntitySummary& s : rows) out.push_back(&s);
  // nullopt sorts after every value: a missing index is no evidence of a bad portal.
  auto less = [](const std::optional<double>& a, const std::optional<double>& b) {
    if (a && b) return *a < *b;
    return a.has_value() && !b.has_value();
  };
  std::stable_sort(out.begin(), out.end(), [&](const EntitySummary* a, const EntitySummary* b) {
    const bool ja = Scored(*a), jb = Scored(*b);
    if (ja != jb) return ja;
    if (!ja) return false;
    if (less(a->obligations_index, b->obligations_index)) return true;
    if (less(b->obligations_index, a->obligations_index)) return false;
    return less(a->accessibility_index, b->accessibility_index);
  });
  return out;
}

std::string RenderCampaignHtml(const std::vector<EntitySummary>& rows, const Catalog& catalog,
                               std::string_view lang, bool link_reports, const CampaignInfo& info) {
  const Messages& m = Messages::For(lang);
  uint64_t pages = 0, not_judged = 0, accessibility_failing = 0;
  uint64_t obligations_failing = 0, needs_rendering = 0;
  Mean obligations_mean, accessibility_mean;
  std::array<uint64_t, 4> impact{};
  std::string started = info.started_at, finished = info.finished_at;
  for (const EntitySummary& s : rows) {
    pages += s.pages;
    if (s.status == "unreachable" || s.status == kStatusNeedsRendering) ++not_judged;
    if (Scored(s)) {
      obligations_mean.Add(s.obligations_index);
      accessibility_mean.Add(s.accessibility_index);
    }
    if (s.status == kStatusNeedsRendering) ++needs_rendering;
    if (Scored(s) && s.accessibility_rules_failed > 0) ++accessibility_failing;
    if (Scored(s) && s.obligations_failed > 0) ++obligations_failing;
    for (size_t i = 0; i < 4; ++i) impact[i] += s.findings_by_impact[i];
    if (info.started_at.empty() && !s.started_at.empty() &&
        (started.empty() || s.started_at < started)) {
      started = s.started_at;
    }
    if (info.finished_at.empty() && s.finished_at > finished) finished = s.finished_at;
  }

  const std::string title =
      info.name.empty() ? m.Get("index.title") : m.Format("index.campaign_name", {info.name});
  std::string out = html::Head(m, title);
  out += "<header class=\"top\">\n<p class=\"kicker\">" + E(m.Get("index.kicker")) + "</p>\n<h1>" +
         E(title) + "</h1>\n<p>" +
         E(m.Format("index.lead",
                    {m.Count("count.entities", rows.size()), m.Count("count.pages", pages)})) +
         "</p>\n";
  if (!started.empty()) {
    out += "<p>" +
           E(m.Format("index.campaign_when",
                      {html::When(started), finished.empty() ? "—" : html::When(finished)})) +
           "</p>\n";
  }
  {
    std::string packs;
    for (const auto& [id, version] : info.packs) {
      packs += (packs.empty() ? "" : ", ") + id + (version.empty() ? "" : " " + version);
    }
    out += "<p>" +
           E(m.Format("index.campaign_tool", {"verifica " VERIFICA_VERSION,
                                              packs.empty() ? std::string("—") : packs})) +
           "</p>\n";
  }
  out += "</header>\n<main id=\"contenido\">\n";

  out += "<section id=\"resumen\" aria-labelledby=\"resumen-h\">\n<h2 id=\"resumen-h\">" +
         E(m.Get("section.summary")) + "</h2>\n<ul class=\"cards\">\n";
  auto card = [&](std::string_view css, const std::string& n, std::string_view key) {
    out += "<li class=\"" + std::string(css) + "\"><span class=\"n\">" + E(n) + "</span> " +
           E(m.Get(key)) + "</li>\n";
  };
  card("", std::to_string(rows.size()), "index.card_entities");
  card("", std::to_string(pages), "card.pages");
  card("score", obligations_mean.Text(), "index.card_average_obligations");
  card("score", accessibility_mean.Text(), "index.card_average_accessibility");
  card(obligations_failing ? "failed" : "", std::to_string(obligations_failing),
       "index.card_obligations_failing");
  card(accessibility_failing ? "failed" : "", std::to_string(accessibility_failing),
       "index.card_accessibility_failing");
  card(not_judged ? "review" : "", std::to_string(not_judged), "index.card_not_judged");
  out += "</ul>\n<p>" +
         E(m.Format("summary.by_impact", {std::to_string(impact[3]), std::to_string(impact[2]),
                                          std::to_string(impact[1]), std::to_string(impact[0])})) +
         "</p>\n</section>\n";

  // Every entity, worst first; an alphabetical list of links to the rows as the other order
  // (the index runs no script, so a table cannot be re-sorted in place).
  const std::vector<const EntitySummary*> order = WorstFirst(rows);
  out += "<section id=\"entidades\" aria-labelledby=\"entidades-h\">\n<h2 id=\"entidades-h\">" +
         E(m.Get("index.entities")) + "</h2>\n";
  {
    std::vector<const EntitySummary*> alpha(order.begin(), order.end());
    auto name_of = [](const EntitySummary* s) {
      return s->entity.name.empty() ? s->entity.id : s->entity.name;
    };
    std::stable_sort(alpha.begin(), alpha.end(), [&](const EntitySummary* a, const EntitySummary* b) {
      return text::Fold(name_of(a)) < text::Fold(name_of(b));
    });
    out += "<p>" + E(m.Get("index.order_note")) + "</p>\n<nav aria-label=\"" +
           E(m.Get("index.alphabetical")) + "\">\n<ul class=\"alpha\">\n";
    for (const EntitySummary* s : alpha) {
      out += "<li><a href=\"#" + html::Id("sujeto", s->entity.id) + "\">" + E(name_of(s)) +
             "</a></li>\n";
    }
    out += "</ul>\n</nav>\n";
  }
  out += "<table class=\"entities\">\n<caption class=\"sr-only\">" +
         E(m.Get("index.entities_caption")) + "</caption>\n<thead><tr>" + Th(m, "col.entity") +
         Th(m, "col.obligations_index", true) + Th(m, "col.accessibility_index", true) +
         Th(m, "col.pages", true) + Th(m, "impact.critical", true) + Th(m, "impact.serious", true) +
         Th(m, "impact.moderate", true) + Th(m, "impact.minor", true) + Th(m, "col.obligations") +
         Th(m, "col.report_short") + "</tr></thead>\n<tbody>\n";
  for (const EntitySummary* sp : order) {
    const EntitySummary& s = *sp;
    const std::string name = s.entity.name.empty() ? s.entity.id : s.entity.name;
    out += "<tr id=\"" + html::Id("sujeto", s.entity.id) + "\"><th scope=\"row\">" + E(name) +
           "<br><span class=\"muted url\">" + E(s.entity.url) + "</span>";
    if (!s.entity.kind.empty()) out += "<br><span class=\"muted\">" + E(s.entity.kind) + "</span>";
    out += "</th>";
    if (Scored(s)) {
      out += "<td class=\"num\">" + IndexText(s.obligations_index) + "</td><td class=\"num\">" +
             IndexText(s.accessibility_index) + "</td>";
    } else {
      out += "<td class=\"num\">—</td><td class=\"num\">—</td>";
    }
    out += Num(s.pages);
    for (int i = 3; i >= 0; --i) out += Num(s.findings_by_impact[static_cast<size_t>(i)]);
    out += "<td>" + ObligationStatus(s, m) + "</td><td>";
    if (!Reviewed(s)) {
      out += "<span class=\"status-bad\">" + E(m.Get("index.unreachable")) + "</span>";
      if (!s.error.empty()) out += " <span class=\"muted\">" + E(s.error) + "</span>";
      if (!link_reports || s.report_dir.empty()) {
        out += "</td></tr>\n";
        continue;
      }
      out += "<br>";
    }
    if (link_reports && !s.report_dir.empty()) {
      out += "<a href=\"" + E(RelativeHref(s.report_dir, "report.html")) + "\">" +
             E(m.Get("index.report_link")) + "<span class=\"sr-only\"> " + E(name) +
             "</span></a>";
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
    uint64_t entities = 0, pages = 0, obligations_failing = 0;
    Mean obligations, accessibility;
    std::array<uint64_t, 4> impact{};
  };
  std::map<std::string, KindTotal> kinds;
  for (const EntitySummary& s : rows) {
    KindTotal& k = kinds[s.entity.kind];
    ++k.entities;
    k.pages += s.pages;
    if (Scored(s)) {
      k.obligations.Add(s.obligations_index);
      k.accessibility.Add(s.accessibility_index);
      if (s.obligations_failed > 0) ++k.obligations_failing;
    }
    for (size_t i = 0; i < 4; ++i) k.impact[i] += s.findings_by_impact[i];
  }
  out += "<section id=\"tipos\" aria-labelledby=\"tipos-h\">\n<h2 id=\"tipos-h\">" +
         E(m.Get("index.by_kind")) + "</h2>\n<table>\n<caption class=\"sr-only\">" +
         E(m.Get("index.by_kind")) + "</caption>\n<thead><tr>" + Th(m, "col.kind") +
         Th(m, "col.entities", true) + Th(m, "col.pages", true) +
         Th(m, "col.obligations_index", true) + Th(m, "col.accessibility_index", true) +
         Th(m, "impact.critical", true) + Th(m, "impact.serious", true) +
         Th(m, "impact.moderate", true) + Th(m, "impact.minor", true) +
         Th(m, "col.obligations_failing", true) + "</tr></thead>\n<tbody>\n";
  for (const auto& [kind, k] : kinds) {
    out += "<tr><th scope=\"row\">" + E(kind.empty() ? m.Get("index.no_kind") : kind) + "</th>";
    out += Num(k.entities) + Num(k.pages) + "<td class=\"num\">" + k.obligations.Text() +
           "</td><td class=\"num\">" + k.accessibility.Text() + "</td>";
    for (int i = 3; i >= 0; --i) out += Num(k.impact[static_cast<size_t>(i)]);
    out += Num(k.obligations_failing) + "</tr>\n";
  }
  out += "</tbody>\n</table>\n</section>\n";

  out +=
      "<section id=\"calificacion\" aria-labelledby=\"calificacion-h\">\n<h2 "
      "id=\"calificacion-h\">" +
      E(m.Get("section.method")) + "</h2>\n<p>" + E(m.Get("method.obligations_index")) +
      "</p>\n<p>" + E(m.Get("method.accessibility_index")) + "</p>\n<p>" +
      E(m.Get("index.method_indices")) + "</p>\n<p>" + E(m.Get("method.not_readable")) +
      "</p>\n";
  if (needs_rendering > 0) out += "<p>" + E(m.Get("index.needs_rendering_note")) + "</p>\n";
  out += "</section>\n";
  out += "</main>\n<footer class=\"bottom\">\n<p>" +
         E(m.Format("index.footer", {"verifica " VERIFICA_VERSION})) + "</p>\n</footer>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace verifica::report
