#include "report/check_output.h"

#include <nlohmann/json.hpp>

#include "findings/findings_json.h"
#include "report/escape.h"
#include "report/fingerprint.h"
#include "report/i18n.h"

namespace verifica::report {

using findings::Outcome;
using findings::PageReport;
using findings::RuleResult;

namespace {

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
  // "page_error.<kind>" in the UI catalog, with the error's own message as {0}.
  auto text = [&](std::string_view lang) {
    const Messages& m = Messages::For(lang);
    const std::string tmpl = m.GetOr("page_error." + e.kind, m.Get("page_error.other"));
    return FillPlaceholders(tmpl, {e.message, e.kind});
  };
  return {text("es"), text("en")};
}

std::string RenderCheckText(const std::vector<PageReport>& pages, const Catalog& catalog,
                            const TextOptions& o) {
  const Messages& m = Messages::For(o.lang);
  const std::string t_passed = m.Get("text.passed"), t_failed = m.Get("text.failed"),
                    t_review = m.Get("text.review"), t_inapplicable = m.Get("text.inapplicable"),
                    t_rules = m.Get("text.rules"), t_line = m.Get("text.line"),
                    t_more = m.Get("text.more"), t_summary = m.Get("text.summary"),
                    t_pages = m.Get("text.pages"), t_page_errors = m.Get("text.page_errors"),
                    t_rules_failed = m.Get("text.rules_failed"),
                    t_rules_review = m.Get("text.rules_review"), t_error = m.Get("text.error"),
                    t_rule_error = m.Get("text.rule_error");
  std::string out;
  size_t failed_rules = 0, review_rules = 0, errored = 0;
  for (const PageReport& p : pages) {
    out += Color(o.color, "1", Printable(p.url)) + "\n";
    if (p.error) {
      ++errored;
      out += "  " + Color(o.color, "31", std::string(t_error)) + ": " +
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
      const findings::RuleInfo* info = nullptr;
      if (auto it = catalog.find(r.id); it != catalog.end()) {
        info = &it->second;
        title = info->title.Get(o.lang);
      }
      std::string mark = failed ? Color(o.color, "31", "✗") : Color(o.color, "33", "?");
      out += "  " + mark + " " + r.id + "  " + title + " [" +
             std::string(failed ? t_failed : t_review) + ", " +
             std::string(findings::ToString(r.impact));
      if (!r.wcag.empty()) {
        out += ", WCAG";
        for (const std::string& sc : r.wcag) out += " " + sc;
      }
      out += "]\n";
      // Each citation with its status mark ("cita por confirmar"), never shown as settled.
      if (info != nullptr) {
        for (const findings::LegalBasis& b : info->legal_basis) {
          out += "      " + std::string(o.lang == "en" ? "Legal basis: " : "Fundamento legal: ") +
                 findings::CitationText(b, o.lang) + "\n";
        }
      }
      if (!r.error.empty()) out += "      " + std::string(t_rule_error) + ": " + r.error + "\n";
      size_t shown = 0;
      for (const findings::Finding& f : r.findings) {
        if (shown == o.max_findings_per_rule) break;
        ++shown;
        out += "      ";
        if (f.line > 0) out += std::string(t_line) + " " + std::to_string(f.line) + ": ";
        out += Printable(f.selector) + "\n";
        if (!f.snippet.empty())
          out += "        " + Color(o.color, "2", Printable(f.snippet)) + "\n";
        out += "        " + Printable(f.message.Get(o.lang)) + "\n";
      }
      const size_t total = failed ? r.failed : r.cant_tell;
      if (total > shown) {
        out += "      … " + Replace0(t_more, std::to_string(total - shown)) + "\n";
      }
    }
    out += "  " + Color(o.color, "32", "✓") + " " + std::to_string(counts.passed) + " " + t_rules +
           " " + t_passed + ", " + std::to_string(counts.inapplicable) + " " + t_inapplicable +
           "\n\n";
  }
  out += std::string(t_summary) + ": " + std::to_string(pages.size()) + " " + t_pages + ", " +
         std::to_string(failed_rules) + " " + t_rules_failed + ", " + std::to_string(review_rules) +
         " " + t_rules_review;
  if (errored) out += ", " + std::to_string(errored) + " " + t_page_errors;
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
