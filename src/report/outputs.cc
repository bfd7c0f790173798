#include "report/outputs.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "findings/findings_json.h"

namespace verifica::report {

namespace fs = std::filesystem;
using findings::Outcome;

Status WriteFileAtomic(const fs::path& path, std::string_view text) {
  const fs::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return IoError("cannot write " + path.string() + ": folder missing or not writable");
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    f.flush();
    if (!f) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return IoError("writing " + path.string() + " failed (disk full?)");
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return IoError("cannot write " + path.string() + ": " + ec.message());
  }
  return Status::Ok();
}

double Score(const findings::EntityReport& report) {
  uint64_t passed = 0, failed = 0;
  auto count = [&](const findings::RuleResult& r) {
    if (r.outcome == Outcome::kPassed) ++passed;
    if (r.outcome == Outcome::kFailed) ++failed;
  };
  for (const auto& p : report.pages) {
    for (const auto& r : p.rules) count(r);
  }
  for (const auto& r : report.entity_rules) count(r);
  if (passed + failed == 0) return 100.0;
  return std::round(1000.0 * static_cast<double>(passed) / static_cast<double>(passed + failed)) /
         10.0;
}

EntitySummary Summarize(const findings::EntityReport& report, std::string report_dir) {
  EntitySummary s;
  s.entity = report.entity;
  s.report_dir = std::move(report_dir);
  s.pages = static_cast<uint32_t>(report.pages.size());
  s.documents = static_cast<uint32_t>(report.documents.size());
  std::set<std::string> failed, review;
  auto visit = [&](const findings::RuleResult& r) {
    if (r.outcome == Outcome::kFailed) {
      failed.insert(r.id);
      for (const auto& f : r.findings) {
        if (f.outcome == Outcome::kFailed) ++s.findings_by_impact[static_cast<size_t>(r.impact)];
      }
      // Findings beyond the per-page cap are counted, not listed.
      if (r.failed > r.findings.size()) {
        size_t listed = static_cast<size_t>(std::count_if(
            r.findings.begin(), r.findings.end(),
            [](const findings::Finding& f) { return f.outcome == Outcome::kFailed; }));
        s.findings_by_impact[static_cast<size_t>(r.impact)] +=
            static_cast<uint32_t>(r.failed - listed);
      }
    } else if (r.outcome == Outcome::kCantTell) {
      review.insert(r.id);
    }
  };
  for (const auto& p : report.pages) {
    if (p.error) ++s.page_errors;
    for (const auto& r : p.rules) visit(r);
  }
  for (const auto& r : report.entity_rules) visit(r);
  for (const std::string& id : failed) review.erase(id);
  s.rules_failed = static_cast<uint32_t>(failed.size());
  s.rules_cant_tell = static_cast<uint32_t>(review.size());
  s.failed_rule_ids.assign(failed.begin(), failed.end());
  s.score = Score(report);
  const bool any_ok = std::any_of(report.pages.begin(), report.pages.end(),
                                  [](const findings::PageReport& p) { return !p.error; });
  s.status = any_ok ? "ok" : "unreachable";
  if (!any_ok) {
    s.error = report.pages.empty() ? "no page was fetched"
                                   : (report.pages.front().error
                                          ? report.pages.front().error->message
                                          : std::string("no page could be checked"));
  }
  return s;
}

std::string RenderEntityJson(const findings::EntityReport& report) {
  nlohmann::json j = report;
  j["score"] = {{"value", Score(report)},
                {"definition",
                 "percent of applicable rule results (rule x page, and entity rules) that "
                 "passed; needs-review results are left out"}};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Status WriteEntityOutputs(const findings::EntityReport& report, const Catalog& /*catalog*/,
                          const fs::path& dir, const OutputOptions& /*options*/) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return IoError("cannot create " + dir.string() + ": " + ec.message());
  return WriteFileAtomic(dir / "report.json", RenderEntityJson(report));
}

namespace {

std::string CsvField(std::string_view v) {
  // Cells starting with = + - @ are neutralised so spreadsheets do not run them as formulas.
  std::string s(v);
  if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')) s = "'" + s;
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

Status WriteCampaignOutputs(const std::vector<EntitySummary>& rows, const Catalog& /*catalog*/,
                            const fs::path& out_dir, const OutputOptions& /*options*/) {
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return IoError("cannot create " + out_dir.string() + ": " + ec.message());
  nlohmann::json entities = nlohmann::json::array();
  std::string csv =
      "id,name,kind,url,status,pages,page_errors,documents,rules_failed,rules_cant_tell,"
      "critical,serious,moderate,minor,score,report\n";
  for (const EntitySummary& s : rows) {
    entities.push_back({{"id", s.entity.id},
                        {"name", s.entity.name},
                        {"kind", s.entity.kind},
                        {"url", s.entity.url},
                        {"profiles", s.entity.profiles},
                        {"status", s.status},
                        {"error", s.error},
                        {"pages", s.pages},
                        {"page_errors", s.page_errors},
                        {"documents", s.documents},
                        {"rules_failed", s.rules_failed},
                        {"rules_cant_tell", s.rules_cant_tell},
                        {"findings_by_impact",
                         {{"critical", s.findings_by_impact[3]},
                          {"serious", s.findings_by_impact[2]},
                          {"moderate", s.findings_by_impact[1]},
                          {"minor", s.findings_by_impact[0]}}},
                        {"failed_rules", s.failed_rule_ids},
                        {"score", s.score},
                        {"report", s.report_dir + "/report.json"}});
    char score[32];
    std::snprintf(score, sizeof score, "%.1f", s.score);
    csv += CsvField(s.entity.id) + "," + CsvField(s.entity.name) + "," + CsvField(s.entity.kind) +
           "," + CsvField(s.entity.url) + "," + s.status + "," + std::to_string(s.pages) + "," +
           std::to_string(s.page_errors) + "," + std::to_string(s.documents) + "," +
           std::to_string(s.rules_failed) + "," + std::to_string(s.rules_cant_tell) + "," +
           std::to_string(s.findings_by_impact[3]) + "," + std::to_string(s.findings_by_impact[2]) +
           "," + std::to_string(s.findings_by_impact[1]) + "," +
           std::to_string(s.findings_by_impact[0]) + "," + score + "," +
           CsvField(s.report_dir + "/report.json") + "\n";
  }
  nlohmann::json summary = {{"schema", "verifica-summary/1"},
                            {"tool", findings::ToolJson()},
                            {"entities", entities}};
  if (Status st = WriteFileAtomic(out_dir / "summary.json",
                                  summary.dump(2, ' ', false,
                                               nlohmann::json::error_handler_t::replace) +
                                      "\n");
      !st.ok()) {
    return st;
  }
  return WriteFileAtomic(out_dir / "summary.csv", csv);
}

}  // namespace verifica::report
