#include "report/html_util.h"

#include <algorithm>

#include "report/escape.h"
#include "report/wcag.h"
#include "util/embedded.h"
#include "util/text.h"

namespace verifica::report::html {

std::string E(std::string_view s) { return EscapeHtml(s); }

std::string Head(const Messages& m, std::string_view title) {
  std::string css(embedded::Find("reports/templates/report.css").value_or(""));
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"" + m.lang() + "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";
  out += "<meta name=\"referrer\" content=\"no-referrer\">\n";
  out += "<meta name=\"generator\" content=\"verifica " VERIFICA_VERSION "\">\n";
  out += "<title>" + E(title) + "</title>\n<style>\n" + css + "</style>\n</head>\n<body>\n";
  out += "<a class=\"skip\" href=\"#contenido\">" + E(m.Get("nav.skip")) + "</a>\n";
  return out;
}

std::string UrlLink(std::string_view url, std::string_view css_class) {
  const std::string cls = css_class.empty() ? "" : " class=\"" + std::string(css_class) + "\"";
  if (auto safe = LinkableUrl(url)) {
    return "<a" + cls + " href=\"" + E(*safe) + "\" rel=\"noreferrer nofollow\">" + E(url) + "</a>";
  }
  return "<span" + cls + ">" + E(url) + "</span>";
}

std::string When(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SSZ
  if (t.size() == 20 && t[4] == '-' && t[7] == '-' && (t[10] == 'T' || t[10] == 't') &&
      t[13] == ':' && t[16] == ':' && (t[19] == 'Z' || t[19] == 'z')) {
    return std::string(t.substr(0, 10)) + " " + std::string(t.substr(11, 8)) + " UTC";
  }
  return std::string(t);
}

std::string Id(std::string_view prefix, std::string_view text) {
  std::string out(prefix);
  out += '-';
  for (char c : text::AsciiLower(text)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
      out += c;
    } else {
      out += '_';
    }
  }
  return out;
}

std::string RuleTitle(const Catalog& catalog, std::string_view id, std::string_view lang) {
  if (auto it = catalog.find(id); it != catalog.end()) {
    const std::string& t = it->second.title.Get(lang);
    if (!t.empty()) return t;
    if (!it->second.title.es.empty()) return it->second.title.es;
  }
  return std::string(id);
}

std::string RuleReferences(const Catalog& catalog, std::string_view id,
                           const std::vector<std::string>& wcag,
                           const std::vector<std::string>& act, const Messages& m) {
  const findings::RuleInfo* info = nullptr;
  if (auto it = catalog.find(id); it != catalog.end()) info = &it->second;
  const std::vector<std::string>& scs = info && !info->wcag.empty() ? info->wcag : wcag;
  const std::vector<std::string>& acts = info && !info->act.empty() ? info->act : act;
  std::vector<std::string> parts;
  std::string criteria;
  for (const std::string& sc : scs) {
    std::string item;
    const Criterion* c = FindCriterion(sc);
    const std::string name = c ? c->name.Get(m.lang()) : "";
    const std::string label = name.empty() ? sc : sc + " " + name;
    const std::string url = UnderstandingUrl(sc);
    item = url.empty() ? E(label) : "<a href=\"" + E(url) + "\">" + E(label) + "</a>";
    const std::string level = c ? c->level : (info ? info->level : "");
    if (!level.empty()) item += " " + E(m.Format("rule.level", {level}));
    criteria += (criteria.empty() ? "" : ", ") + item;
  }
  if (!criteria.empty()) parts.push_back(E(m.Get("rule.wcag")) + " " + criteria);
  if (scs.empty() && info != nullptr &&
      std::find(info->tags.begin(), info->tags.end(), "best-practice") != info->tags.end()) {
    parts.push_back(E(m.Get("rule.best_practice")));
  }
  for (const std::string& a : acts) {
    parts.push_back(E(m.Get("rule.act")) + " <a href=\"" +
                    E("https://www.w3.org/WAI/standards-guidelines/act/rules/" + a + "/") + "\">" +
                    E(a) + "</a>");
  }
  if (info != nullptr) {
    for (const findings::LegalBasis& b : info->legal_basis) {
      std::string basis = b.norm;
      if (!b.article.empty()) basis += ", " + b.article;
      std::string item = E(m.Get("rule.legal_basis")) + " " + E(basis);
      // An unconfirmed citation or a good practice carries its mark, never shown as settled.
      const std::string& mark = findings::BasisStatusMark(b.status).Get(m.lang());
      if (!mark.empty()) {
        item += " <strong class=\"cita-" + std::string(findings::ToString(b.status)) + "\">(" +
                E(mark) + ")</strong>";
      }
      parts.push_back(std::move(item));
    }
  }
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += " · ";
    out += p;
  }
  return out;
}

std::string BarChart(std::string_view id, std::string_view title, std::string_view description,
                     const std::vector<BarRow>& rows) {
  constexpr int kLabelWidth = 340, kBarWidth = 300, kValueWidth = 180, kRow = 30, kTop = 8;
  const int width = kLabelWidth + kBarWidth + kValueWidth;
  const int height = kTop * 2 + kRow * static_cast<int>(std::max<size_t>(rows.size(), 1));
  uint64_t max_total = 0;
  for (const BarRow& r : rows) {
    uint64_t t = 0;
    for (const Segment& s : r.segments) t += s.value;
    max_total = std::max(max_total, t);
  }
  const std::string title_id = std::string(id) + "-t";
  const std::string desc_id = std::string(id) + "-d";
  std::string out = "<svg class=\"chart\" role=\"img\" aria-labelledby=\"" + title_id + " " +
                    desc_id + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(width) + "\" height=\"" + std::to_string(height) +
                    "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
                    "\">\n<title id=\"" + title_id + "\">" + E(title) + "</title>\n<desc id=\"" +
                    desc_id + "\">" + E(description) + "</desc>\n";
  int y = kTop;
  for (const BarRow& r : rows) {
    std::string label(text::TruncateUtf8(r.label, 46));
    if (label.size() < r.label.size()) label += "…";
    out += "<text x=\"" + std::to_string(kLabelWidth - 8) + "\" y=\"" + std::to_string(y + 19) +
           "\" text-anchor=\"end\">" + E(label) + "</text>\n";
    int x = kLabelWidth;
    for (const Segment& s : r.segments) {
      if (s.value == 0 || max_total == 0) continue;
      const int w = std::max(2, static_cast<int>(static_cast<double>(s.value) * kBarWidth /
                                                 static_cast<double>(max_total)));
      out += "<rect class=\"" + s.css_class + "\" x=\"" + std::to_string(x) + "\" y=\"" +
             std::to_string(y + 5) + "\" width=\"" + std::to_string(w) + "\" height=\"20\"/>\n";
      x += w;
    }
    out += "<text x=\"" + std::to_string(x + 6) + "\" y=\"" + std::to_string(y + 19) + "\">" +
           E(r.value_text) + "</text>\n";
    y += kRow;
  }
  out += "</svg>\n";
  return out;
}

}  // namespace verifica::report::html
