#include "report/machine_formats.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "report/aggregate.h"
#include "report/entity_stream.h"
#include "report/escape.h"
#include "report/fingerprint.h"
#include "report/formats.h"
#include "report/i18n.h"
#include "report/outputs.h"
#include "report/wcag.h"

namespace verifica::report {

namespace {

using findings::Finding;
using findings::Outcome;
using findings::PageReport;
using findings::RuleResult;
using nlohmann::json;

constexpr std::string_view kFingerprintKey = "verificaFinding/v1";

const findings::RuleInfo* Info(const Catalog& catalog, std::string_view id) {
  auto it = catalog.find(id);
  return it == catalog.end() ? nullptr : &it->second;
}

std::string Title(const Catalog& catalog, std::string_view id, std::string_view lang) {
  const findings::RuleInfo* info = Info(catalog, id);
  if (info != nullptr && !info->title.Get(lang).empty()) return info->title.Get(lang);
  return std::string(id);
}

std::string FindingText(const Finding& f, std::string_view lang) {
  const std::string& t = f.message.Get(lang);
  return t.empty() ? (f.message.es.empty() ? f.message.en : f.message.es) : t;
}

std::string PageUrlOf(const PageReport& p) { return p.final_url.empty() ? p.url : p.final_url; }

using Item = ReportedItem;

std::string Dump(const json& j) {
  return j.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string_view SarifLevel(findings::Impact impact) {
  switch (impact) {
    case findings::Impact::kCritical:
    case findings::Impact::kSerious:
      return "error";
    case findings::Impact::kModerate:
      return "warning";
    case findings::Impact::kMinor:
      return "note";
  }
  return "warning";
}

namespace {

constexpr std::string_view kResultsPlaceholder = "verifica:sarif-results";

// SARIF: the rules (from the tally) and the notifications are small; the results, one per
// reported item, are written as pages come to a buffer that may spill to disk, and spliced into
// the document at the end.
class SarifEntityWriter : public EntityWriter {
 public:
  SarifEntityWriter(std::ostream& out, const EntityStreamInput& in)
      : out_(out),
        in_(in),
        catalog_(in.catalog ? *in.catalog : NoCatalog()),
        m_(Messages::For(in.lang)) {
    for (const auto& [id, r] : in.tally->rules()) {
      rule_index_[id] = rules_.size();
      rules_.push_back(RuleJson(id, r));
    }
    // The indentation of a result depends only on where "results" is in the document.
    indent_ =
        SpliceJson(Dump(Document(json::array(), json::array({std::string(kResultsPlaceholder)}))),
                   kResultsPlaceholder)
            .indent;
  }

  void Page(const PageReport& p, std::string_view) override {
    if (p.error) {
      notifications_.push_back(
          {{"level", "error"},
           {"message", {{"text", PageErrorText(*p.error).Get(in_.lang)}}},
           {"locations",
            json::array({{{"physicalLocation", {{"artifactLocation", {{"uri", p.url}}}}}}})}});
      return;
    }
    for (const RuleResult& r : p.rules) {
      if (r.error.empty()) continue;
      notifications_.push_back(
          {{"level", "warning"},
           {"message", {{"text", m_.Format("sarif.rule_error", {r.id, r.error})}}},
           {"associatedRule", {{"id", r.id}, {"index", rule_index_[r.id]}}},
           {"locations", json::array({{{"physicalLocation",
                                        {{"artifactLocation", {{"uri", PageUrlOf(p)}}}}}}})}});
    }
    std::vector<Item> items;
    for (const RuleResult& r : p.rules) AppendReportedItems(r, &p, {}, in_.ctx, items);
    for (const Item& it : items) AddResult(it);
  }

  void Finish() override {
    std::vector<Item> items;
    for (const RuleResult& r : in_.head->entity_rules) {
      AppendReportedItems(r, nullptr, in_.head->entity.url, in_.ctx, items);
    }
    for (const Item& it : items) AddResult(it);
    if (results_ == 0) {
      out_ << Dump(Document(std::move(notifications_), json::array()));
      return;
    }
    JsonSplice splice = SpliceJson(
        Dump(Document(std::move(notifications_), json::array({std::string(kResultsPlaceholder)}))),
        kResultsPlaceholder);
    out_ << splice.before;
    body_.CopyTo(out_);
    out_ << splice.after;
  }

 private:
  static const Catalog& NoCatalog() {
    static const Catalog kNone;
    return kNone;
  }

  json RuleJson(const std::string& id, const RuleResult& r) const {
    const std::string_view lang = in_.lang;
    const findings::RuleInfo* info = Info(catalog_, id);
    const std::vector<std::string>& wcag = info && !info->wcag.empty() ? info->wcag : r.wcag;
    const std::vector<std::string>& act = info && !info->act.empty() ? info->act : r.act;
    const findings::Impact impact = info ? info->impact : r.impact;
    std::set<std::string> tags;
    const bool obligation =
        info ? (!info->legal_basis.empty() || (!info->pack.empty() && info->pack != "wcag"))
             : !id.starts_with("wcag-");
    tags.insert(obligation ? "transparency" : "accessibility");
    std::string level = info ? info->level : "";
    for (const std::string& sc : wcag) {
      tags.insert("wcag:" + sc);
      if (const Criterion* c = FindCriterion(sc); c && level.empty()) level = c->level;
    }
    if (!level.empty()) tags.insert("WCAG 2.2 " + level);
    for (const std::string& a : act) tags.insert("act:" + a);
    if (info != nullptr) tags.insert(info->tags.begin(), info->tags.end());
    json rule = {
        {"id", id},
        {"shortDescription", {{"text", Title(catalog_, id, lang)}}},
        {"defaultConfiguration", {{"level", SarifLevel(impact)}}},
        {"properties", {{"tags", tags}, {"impact", findings::ToString(impact)}, {"wcag", wcag}}}};
    if (info != nullptr && !info->description.Get(lang).empty()) {
      rule["fullDescription"] = {{"text", info->description.Get(lang)}};
    }
    if (info != nullptr && !info->help.Get(lang).empty()) {
      rule["help"] = {{"text", info->help.Get(lang)}};
    }
    std::string help_uri = wcag.empty() ? "" : UnderstandingUrl(wcag.front());
    if (help_uri.empty() && !act.empty()) {
      help_uri = "https://www.w3.org/WAI/standards-guidelines/act/rules/" + act.front() + "/";
    }
    if (!help_uri.empty()) rule["helpUri"] = help_uri;
    if (!act.empty()) rule["properties"]["act"] = act;
    if (info != nullptr && !info->legal_basis.empty()) {
      json lb = json::array();
      for (const auto& b : info->legal_basis) {
        json item = {{"norm", b.norm},
                     {"article", b.article},
                     {"status", findings::ToString(b.status)},
                     {"text", findings::CitationText(b, lang)}};
        const std::string& mark = findings::BasisStatusMark(b.status).Get(lang);
        if (!mark.empty()) item["mark"] = mark;
        lb.push_back(std::move(item));
      }
      rule["properties"]["legalBasis"] = lb;
    }
    return rule;
  }

  void AddResult(const Item& it) {
    const std::string_view lang = in_.lang;
    const findings::RuleInfo* info = Info(catalog_, it.rule->id);
    const findings::Impact impact = info ? info->impact : it.rule->impact;
    std::string text = it.finding ? FindingText(*it.finding, lang) : "";
    if (text.empty()) {
      text = m_.Format("sarif.rule_failed", {Title(catalog_, it.rule->id, lang)});
    }
    json location = {{"physicalLocation", {{"artifactLocation", {{"uri", it.page_url}}}}}};
    if (it.finding != nullptr) {
      const Finding& f = *it.finding;
      if (f.line > 0) {
        json region = {{"startLine", f.line}};
        if (f.column > 0) region["startColumn"] = f.column;
        if (!f.snippet.empty()) region["snippet"] = {{"text", f.snippet}};
        location["physicalLocation"]["region"] = region;
      }
      if (!f.selector.empty()) {
        location["logicalLocations"] =
            json::array({{{"fullyQualifiedName", f.selector}, {"kind", "element"}}});
      }
    }
    json result = {{"ruleId", it.rule->id},
                   {"ruleIndex", rule_index_[it.rule->id]},
                   {"message", {{"text", text}}},
                   {"locations", json::array({location})},
                   {"partialFingerprints", {{std::string(kFingerprintKey), it.fingerprint}}}};
    if (it.outcome == Outcome::kFailed) {
      result["kind"] = "fail";
      result["level"] = SarifLevel(impact);
    } else {
      result["kind"] = "review";
      result["level"] = "none";
    }
    if (it.finding != nullptr && it.finding->line == 0 && !it.finding->snippet.empty()) {
      result["properties"] = {{"snippet", it.finding->snippet}};
    }
    if (results_++ > 0) body_.Append(",\n" + indent_);
    body_.Append(
        IndentedElement(result.dump(2, ' ', false, json::error_handler_t::replace), indent_));
  }

  json Document(json notifications, json results) const {
    const findings::EntityReport& report = *in_.head;
    json invocation = {{"executionSuccessful", true},
                       {"toolExecutionNotifications", std::move(notifications)}};
    if (!report.crawl.started_at.empty()) invocation["startTimeUtc"] = report.crawl.started_at;
    if (!report.crawl.finished_at.empty()) invocation["endTimeUtc"] = report.crawl.finished_at;
    json run = {{"tool",
                 {{"driver",
                   {{"name", "verifica"},
                    {"version", VERIFICA_VERSION},
                    {"semanticVersion", VERIFICA_VERSION},
                    {"language", m_.lang()},
                    {"rules", rules_}}}}},
                {"automationDetails", {{"id", "verifica/" + report.entity.id + "/"}}},
                {"invocations", json::array({invocation})},
                {"language", m_.lang()},
                {"columnKind", "unicodeCodePoints"},
                {"results", std::move(results)},
                {"properties",
                 {{"entity",
                   {{"id", report.entity.id},
                    {"name", report.entity.name},
                    {"url", report.entity.url},
                    {"kind", report.entity.kind}}},
                  {"score", in_.tally->summary().Portal() == findings::PortalState::kReadable
                                ? json(in_.tally->summary().Score())
                                : json(nullptr)}}}};
    return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", json::array({run})}};
  }

  std::ostream& out_;
  const EntityStreamInput& in_;
  const Catalog& catalog_;
  const Messages& m_;
  json rules_ = json::array();
  std::map<std::string, size_t> rule_index_;
  json notifications_ = json::array();
  std::string indent_;
  SpillBuffer body_;
  uint64_t results_ = 0;
};

}  // namespace

std::unique_ptr<EntityWriter> MakeSarifEntityWriter(std::ostream& out,
                                                    const EntityStreamInput& in) {
  return std::make_unique<SarifEntityWriter>(out, in);
}

std::string RenderSarif(const findings::EntityReport& report, const Catalog& catalog,
                        std::string_view lang) {
  return RenderEntityFormat("sarif", report, catalog, lang);
}

namespace {

std::string Attr(std::string_view s) { return EscapeXmlAttribute(s); }

struct Case {
  std::string xml;
  int failures = 0, errors = 0, skipped = 0;
};

Case JunitCase(const RuleResult& r, const Catalog& catalog, const Messages& m,
               std::string_view lang) {
  Case c;
  const findings::RuleInfo* info = Info(catalog, r.id);
  const std::string pack =
      info && !info->pack.empty() ? info->pack : r.id.substr(0, r.id.find('-'));
  c.xml = "    <testcase classname=\"" + Attr("verifica." + pack) + "\" name=\"" +
          Attr(r.id + " — " + Title(catalog, r.id, lang)) + "\" time=\"0\">\n";
  auto details = [&](Outcome wanted) {
    std::string text;
    for (const Finding& f : r.findings) {
      if (f.outcome != wanted) continue;
      text += "- ";
      if (f.line > 0) text += m.Format("junit.line", {std::to_string(f.line)}) + ": ";
      text += (f.selector.empty() ? m.Get("rule.whole_page") : f.selector) + "\n";
      if (!f.snippet.empty()) text += "  " + f.snippet + "\n";
      text += "  " + FindingText(f, lang) + "\n";
    }
    return text;
  };
  const findings::Impact impact = info ? info->impact : r.impact;
  // The legal basis heads the details, each citation with its status mark.
  std::string basis;
  if (info != nullptr) {
    for (const findings::LegalBasis& b : info->legal_basis) {
      basis += m.Get("rule.legal_basis") + " " + findings::CitationText(b, lang) + "\n";
    }
  }
  if (!r.error.empty()) {
    ++c.errors;
    c.xml += "      <error message=\"" + Attr(m.Format("junit.rule_error", {r.error})) +
             "\" type=\"rule-error\"/>\n";
  } else if (r.outcome == Outcome::kFailed) {
    ++c.failures;
    std::string first;
    for (const Finding& f : r.findings) {
      if (f.outcome == Outcome::kFailed) {
        first = FindingText(f, lang);
        break;
      }
    }
    std::string message = m.Count("count.elements", std::max<uint64_t>(r.failed, 1));
    if (!first.empty()) message += ": " + first;
    c.xml += "      <failure message=\"" + Attr(message) + "\" type=\"" +
             std::string(findings::ToString(impact)) + "\">" +
             EscapeHtml(basis + details(Outcome::kFailed)) + "</failure>\n";
  } else if (r.outcome == Outcome::kCantTell) {
    ++c.skipped;
    c.xml += "      <skipped message=\"" +
             Attr(m.Format("junit.review", {m.Count("count.elements", r.cant_tell)})) + "\"/>\n";
    c.xml +=
        "      <system-out>" + EscapeHtml(basis + details(Outcome::kCantTell)) + "</system-out>\n";
  } else if (r.outcome == Outcome::kInapplicable) {
    ++c.skipped;
    c.xml += "      <skipped message=\"" + Attr(m.Get("outcome.inapplicable")) + "\"/>\n";
  }
  c.xml += "    </testcase>\n";
  return c;
}

// JUnit: the totals of <testsuites> come from the tally, so each page's suite is written as the
// page comes.
class JunitEntityWriter : public EntityWriter {
 public:
  JunitEntityWriter(std::ostream& out, const EntityStreamInput& in)
      : out_(out),
        in_(in),
        catalog_(in.catalog ? *in.catalog : NoCatalog()),
        m_(Messages::For(in.lang)) {
    const EntityTally& t = *in.tally;
    const auto& by = t.page_results_by_outcome();
    uint64_t tests = t.page_errors() + t.page_results_broken(), errors = tests;
    for (uint64_t n : by) tests += n;
    uint64_t failures = by[static_cast<size_t>(Outcome::kFailed)];
    uint64_t skipped = by[static_cast<size_t>(Outcome::kCantTell)] +
                       by[static_cast<size_t>(Outcome::kInapplicable)];
    for (const RuleResult& r : in.head->entity_rules) {
      const Case c = JunitCase(r, catalog_, m_, in.lang);
      ++tests;
      failures += c.failures, errors += c.errors, skipped += c.skipped;
    }
    const findings::EntityReport& report = *in.head;
    const std::string name = report.entity.name.empty() ? report.entity.id : report.entity.name;
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\""
         << Attr("verifica: " + name) << "\" tests=\"" << tests << "\" failures=\"" << failures
         << "\" errors=\"" << errors << "\" skipped=\"" << skipped << "\" time=\"0\">\n";
  }

  void Page(const PageReport& p, std::string_view) override {
    Suite(PageUrlOf(p), p.fetched_at, p.rules, &p);
  }

  void Finish() override {
    const findings::EntityReport& report = *in_.head;
    if (!report.entity_rules.empty()) {
      Suite(m_.Format("junit.entity_suite", {report.entity.url}), report.crawl.finished_at,
            report.entity_rules, nullptr);
    }
    out_ << "</testsuites>\n";
  }

 private:
  static const Catalog& NoCatalog() {
    static const Catalog kNone;
    return kNone;
  }

  void Suite(std::string_view name, std::string_view timestamp,
             const std::vector<RuleResult>& rules, const findings::PageReport* page) {
    const std::string_view lang = in_.lang;
    std::string body;
    int t = 0, f = 0, e = 0, s = 0;
    if (page != nullptr && page->error) {
      ++t, ++e;
      body += "    <testcase classname=\"verifica.page\" name=\"" +
              Attr(m_.Get("junit.page_case")) + "\" time=\"0\">\n      <error message=\"" +
              Attr(PageErrorText(*page->error).Get(lang)) + "\" type=\"" + Attr(page->error->kind) +
              "\"/>\n    </testcase>\n";
    }
    for (const RuleResult& r : rules) {
      Case c = JunitCase(r, catalog_, m_, lang);
      ++t;
      f += c.failures, e += c.errors, s += c.skipped;
      body += c.xml;
    }
    out_ << "  <testsuite name=\"" << Attr(name) << "\" tests=\"" << t << "\" failures=\"" << f
         << "\" errors=\"" << e << "\" skipped=\"" << s << "\" time=\"0\"";
    if (!timestamp.empty()) {
      // JUnit timestamps have no zone designator.
      std::string ts(timestamp);
      if (!ts.empty() && (ts.back() == 'Z' || ts.back() == 'z')) ts.pop_back();
      out_ << " timestamp=\"" << Attr(ts) << "\"";
    }
    out_ << ">\n" << body << "  </testsuite>\n";
  }

  std::ostream& out_;
  const EntityStreamInput& in_;
  const Catalog& catalog_;
  const Messages& m_;
};

// findings.csv: one row per reported item, written as pages come.
class CsvEntityWriter : public EntityWriter {
 public:
  CsvEntityWriter(std::ostream& out, const EntityStreamInput& in)
      : out_(out),
        in_(in),
        catalog_(in.catalog ? *in.catalog : NoCatalog()),
        m_(Messages::For(in.lang)) {
    out_ << "entity_id,page_url,rule_id,rule_title,outcome,impact,wcag,legal_basis,selector,line,"
            "column,snippet,message,fingerprint\n";
  }

  void Page(const PageReport& p, std::string_view) override {
    if (p.error) return;
    std::vector<Item> items;
    for (const RuleResult& r : p.rules) AppendReportedItems(r, &p, {}, in_.ctx, items);
    for (const Item& it : items) Row(it);
  }

  void Finish() override {
    std::vector<Item> items;
    for (const RuleResult& r : in_.head->entity_rules) {
      AppendReportedItems(r, nullptr, in_.head->entity.url, in_.ctx, items);
    }
    for (const Item& it : items) Row(it);
  }

 private:
  static const Catalog& NoCatalog() {
    static const Catalog kNone;
    return kNone;
  }

  void Row(const Item& it) {
    const std::string_view lang = in_.lang;
    const findings::RuleInfo* info = Info(catalog_, it.rule->id);
    const findings::Impact impact = info ? info->impact : it.rule->impact;
    std::string wcag;
    for (const std::string& sc : info && !info->wcag.empty() ? info->wcag : it.rule->wcag) {
      wcag += (wcag.empty() ? "" : " ") + sc;
    }
    std::string basis;
    if (info != nullptr) {
      for (const auto& b : info->legal_basis) {
        basis += (basis.empty() ? "" : "; ") + findings::CitationText(b, lang);
      }
    }
    const Finding* f = it.finding;
    std::string message = f ? FindingText(*f, lang) : "";
    if (message.empty())
      message = m_.Format("sarif.rule_failed", {Title(catalog_, it.rule->id, lang)});
    out_ << CsvField(in_.head->entity.id) + "," + CsvField(it.page_url) + "," +
                CsvField(it.rule->id) + "," + CsvField(Title(catalog_, it.rule->id, lang)) + "," +
                std::string(findings::ToString(it.outcome)) + "," +
                std::string(findings::ToString(impact)) + "," + CsvField(wcag) + "," +
                CsvField(basis) + "," + CsvField(f ? f->selector : "") + "," +
                (f && f->line ? std::to_string(f->line) : "") + "," +
                (f && f->column ? std::to_string(f->column) : "") + "," +
                CsvField(f ? f->snippet : "") + "," + CsvField(message) + "," +
                CsvField(it.fingerprint) + "\n";
  }

  std::ostream& out_;
  const EntityStreamInput& in_;
  const Catalog& catalog_;
  const Messages& m_;
};

}  // namespace

std::unique_ptr<EntityWriter> MakeJunitEntityWriter(std::ostream& out,
                                                    const EntityStreamInput& in) {
  return std::make_unique<JunitEntityWriter>(out, in);
}

std::unique_ptr<EntityWriter> MakeCsvEntityWriter(std::ostream& out, const EntityStreamInput& in) {
  return std::make_unique<CsvEntityWriter>(out, in);
}

std::string RenderJunit(const findings::EntityReport& report, const Catalog& catalog,
                        std::string_view lang) {
  return RenderEntityFormat("junit", report, catalog, lang);
}

std::string RenderFindingsCsv(const findings::EntityReport& report, const Catalog& catalog,
                              std::string_view lang) {
  return RenderEntityFormat("csv", report, catalog, lang);
}

}  // namespace verifica::report
