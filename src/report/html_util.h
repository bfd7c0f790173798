// Shared pieces of the HTML reports (report.html, index.html): the document head with the
// inlined style sheet, escaping shorthands and inline SVG bar charts. Internal to the report
// module.
#ifndef VERIFICA_REPORT_HTML_UTIL_H_
#define VERIFICA_REPORT_HTML_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"
#include "report/check_output.h"
#include "report/i18n.h"

namespace verifica::report::html {

// Escaped text (shorthand for EscapeHtml).
std::string E(std::string_view s);

// "<!DOCTYPE html>…<body>" with lang, charset, viewport, a restrictive Content-Security-Policy
// (no scripts, no external loads), the title and the inlined report.css.
std::string Head(const Messages& m, std::string_view title);

// A link to `url` when it is http(s) (opens the crawled page), else the URL as plain text.
std::string UrlLink(std::string_view url, std::string_view css_class = "url");

// "2026-03-02 10:00:05 UTC" for an RFC 3339 UTC timestamp; anything else as written.
std::string When(std::string_view rfc3339);

// A safe fragment id from any text: [a-z0-9-] only, prefixed.
std::string Id(std::string_view prefix, std::string_view text);

// The rule's title in `lang` from the catalog, or its id when the catalog does not know it.
std::string RuleTitle(const Catalog& catalog, std::string_view id, std::string_view lang);

// "WCAG 2.2: 1.1.1 Contenido no textual (nivel A)" links, or the legal basis, as HTML.
std::string RuleReferences(const Catalog& catalog, std::string_view id,
                           const std::vector<std::string>& wcag,
                           const std::vector<std::string>& act, const Messages& m);

struct Segment {
  std::string css_class;  // bar-failed, bar-review, bar-passed, bar-neutral
  uint64_t value = 0;
};
struct BarRow {
  std::string label;
  std::vector<Segment> segments;
  std::string value_text;  // written after the bar
};

// A horizontal bar chart as inline SVG with role="img", named by `title` and described by
// `description` (the same data in words, for screen readers and text browsers).
std::string BarChart(std::string_view id, std::string_view title, std::string_view description,
                     const std::vector<BarRow>& rows);

}  // namespace verifica::report::html

#endif  // VERIFICA_REPORT_HTML_UTIL_H_
