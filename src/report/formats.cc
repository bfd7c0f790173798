#include "report/formats.h"

#include <algorithm>
#include <array>
#include <sstream>

#include "report/entity_stream.h"

namespace verifica::report {

namespace {

constexpr std::array<FormatInfo, 6> kFormats = {{
    {"json", "report.json"},
    {"html", "report.html"},
    {"sarif", "report.sarif"},
    {"junit", "report.junit.xml"},
    {"csv", "findings.csv"},
    {"earl", "report.earl.json"},
}};

}  // namespace

std::span<const FormatInfo> EntityFormats() { return kFormats; }

const FormatInfo* FindFormat(std::string_view name) {
  for (const FormatInfo& f : kFormats) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::vector<std::string> EntityFormatNames() {
  std::vector<std::string> out;
  for (const FormatInfo& f : kFormats) out.emplace_back(f.name);
  return out;
}

Result<std::vector<std::string>> NormalizeFormats(const std::vector<std::string>& requested,
                                                  bool allow_text) {
  std::vector<std::string> out;
  for (const std::string& item : requested) {
    size_t start = 0;
    while (start <= item.size()) {
      size_t comma = item.find(',', start);
      if (comma == std::string::npos) comma = item.size();
      std::string name = item.substr(start, comma - start);
      start = comma + 1;
      if (name.empty()) continue;
      if (FindFormat(name) == nullptr && !(allow_text && name == "text")) {
        std::string known = allow_text ? "text" : "";
        for (const FormatInfo& f : kFormats)
          known += (known.empty() ? "" : ", ") + std::string(f.name);
        return InvalidArgument("unknown format '" + name + "' (known: " + known + ")");
      }
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
  }
  return out;
}

std::string RenderEntityFormat(std::string_view format, const findings::EntityReport& report,
                               const Catalog& catalog, std::string_view lang) {
  EntityTally tally;
  const EntityStreamInput in = WholeReportInput(report, catalog, lang, tally);
  std::ostringstream out;
  std::unique_ptr<EntityWriter> writer = MakeEntityWriter(format, out, in);
  if (writer == nullptr) return "";
  for (const findings::PageReport& p : report.pages) writer->Page(p, {});
  writer->Finish();
  return std::move(out).str();
}

findings::EntityReport EntityFromCheck(std::vector<findings::PageReport> pages, std::string name,
                                       std::string started_at, std::string finished_at) {
  findings::EntityReport e;
  e.entity.id = "check";
  e.entity.name = std::move(name);
  if (!pages.empty()) e.entity.url = pages.front().url;
  e.crawl.started_at = std::move(started_at);
  e.crawl.finished_at = std::move(finished_at);
  e.crawl.pages = static_cast<uint32_t>(pages.size());
  for (const findings::PageReport& p : pages) e.crawl.errors += p.error ? 1 : 0;
  e.pages = std::move(pages);
  return e;
}

}  // namespace verifica::report
