// The HTML reports people read: one per entity (report.html) and the campaign index
// (index.html). Self-contained files (inline CSS and SVG, no script, no external resource),
// Spanish by default, English with lang "en", printable. Every page-derived string is escaped;
// links to crawled pages are written only for http(s) URLs.
#ifndef VERIFICA_REPORT_HTML_REPORT_H_
#define VERIFICA_REPORT_HTML_REPORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"
#include "report/check_output.h"
#include "report/outputs.h"

namespace verifica::report {

// report.html for one entity.
std::string RenderEntityHtml(const findings::EntityReport& report, const Catalog& catalog,
                             std::string_view lang);

// index.html for a campaign; links to each entity's report.html when `link_reports`.
std::string RenderCampaignHtml(const std::vector<EntitySummary>& rows, const Catalog& catalog,
                               std::string_view lang, bool link_reports,
                               const CampaignInfo& info = {});

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_HTML_REPORT_H_
