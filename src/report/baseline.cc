#include "report/baseline.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "findings/findings_json.h"
#include "report/aggregate.h"
#include "report/escape.h"
#include "report/fingerprint.h"
#include "report/i18n.h"

namespace verifica::report {

namespace fs = std::filesystem;
using findings::Outcome;
using nlohmann::json;

namespace {

struct Flat {
  DiffEntry entry;
  std::string page_key;  // normalised page URL, to know whether a page was checked again
};

std::vector<Flat> Flatten(const findings::EntityReport& report) {
  const FingerprintContext ctx = FingerprintContext::For(report.pages, report.entity_rules);
  std::vector<Flat> out;
  for (const ReportedItem& it : ReportedItems(report)) {
    Flat f;
    f.entry.fingerprint = it.fingerprint;
    f.entry.rule_id = it.rule->id;
    f.entry.page_url = it.page_url;
    f.entry.outcome = it.outcome;
    f.entry.impact = it.rule->impact;
    if (it.finding != nullptr) f.entry.finding = *it.finding;
    f.entry.finding.fingerprint = it.fingerprint;
    f.page_key = ctx.NormalizeUrl(it.page_url);
    out.push_back(std::move(f));
  }
  return out;
}

// Pages the report checked (normalised URLs), and the entity rules it ran.
struct Checked {
  std::set<std::string> pages;
  std::set<std::string> entity_rules;
};

Checked CheckedIn(const findings::EntityReport& report) {
  const FingerprintContext ctx = FingerprintContext::For(report.pages, report.entity_rules);
  Checked c;
  for (const findings::PageReport& p : report.pages) {
    if (p.error) continue;
    c.pages.insert(ctx.NormalizeUrl(p.final_url.empty() ? p.url : p.final_url));
    c.pages.insert(ctx.NormalizeUrl(p.url));
  }
  for (const findings::RuleResult& r : report.entity_rules) c.entity_rules.insert(r.id);
  return c;
}

bool IsEntityRule(const findings::EntityReport& report, const std::string& id) {
  return std::any_of(report.entity_rules.begin(), report.entity_rules.end(),
                     [&](const findings::RuleResult& r) { return r.id == id; });
}

Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return InvalidArgument(path.string() + ": cannot read the file");
  std::ostringstream s;
  s << f.rdbuf();
  if (f.bad()) return InvalidArgument(path.string() + ": read error");
  return s.str();
}

Result<findings::EntityReport> ParseComparable(const std::string& text, const fs::path& path) {
  const std::string where = path.string() + ": ";
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    return InvalidArgument(where + "not valid JSON (truncated or corrupt report)");
  }
  if (!j.is_object()) return InvalidArgument(where + "not a verifica report (not a JSON object)");
  if (auto s = j.find("schema"); s != j.end()) {
    const std::string schema = s->is_string() ? s->get<std::string>() : s->dump();
    if (schema == "verifica-report/1") {
      auto r = findings::ParseEntityReport(text);
      if (!r.ok()) return InvalidArgument(where + r.status().message());
      return r;
    }
    if (schema.starts_with("verifica-summary/")) {
      return InvalidArgument(where +
                             "this is a campaign summary; give an entity's report.json "
                             "(OUT/<entity-id>/report.json) or the campaign folder");
    }
    if (schema.starts_with("verifica-report/")) {
      return InvalidArgument(where + "report schema " + schema +
                             " is not supported (this verifica reads verifica-report/1)");
    }
    return InvalidArgument(where + "not a verifica report (schema " + schema + ")");
  }
  if (j.contains("runs") || (j.contains("$schema") && j["$schema"].is_string() &&
                             j["$schema"].get<std::string>().find("sarif") != std::string::npos)) {
    return InvalidArgument(where + "this is a SARIF file; a baseline is a verifica report.json");
  }
  auto tool = j.find("tool");
  if (tool != j.end() && tool->is_object() && tool->contains("name")) {
    const json& name = (*tool)["name"];
    if (!name.is_string() || name.get<std::string>() != "verifica") {
      return InvalidArgument(where + "a report of another tool (" + name.dump() +
                             "); a baseline must be a verifica report");
    }
    auto pages = j.find("pages");
    if (pages == j.end() || !pages->is_array()) {
      return InvalidArgument(where + "verifica output without \"pages\"");
    }
    // `verifica check --format json` output.
    findings::EntityReport report;
    report.entity.id = "check";
    try {
      for (const json& p : *pages) report.pages.push_back(p.get<findings::PageReport>());
    } catch (const json::exception& e) {
      return InvalidArgument(where + "malformed check report: " + e.what());
    }
    return report;
  }
  return InvalidArgument(where + "not a verifica report (no \"schema\" field)");
}

std::string Rule(const Catalog& catalog, const std::string& id, std::string_view lang) {
  if (auto it = catalog.find(id); it != catalog.end() && !it->second.title.Get(lang).empty()) {
    return it->second.title.Get(lang);
  }
  return id;
}

json EntryJson(const DiffEntry& e) {
  json j = {{"fingerprint", e.fingerprint},
            {"rule", e.rule_id},
            {"url", e.page_url},
            {"outcome", findings::ToString(e.outcome)},
            {"impact", findings::ToString(e.impact)},
            {"selector", e.finding.selector},
            {"line", e.finding.line},
            {"snippet", e.finding.snippet},
            {"message", {{"es", e.finding.message.es}, {"en", e.finding.message.en}}}};
  return j;
}

// Drops what a comparison never reads: rule results that passed or were inapplicable and list
// no finding (a scan's baseline of many large reports then holds their findings, not every
// rule of every page).
void KeepReportedOnly(findings::EntityReport& report) {
  for (findings::PageReport& p : report.pages) {
    std::erase_if(p.rules, [](const findings::RuleResult& r) {
      return (r.outcome == Outcome::kPassed || r.outcome == Outcome::kInapplicable) &&
             r.findings.empty();
    });
    p.rules.shrink_to_fit();
  }
}

}  // namespace

ReportDiff DiffReports(const findings::EntityReport& before, const findings::EntityReport& after) {
  ReportDiff d;
  std::map<std::pair<std::string, Outcome>, int> old_count;
  std::vector<Flat> old_items = Flatten(before);
  for (const Flat& f : old_items) ++old_count[{f.entry.fingerprint, f.entry.outcome}];
  std::map<std::pair<std::string, Outcome>, int> matched;
  for (Flat& f : Flatten(after)) {
    auto key = std::make_pair(f.entry.fingerprint, f.entry.outcome);
    auto it = old_count.find(key);
    if (it != old_count.end() && it->second > 0) {
      --it->second;
      d.unchanged.push_back(std::move(f.entry));
    } else {
      d.added.push_back(std::move(f.entry));
    }
  }
  // What is left of the old report was fixed, or not checked again.
  const Checked checked = CheckedIn(after);
  const FingerprintContext after_ctx = FingerprintContext::For(after.pages, after.entity_rules);
  for (Flat& f : old_items) {
    auto it = old_count.find({f.entry.fingerprint, f.entry.outcome});
    if (it == old_count.end() || it->second == 0) continue;
    --it->second;
    const bool rechecked =
        IsEntityRule(before, f.entry.rule_id)
            ? checked.entity_rules.count(f.entry.rule_id) > 0
            : (checked.pages.count(f.page_key) > 0 ||
               checked.pages.count(after_ctx.NormalizeUrl(f.entry.page_url)) > 0);
    (rechecked ? d.fixed : d.unverified).push_back(std::move(f.entry));
  }
  return d;
}

Result<findings::EntityReport> LoadComparableReport(const fs::path& path) {
  std::error_code ec;
  fs::path file = path;
  if (fs::is_directory(path, ec)) {
    file = path / "report.json";
    if (!fs::exists(file, ec)) {
      if (fs::exists(path / "summary.json", ec)) {
        return InvalidArgument(path.string() +
                               ": a campaign folder; give one entity's folder or report.json");
      }
      return InvalidArgument(path.string() + ": no report.json in this folder");
    }
  } else if (!fs::exists(path, ec)) {
    return InvalidArgument(path.string() + ": no such file or directory");
  }
  auto text = ReadFile(file);
  if (!text.ok()) return text.status();
  return ParseComparable(*text, file);
}

Result<Baseline> Baseline::Load(const fs::path& path) {
  Baseline b;
  std::error_code ec;
  const bool is_dir = fs::is_directory(path, ec);
  if (!is_dir || fs::exists(path / "report.json", ec)) {
    auto r = LoadComparableReport(path);
    if (!r.ok()) return r.status();
    b.single_ = true;
    KeepReportedOnly(*r);
    b.reports_.push_back(std::move(*r));
    return b;
  }
  std::vector<fs::path> files;
  for (fs::directory_iterator it(path, ec), end; it != end && !ec; it.increment(ec)) {
    if (it->is_directory(ec) && fs::exists(it->path() / "report.json", ec)) {
      files.push_back(it->path() / "report.json");
    }
  }
  if (ec) return InvalidArgument(path.string() + ": cannot list the folder: " + ec.message());
  if (files.empty()) {
    return InvalidArgument(path.string() +
                           ": no report.json here nor in its sub-folders; a baseline is an "
                           "earlier report.json or the output folder of an earlier scan");
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    auto r = LoadComparableReport(f);
    if (!r.ok()) return r.status();
    KeepReportedOnly(*r);
    b.reports_.push_back(std::move(*r));
  }
  return b;
}

const findings::EntityReport* Baseline::For(std::string_view entity_id, bool sole_entity) const {
  if (single_ && sole_entity && !reports_.empty()) return &reports_.front();
  for (const findings::EntityReport& r : reports_) {
    if (r.entity.id == entity_id) return &r;
  }
  return nullptr;
}

std::string RenderDiffText(const ReportDiff& diff, const findings::EntityReport& before,
                           const findings::EntityReport& after, const Catalog& catalog,
                           std::string_view lang, bool color) {
  const Messages& m = Messages::For(lang);
  auto paint = [color](const char* code, const std::string& s) {
    return color ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
  };
  auto when = [](const findings::EntityReport& r) {
    return r.crawl.finished_at.empty() ? std::string("—") : r.crawl.finished_at;
  };
  const std::string name = after.entity.name.empty() ? after.entity.id : after.entity.name;
  std::string out = paint("1", TerminalText(m.Format("diff.title", {name}))) + "\n";
  out += "  " + TerminalText(m.Format("diff.between", {when(before), when(after)})) + "\n";
  uint64_t new_failed = 0;
  for (const DiffEntry& e : diff.added) new_failed += e.outcome == Outcome::kFailed;
  out += "  " +
         m.Format("diff.counts",
                  {std::to_string(diff.added.size()), std::to_string(new_failed),
                   std::to_string(diff.fixed.size()), std::to_string(diff.unchanged.size()),
                   std::to_string(diff.unverified.size())}) +
         "\n";
  auto section = [&](const std::vector<DiffEntry>& list, const char* key, const char* mark,
                     const char* code) {
    if (list.empty()) return;
    out += "\n" + paint("1", m.Get(key)) + "\n";
    for (const DiffEntry& e : list) {
      const std::string kind =
          e.outcome == Outcome::kFailed ? m.Get("outcome.failed") : m.Get("outcome.cantTell");
      out += "  " + paint(code, mark) + " " + e.rule_id + "  " +
             TerminalText(Rule(catalog, e.rule_id, lang)) + " [" + kind + ", " +
             m.Impact(e.impact) + "]\n";
      out += "      " + TerminalText(e.page_url) + "\n";
      if (!e.finding.selector.empty()) {
        out += "      ";
        if (e.finding.line > 0)
          out += m.Format("junit.line", {std::to_string(e.finding.line)}) + ": ";
        out += TerminalText(e.finding.selector) + "\n";
      }
      const std::string& msg = e.finding.message.Get(lang);
      if (!msg.empty()) out += "      " + TerminalText(msg) + "\n";
    }
  };
  section(diff.added, "diff.new", "+", "31");
  section(diff.fixed, "diff.fixed", "-", "32");
  if (!diff.unverified.empty()) {
    out += "\n" + paint("1", m.Get("diff.unverified")) + "\n  " +
           m.Count("diff.unverified_count", diff.unverified.size()) + "\n";
  }
  return out;
}

std::string RenderDiffJson(const ReportDiff& diff, const findings::EntityReport& before,
                           const findings::EntityReport& after) {
  auto list = [](const std::vector<DiffEntry>& v) {
    json a = json::array();
    for (const DiffEntry& e : v) a.push_back(EntryJson(e));
    return a;
  };
  auto side = [](const findings::EntityReport& r) {
    return json{
        {"entity", r.entity.id}, {"name", r.entity.name}, {"finished_at", r.crawl.finished_at}};
  };
  json j = {{"schema", "verifica-diff/1"},
            {"tool", findings::ToolJson()},
            {"before", side(before)},
            {"after", side(after)},
            {"counts",
             {{"new", diff.added.size()},
              {"fixed", diff.fixed.size()},
              {"unchanged", diff.unchanged.size()},
              {"unverified", diff.unverified.size()}}},
            {"new", list(diff.added)},
            {"fixed", list(diff.fixed)},
            {"unchanged", list(diff.unchanged)},
            {"unverified", list(diff.unverified)}};
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace verifica::report
