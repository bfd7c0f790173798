#include "report/outputs.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "findings/findings_json.h"
#include "report/aggregate.h"
#include "report/entity_stream.h"
#include "report/escape.h"
#include "report/fingerprint.h"
#include "report/formats.h"
#include "report/html_report.h"
#include "report/i18n.h"

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

namespace {

// The i18n key of an unreadable portal's cause ("portal.cause.<key>").
std::string_view CauseKey(findings::PageErrorKind kind) {
  using findings::PageErrorKind;
  switch (kind) {
    case PageErrorKind::kDns:
      return "dns";
    case PageErrorKind::kConnectionRefused:
      return "connection-refused";
    case PageErrorKind::kConnect:
      return "connect";
    case PageErrorKind::kTimeout:
      return "timeout";
    case PageErrorKind::kTls:
      return "tls";
    case PageErrorKind::kReset:
    case PageErrorKind::kNetwork:
    case PageErrorKind::kEncoding:
      return "network";
    case PageErrorKind::kHttp:
      return "http";
    case PageErrorKind::kRobots:
      return "robots";
    case PageErrorKind::kRobotsUnreachable:
      return "robots-unreachable";
    case PageErrorKind::kPrivateAddress:
      return "private-address";
    case PageErrorKind::kRedirect:
    case PageErrorKind::kRedirectLoop:
    case PageErrorKind::kTooManyRedirects:
      return "redirect";
    case PageErrorKind::kScheme:
      return "scheme";
    case PageErrorKind::kNotFound:
    case PageErrorKind::kUnreadable:
    case PageErrorKind::kIo:
      return "not-found";
    case PageErrorKind::kTooLarge:
    case PageErrorKind::kTooDeep:
    case PageErrorKind::kEmpty:
    case PageErrorKind::kNotHtml:
      return "not-html";
    case PageErrorKind::kSitemap:
    case PageErrorKind::kRefused:
    case PageErrorKind::kInternal:
      return "other";
  }
  return "other";
}

}  // namespace

findings::LocalizedText PortalCauseText(const findings::PortalStatus& portal) {
  auto text = [&](std::string_view lang) {
    const Messages& m = Messages::For(lang);
    if (!portal.error) return m.Format("portal.cause.none", {portal.url});
    const auto kind = findings::PageErrorKindFromString(portal.error->kind);
    const std::string key =
        "portal.cause." + std::string(kind ? CauseKey(*kind) : std::string_view("other"));
    const std::string status = portal.status > 0 ? std::to_string(portal.status) : "—";
    return m.Format(key, {portal.url, status, portal.error->message});
  };
  return {text("es"), text("en")};
}

const Catalog& SummaryBuilder::catalog() const {
  static const Catalog kNone;
  return catalog_ != nullptr ? *catalog_ : kNone;
}

void SummaryBuilder::Visit(const findings::RuleResult& r) {
  if (r.outcome == Outcome::kPassed) ++passed_;
  if (r.outcome == Outcome::kFailed) {
    ++failed_;
    failed_ids_.insert(r.id);
    size_t listed = 0;
    for (const auto& f : r.findings) {
      if (f.outcome == Outcome::kFailed) ++listed;
    }
    // Findings beyond the per-page cap are counted, not listed.
    const size_t total = std::max<size_t>(listed, r.failed);
    findings_by_impact_[static_cast<size_t>(r.impact)] += static_cast<uint32_t>(total);
  } else if (r.outcome == Outcome::kCantTell) {
    review_ids_.insert(r.id);
  }
  if (IsObligationRule(r.id, catalog())) {
    auto [it, inserted] = obligations_.emplace(r.id, r.outcome);
    if (!inserted) it->second = findings::Worst(it->second, r.outcome);
  }
}

void SummaryBuilder::AddPage(const findings::PageReport& p) {
  ++pages_;
  if (p.error) {
    ++page_errors_;
  } else {
    any_ok_ = true;
  }
  if (!have_first_) {
    have_first_ = true;
    first_error_message_ = p.error ? p.error->message : std::string();
    first_url_ = p.url;
    first_status_ = p.status;
    first_error_ = p.error;
  }
  for (const auto& r : p.rules) Visit(r);
  accessibility_.AddPage(p, catalog());
  if (!p.error) {
    const bool needs_rendering = std::any_of(p.rules.begin(), p.rules.end(), [](const auto& r) {
      return r.outcome == Outcome::kCantTell &&
             std::any_of(r.findings.begin(), r.findings.end(), [](const findings::Finding& f) {
               return f.outcome == Outcome::kCantTell && f.message_id == kMessageNeedsRendering;
             });
    });
    pages_needing_rendering_ += needs_rendering;
  }
}

bool SummaryBuilder::NeedsRendering() const {
  const uint32_t checked = pages_ - page_errors_;
  return checked > 0 && pages_needing_rendering_ == checked;
}

void SummaryBuilder::AddEntityRules(const std::vector<findings::RuleResult>& rules) {
  for (const auto& r : rules) Visit(r);
}

findings::PortalState SummaryBuilder::Portal() const {
  if (portal_ && portal_->state != findings::PortalState::kReadable) return portal_->state;
  if (!any_ok_) return findings::PortalState::kUnreachable;
  if (NeedsRendering()) return findings::PortalState::kNeedsRendering;
  return findings::PortalState::kReadable;
}

findings::PortalStatus SummaryBuilder::PortalStatus() const {
  findings::PortalStatus p;
  if (portal_) p = *portal_;
  p.state = Portal();
  if (p.state == findings::PortalState::kUnreachable && !p.error) {
    p.url = first_url_;
    p.status = first_status_;
    p.error = first_error_ ? *first_error_
                           : findings::PageError{"network", "no page was fetched"};
  }
  return p;
}

ObligationsIndex SummaryBuilder::Obligations() const {
  ObligationsIndex idx;
  for (const auto& [id, o] : obligations_) {
    if (!IsObligationCriterion(id, catalog())) continue;
    idx.overall.Add(o);
    idx.by_pack[PackOf(id, catalog())].Add(o);
  }
  return idx;
}

std::optional<double> SummaryBuilder::ObligationsValue() const {
  if (Portal() != findings::PortalState::kReadable) return std::nullopt;
  return Obligations().overall.Value();
}

std::optional<double> SummaryBuilder::AccessibilityValue() const {
  if (Portal() != findings::PortalState::kReadable) return std::nullopt;
  return accessibility_.Value();
}

double SummaryBuilder::Score() const {
  if (passed_ + failed_ == 0) return 100.0;
  return std::round(1000.0 * static_cast<double>(passed_) /
                    static_cast<double>(passed_ + failed_)) /
         10.0;
}

EntitySummary SummaryBuilder::Finish(const findings::EntityInfo& entity, uint32_t documents,
                                     std::string report_dir) const {
  EntitySummary s;
  s.entity = entity;
  s.report_dir = std::move(report_dir);
  s.pages = pages_;
  s.page_errors = page_errors_;
  s.documents = documents;
  s.findings_by_impact = findings_by_impact_;
  std::set<std::string> review = review_ids_;
  for (const std::string& id : failed_ids_) review.erase(id);
  s.rules_failed = static_cast<uint32_t>(failed_ids_.size());
  s.rules_cant_tell = static_cast<uint32_t>(review.size());
  s.failed_rule_ids.assign(failed_ids_.begin(), failed_ids_.end());
  for (const auto& [id, o] : obligations_) {
    if (o == Outcome::kFailed) ++s.obligations_failed;
    if (o == Outcome::kCantTell) ++s.obligations_cant_tell;
    if (o == Outcome::kPassed) ++s.obligations_passed;
  }
  for (const std::string& id : failed_ids_) {
    if (!IsObligationRule(id, catalog())) ++s.accessibility_rules_failed;
  }
  s.score = Score();
  s.portal = Portal();
  s.obligations_detail = Obligations();
  s.obligations_index = ObligationsValue();
  s.accessibility_index = AccessibilityValue();
  s.accessibility_pages = accessibility_.pages();
  switch (s.portal) {
    case findings::PortalState::kReadable:
      s.status = "ok";
      break;
    case findings::PortalState::kUnreachable: {
      s.status = "unreachable";
      s.scored = false;
      const findings::PortalStatus p = PortalStatus();
      s.error = pages_ == 0 ? "no page was fetched"
                : p.error && !p.error->message.empty()
                    ? p.error->message
                    : (!first_error_message_.empty() ? first_error_message_
                                                     : std::string("no page could be checked"));
      break;
    }
    case findings::PortalState::kNeedsRendering:
      s.status = std::string(kStatusNeedsRendering);
      s.scored = false;
      break;
  }
  return s;
}

double Score(const findings::EntityReport& report) {
  SummaryBuilder b;
  for (const auto& p : report.pages) b.AddPage(p);
  b.AddEntityRules(report.entity_rules);
  return b.Score();
}

EntitySummary Summarize(const findings::EntityReport& report, std::string report_dir,
                        const Catalog& catalog) {
  SummaryBuilder b;
  b.SetCatalog(&catalog);
  b.SetPortal(report.portal);
  for (const auto& p : report.pages) b.AddPage(p);
  b.AddEntityRules(report.entity_rules);
  return b.Finish(report.entity, static_cast<uint32_t>(report.documents.size()),
                  std::move(report_dir));
}

namespace {
constexpr std::string_view kPagesPlaceholder = "verifica:pages";
}  // namespace

namespace {

nlohmann::json TallyJson(const ComplianceTally& t) {
  const std::optional<double> v = t.Value();
  return {{"value", v ? nlohmann::json(*v) : nlohmann::json(nullptr)},
          {"met", t.met},
          {"failed", t.failed},
          {"cantTell", t.cant_tell},
          {"inapplicable", t.inapplicable}};
}

// "indices" of report.json and of each summary.json entity.
nlohmann::json IndicesJson(bool readable, const ObligationsIndex& obligations,
                           std::optional<double> accessibility, uint32_t accessibility_pages,
                           bool with_definitions) {
  nlohmann::json o = TallyJson(obligations.overall);
  nlohmann::json packs = nlohmann::json::object();
  for (const auto& [pack, t] : obligations.by_pack) {
    packs[pack] = TallyJson(t);
    if (!readable) packs[pack]["value"] = nullptr;
  }
  o["by_pack"] = std::move(packs);
  if (!readable) o["value"] = nullptr;
  nlohmann::json a = {
      {"value", accessibility && readable ? nlohmann::json(*accessibility) : nlohmann::json(nullptr)},
      {"pages", accessibility_pages}};
  if (with_definitions) {
    o["definition"] =
        "percent of the applicable obligation criteria met: one criterion per obligation rule, "
        "by its worst outcome over the portal; needs-review and inapplicable criteria are left "
        "out; null when none was decided or the portal could not be read; also per pack";
    a["definition"] =
        "on each page checked, the percent of its applicable accessibility rule results that "
        "passed (needs-review and inapplicable left out); then the mean over the pages that had "
        "one, so the number of pages does not weigh in; null when no page counted or the portal "
        "could not be read";
  }
  return {{"obligations", std::move(o)}, {"accessibility", std::move(a)}};
}

}  // namespace

EntityJsonFrame RenderEntityJsonFrame(const findings::EntityReport& report,
                                      const SummaryBuilder& summary,
                                      const FingerprintContext& ctx, bool has_pages) {
  nlohmann::json j = report;
  // Fingerprints are written with every finding (baselines, SARIF), computed from the report.
  for (size_t ri = 0; ri < report.entity_rules.size(); ++ri) {
    const findings::RuleResult& r = report.entity_rules[ri];
    for (size_t fi = 0; fi < r.findings.size(); ++fi) {
      const findings::Finding& f = r.findings[fi];
      j["entity_rules"][ri]["findings"][fi]["fingerprint"] =
          ctx.Of(r.id, FindingPageUrl(nullptr, f), f);
    }
  }
  const bool readable = summary.Portal() == findings::PortalState::kReadable;
  j["score"] = {{"value", readable ? nlohmann::json(summary.Score()) : nlohmann::json(nullptr)},
                {"definition",
                 "kept for one release, replaced by \"indices\": percent of applicable rule "
                 "results (rule x page, and entity rules) that passed; needs-review results are "
                 "left out; null when the portal could not be read or needs rendering"}};
  j["indices"] = IndicesJson(readable, summary.Obligations(), summary.AccessibilityValue(),
                             summary.AccessibilityPages(), /*with_definitions=*/true);
  if (!report.portal) {
    // A report rendered again from an older report.json, or from `check`: the state as inferred.
    const findings::PortalStatus p = summary.PortalStatus();
    nlohmann::json portal = {{"state", findings::ToString(p.state)}};
    if (p.error) {
      portal["cause"] = {{"url", p.url},
                         {"status", p.status},
                         {"kind", p.error->kind},
                         {"message", p.error->message}};
    }
    j["portal"] = std::move(portal);
  }
  if (has_pages) j["pages"] = nlohmann::json::array({std::string(kPagesPlaceholder)});
  std::string text = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  EntityJsonFrame frame;
  // "pages" sorts after every key a page-derived or user-given string can be in.
  const std::string quoted = "\"" + std::string(kPagesPlaceholder) + "\"";
  const size_t at = has_pages ? text.rfind(quoted) : std::string::npos;
  if (at == std::string::npos) {
    frame.before_pages = std::move(text);
  } else {
    frame.before_pages = text.substr(0, at);
    frame.after_pages = text.substr(at + quoted.size());
  }
  return frame;
}

std::string RenderPageJsonElement(const findings::PageReport& p, const FingerprintContext& ctx) {
  nlohmann::json pj = p;
  for (size_t ri = 0; ri < p.rules.size(); ++ri) {
    const findings::RuleResult& r = p.rules[ri];
    for (size_t fi = 0; fi < r.findings.size(); ++fi) {
      const findings::Finding& f = r.findings[fi];
      pj["rules"][ri]["findings"][fi]["fingerprint"] = ctx.Of(r.id, FindingPageUrl(&p, f), f);
    }
  }
  const std::string one = pj.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
  // Indented as an element of "pages" (two levels deep).
  std::string out;
  out.reserve(one.size() + one.size() / 16);
  for (char c : one) {
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

namespace {

class JsonEntityWriter : public EntityWriter {
 public:
  JsonEntityWriter(std::ostream& out, const EntityStreamInput& in) : out_(out), in_(in) {
    // The document around the pages; the pages are converted to JSON one at a time and spliced
    // in, so the JSON tree of a large crawl is never built whole (the text is the same as
    // dumping the whole tree).
    findings::EntityReport head;
    head.schema = in.head->schema;
    head.entity = in.head->entity;
    head.crawl = in.head->crawl;
    head.entity_rules = in.head->entity_rules;
    head.documents = in.head->documents;
    head.page_roles = in.head->page_roles;
    head.portal = in.head->portal;
    // Each obligation rule's citations with their status, from the catalog.
    if (in.catalog != nullptr) {
      for (const auto& [id, result] : in.tally->rules()) {
        auto it = in.catalog->find(id);
        if (it != in.catalog->end() && !it->second.legal_basis.empty()) {
          head.legal_basis[id] = it->second.legal_basis;
        }
      }
    }
    frame_ = RenderEntityJsonFrame(head, in.tally->summary(), in.ctx, in.pages > 0);
    out_ << frame_.before_pages;
    frame_.before_pages.clear();
  }
  void Page(const findings::PageReport& page, std::string_view rendered_json) override {
    if (pages_++ > 0) out_ << kPageJsonSeparator;
    if (!rendered_json.empty()) {
      out_ << rendered_json;
    } else {
      out_ << RenderPageJsonElement(page, in_.ctx);
    }
  }
  void Finish() override { out_ << frame_.after_pages; }

 private:
  std::ostream& out_;
  const EntityStreamInput& in_;
  EntityJsonFrame frame_;
  uint64_t pages_ = 0;
};

}  // namespace

std::unique_ptr<EntityWriter> MakeJsonEntityWriter(std::ostream& out, const EntityStreamInput& in) {
  return std::make_unique<JsonEntityWriter>(out, in);
}

std::string RenderEntityJson(const findings::EntityReport& report) {
  return RenderEntityFormat("json", report, {}, "es");
}

Status WriteFilesAtomic(const std::vector<std::pair<fs::path, std::string>>& files) {
  // Every file is written under a temporary name first; only when all of them are complete are
  // they renamed into place, report.json (the source of truth) last. A failure removes the
  // temporary files and leaves the folder as it was.
  std::vector<std::pair<fs::path, fs::path>> done;  // temporary → final
  auto discard = [&done] {
    std::error_code ec;
    for (const auto& [tmp, path] : done) fs::remove(tmp, ec);
  };
  for (const auto& [path, text] : files) {
    const fs::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) {
      discard();
      return IoError("cannot write " + path.string() + ": folder missing or not writable");
    }
    done.emplace_back(tmp, path);
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    f.flush();
    if (!f) {
      discard();
      return IoError("writing " + path.string() + " failed (disk full?)");
    }
  }
  for (const auto& [tmp, path] : done) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      discard();
      return IoError("cannot write " + path.string() + ": a folder has that name");
    }
  }
  std::stable_partition(done.begin(), done.end(), [](const auto& d) {
    return d.second.filename() != "report.json" && d.second.filename() != "summary.json";
  });
  for (size_t i = 0; i < done.size(); ++i) {
    std::error_code ec;
    fs::rename(done[i].first, done[i].second, ec);
    if (ec) {
      for (size_t k = i; k < done.size(); ++k) fs::remove(done[k].first, ec);
      return IoError("cannot write " + done[i].second.string() + ": " + ec.message());
    }
  }
  return Status::Ok();
}

Status WriteEntityOutputs(const findings::EntityReport& report, const Catalog& catalog,
                          const fs::path& dir, const OutputOptions& options) {
  EntityTally tally;
  const EntityStreamInput in = WholeReportInput(report, catalog, options.lang, tally);
  auto writer = EntityFilesWriter::Open(dir, options.formats, in);
  if (!writer.ok()) return writer.status();
  for (const findings::PageReport& p : report.pages) (*writer)->Page(&p, {});
  return (*writer)->Finish();
}

CampaignInfo ReadCampaignInfo(const fs::path& out_dir) {
  CampaignInfo info;
  std::ifstream in(out_dir / "summary.json", std::ios::binary);
  if (!in) return info;
  nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return info;
  auto c = j.find("campaign");
  if (c == j.end() || !c->is_object()) return info;
  info.name = c->value("name", std::string());
  info.started_at = c->value("started_at", std::string());
  info.finished_at = c->value("finished_at", std::string());
  if (auto p = c->find("packs"); p != c->end() && p->is_array()) {
    for (const nlohmann::json& e : *p) {
      if (e.is_object()) info.packs.emplace_back(e.value("id", ""), e.value("version", ""));
    }
  }
  return info;
}

Status WriteCampaignOutputs(const std::vector<EntitySummary>& rows, const Catalog& catalog,
                            const fs::path& out_dir, const OutputOptions& options,
                            const CampaignInfo& info_in) {
  CampaignInfo info = info_in;
  for (const EntitySummary& s : rows) {
    if (info_in.started_at.empty() && !s.started_at.empty() &&
        (info.started_at.empty() || s.started_at < info.started_at)) {
      info.started_at = s.started_at;
    }
    if (info_in.finished_at.empty() && s.finished_at > info.finished_at) {
      info.finished_at = s.finished_at;
    }
  }
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (ec) return IoError("cannot create " + out_dir.string() + ": " + ec.message());
  nlohmann::json entities = nlohmann::json::array();
  std::string csv =
      "id,name,kind,url,status,pages,page_errors,documents,rules_failed,rules_cant_tell,"
      "critical,serious,moderate,minor,score,obligations_index,accessibility_index,report\n";
  for (const EntitySummary& s : rows) {
    entities.push_back(
        {{"id", s.entity.id},
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
         {"obligations",
          {{"failed", s.obligations_failed},
           {"cantTell", s.obligations_cant_tell},
           {"passed", s.obligations_passed}}},
         {"score", s.scored ? nlohmann::json(s.score) : nlohmann::json(nullptr)},
         {"portal", findings::ToString(s.portal)},
         {"indices", IndicesJson(s.portal == findings::PortalState::kReadable,
                                 s.obligations_detail, s.accessibility_index,
                                 s.accessibility_pages, /*with_definitions=*/false)},
         {"report", s.report_dir.empty() ? std::string() : s.report_dir + "/report.json"}});
    char score[32] = "", obligations[32] = "", accessibility[32] = "";
    if (s.scored) std::snprintf(score, sizeof score, "%.1f", s.score);
    if (s.obligations_index) {
      std::snprintf(obligations, sizeof obligations, "%.1f", *s.obligations_index);
    }
    if (s.accessibility_index) {
      std::snprintf(accessibility, sizeof accessibility, "%.1f", *s.accessibility_index);
    }
    csv += CsvField(s.entity.id) + "," + CsvField(s.entity.name) + "," + CsvField(s.entity.kind) +
           "," + CsvField(s.entity.url) + "," + s.status + "," + std::to_string(s.pages) + "," +
           std::to_string(s.page_errors) + "," + std::to_string(s.documents) + "," +
           std::to_string(s.rules_failed) + "," + std::to_string(s.rules_cant_tell) + "," +
           std::to_string(s.findings_by_impact[3]) + "," + std::to_string(s.findings_by_impact[2]) +
           "," + std::to_string(s.findings_by_impact[1]) + "," +
           std::to_string(s.findings_by_impact[0]) + "," + score + "," + obligations + "," +
           accessibility + "," +
           CsvField(s.report_dir.empty() ? std::string() : s.report_dir + "/report.json") + "\n";
  }
  nlohmann::json packs = nlohmann::json::array();
  for (const auto& [id, version] : info.packs) packs.push_back({{"id", id}, {"version", version}});
  nlohmann::json summary = {{"schema", "verifica-summary/1"},
                            {"tool", findings::ToolJson()},
                            {"campaign",
                             {{"name", info.name},
                              {"started_at", info.started_at},
                              {"finished_at", info.finished_at},
                              {"packs", packs}}},
                            {"entities", entities}};
  std::vector<std::pair<fs::path, std::string>> files;
  files.emplace_back(out_dir / "summary.json",
                     summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  files.emplace_back(out_dir / "summary.csv", csv);
  const bool html =
      std::find(options.formats.begin(), options.formats.end(), "html") != options.formats.end();
  files.emplace_back(out_dir / "index.html",
                     RenderCampaignHtml(rows, catalog, options.lang, /*link_reports=*/html, info));
  return WriteFilesAtomic(files);
}

}  // namespace verifica::report
