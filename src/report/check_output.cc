#include "report/check_output.h"

#include <nlohmann/json.hpp>

#include "findings/findings_json.h"
#include "report/escape.h"
#include "report/fingerprint.h"

namespace verifica::report {

using findings::Outcome;
using findings::PageReport;
using findings::RuleResult;

namespace {

struct Strings {
  const char* passed;
  const char* failed;
  const char* review;
  const char* inapplicable;
  const char* rules;
  const char* elements;
  const char* line;
  const char* more;
  const char* summary;
  const char* pages;
  const char* page_errors;
  const char* rules_failed;
  const char* rules_review;
  const char* error;
  const char* rule_error;
};

const Strings kEs = {"aprobadas", "fallida", "por revisar", "no aplicables", "reglas",
                     "elementos", "línea", "y {0} más", "Resumen", "páginas",
                     "páginas con error", "reglas fallidas", "reglas por revisar",
                     "No se pudo revisar", "la regla no pudo ejecutarse"};
const Strings kEn = {"passed", "failed", "needs review", "inapplicable", "rules",
                     "elements", "line", "and {0} more", "Summary", "pages",
                     "pages with errors", "rules failed", "rules needing review",
                     "Could not check", "the rule could not run"};

std::string Replace0(std::string_view tmpl, const std::string& v) {
  std::string s(tmpl);
  if (size_t p = s.find("{0}"); p != std::string::npos) s.replace(p, 3, v);
  return s;
}

std::string Color(bool on, const char* code, const std::string& s) {
  return on ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
}

// Page-derived strings can hold control characters, escape sequences and ill-formed UTF-8;
// keep the terminal safe.
std::string Printable(std::string_view s) { return TerminalText(s); }

}  // namespace

findings::LocalizedText PageErrorText(const findings::PageError& e) {
  const std::string& k = e.kind;
  if (k == "empty") return {"La página está vacía.", "The page is empty."};
  if (k == "not-html") {
    return {"El contenido no es HTML (datos binarios).", "The content is not HTML (binary data)."};
  }
  if (k == "too-large") {
    return {"La página excede el tamaño máximo: " + e.message,
            "The page exceeds the size limit: " + e.message};
  }
  if (k == "too-deep") {
    return {"El marcado está anidado a demasiada profundidad: " + e.message,
            "The markup is nested too deeply: " + e.message};
  }
  if (k == "not-found") return {"No se encontró: " + e.message, "Not found: " + e.message};
  if (k == "unreadable") return {"No se pudo leer: " + e.message, "Could not read: " + e.message};
  if (k == "timeout") {
    return {"Se agotó el tiempo de espera: " + e.message, "Timed out: " + e.message};
  }
  if (k == "http") return {"El servidor respondió con error: " + e.message, "Server error: " + e.message};
  return {"Error (" + k + "): " + e.message, "Error (" + k + "): " + e.message};
}

std::string RenderCheckText(const std::vector<PageReport>& pages, const Catalog& catalog,
                            const TextOptions& o) {
  const Strings& t = o.lang == "en" ? kEn : kEs;
  std::string out;
  size_t failed_rules = 0, review_rules = 0, errored = 0;
  for (const PageReport& p : pages) {
    out += Color(o.color, "1", Printable(p.url)) + "\n";
    if (p.error) {
      ++errored;
      out += "  " + Color(o.color, "31", std::string(t.error)) + ": " +
             Printable(PageErrorText(*p.error).Get(o.lang)) + "\n\n";
      continue;
    }
    findings::OutcomeCounts counts = findings::CountOutcomes(p.rules);
    failed_rules += counts.failed;
    review_rules += counts.cant_tell;
    for (const RuleResult& r : p.rules) {
      if (r.outcome != Outcome::kFailed && r.outcome != Outcome::kCantTell) continue;
      const bool failed = r.outcome == Outcome::kFailed;
      std::string title;
      if (auto it = catalog.find(r.id); it != catalog.end()) title = it->second.title.Get(o.lang);
      std::string mark = failed ? Color(o.color, "31", "✗") : Color(o.color, "33", "?");
      out += "  " + mark + " " + r.id + "  " + title + " [" +
             std::string(failed ? t.failed : t.review) + ", " +
             std::string(findings::ToString(r.impact));
      if (!r.wcag.empty()) {
        out += ", WCAG";
        for (const std::string& sc : r.wcag) out += " " + sc;
      }
      out += "]\n";
      if (!r.error.empty()) out += "      " + std::string(t.rule_error) + ": " + r.error + "\n";
      size_t shown = 0;
      for (const findings::Finding& f : r.findings) {
        if (shown == o.max_findings_per_rule) break;
        ++shown;
        out += "      ";
        if (f.line > 0) out += std::string(t.line) + " " + std::to_string(f.line) + ": ";
        out += Printable(f.selector) + "\n";
        if (!f.snippet.empty()) out += "        " + Color(o.color, "2", Printable(f.snippet)) + "\n";
        out += "        " + Printable(f.message.Get(o.lang)) + "\n";
      }
      const size_t total = failed ? r.failed : r.cant_tell;
      if (total > shown) {
        out += "      … " + Replace0(t.more, std::to_string(total - shown)) + "\n";
      }
    }
    out += "  " + Color(o.color, "32", "✓") + " " + std::to_string(counts.passed) + " " +
           t.rules + " " + t.passed + ", " + std::to_string(counts.inapplicable) + " " +
           t.inapplicable + "\n\n";
  }
  out += std::string(t.summary) + ": " + std::to_string(pages.size()) + " " + t.pages + ", " +
         std::to_string(failed_rules) + " " + t.rules_failed + ", " +
         std::to_string(review_rules) + " " + t.rules_review;
  if (errored) out += ", " + std::to_string(errored) + " " + t.page_errors;
  out += "\n";
  return out;
}

std::string RenderCheckJson(const std::vector<PageReport>& pages) {
  nlohmann::json j = {{"tool", findings::ToolJson()}, {"pages", pages}};
  // Each finding's fingerprint, so this output can serve as a --baseline.
  const FingerprintContext ctx = FingerprintContext::For(pages);
  for (size_t pi = 0; pi < pages.size(); ++pi) {
    for (size_t ri = 0; ri < pages[pi].rules.size(); ++ri) {
      const RuleResult& r = pages[pi].rules[ri];
      for (size_t fi = 0; fi < r.findings.size(); ++fi) {
        j["pages"][pi]["rules"][ri]["findings"][fi]["fingerprint"] =
            ctx.Of(r.id, FindingPageUrl(&pages[pi], r.findings[fi]), r.findings[fi]);
      }
    }
  }
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace verifica::report
