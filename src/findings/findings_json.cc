#include "findings/findings_json.h"

#include <nlohmann/json.hpp>

namespace verifica::findings {

using nlohmann::json;

namespace {

template <typename T>
void GetIf(const json& j, const char* key, T& out) {
  if (auto it = j.find(key); it != j.end() && !it->is_null()) it->get_to(out);
}

Outcome OutcomeFrom(const json& j) {
  auto o = OutcomeFromString(j.get<std::string>());
  if (!o) throw json::type_error::create(302, "unknown outcome '" + j.get<std::string>() + "'", &j);
  return *o;
}

}  // namespace

void to_json(json& j, const Finding& f) {
  j = json{{"outcome", ToString(f.outcome)},
           {"selector", f.selector},
           {"line", f.line},
           {"column", f.column},
           {"snippet", f.snippet},
           {"message_id", f.message_id},
           {"message", {{"es", f.message.es}, {"en", f.message.en}}}};
  if (!f.args.empty()) j["args"] = f.args;
  if (!f.url.empty()) j["url"] = f.url;
  if (!f.fingerprint.empty()) j["fingerprint"] = f.fingerprint;
}

void from_json(const json& j, Finding& f) {
  f.outcome = OutcomeFrom(j.at("outcome"));
  GetIf(j, "selector", f.selector);
  GetIf(j, "line", f.line);
  GetIf(j, "column", f.column);
  GetIf(j, "snippet", f.snippet);
  GetIf(j, "message_id", f.message_id);
  GetIf(j, "args", f.args);
  GetIf(j, "url", f.url);
  GetIf(j, "fingerprint", f.fingerprint);
  if (auto it = j.find("message"); it != j.end()) {
    GetIf(*it, "es", f.message.es);
    GetIf(*it, "en", f.message.en);
  }
}

void to_json(json& j, const RuleResult& r) {
  j = json{{"id", r.id},
           {"outcome", ToString(r.outcome)},
           {"wcag", r.wcag},
           {"act", r.act},
           {"impact", ToString(r.impact)},
           {"counts", {{"passed", r.passed}, {"cantTell", r.cant_tell}, {"failed", r.failed}}},
           {"findings", r.findings}};
  if (!r.error.empty()) j["error"] = r.error;
}

void from_json(const json& j, RuleResult& r) {
  j.at("id").get_to(r.id);
  r.outcome = OutcomeFrom(j.at("outcome"));
  GetIf(j, "wcag", r.wcag);
  GetIf(j, "act", r.act);
  if (auto it = j.find("impact"); it != j.end()) {
    auto i = ImpactFromString(it->get<std::string>());
    if (!i) throw json::type_error::create(302, "unknown impact", &*it);
    r.impact = *i;
  }
  if (auto it = j.find("counts"); it != j.end()) {
    GetIf(*it, "passed", r.passed);
    GetIf(*it, "cantTell", r.cant_tell);
    GetIf(*it, "failed", r.failed);
  }
  GetIf(j, "findings", r.findings);
  GetIf(j, "error", r.error);
}

void to_json(json& j, const PageReport& p) {
  j = json{{"url", p.url},
           {"final_url", p.final_url},
           {"status", p.status},
           {"content_type", p.content_type},
           {"fetched_at", p.fetched_at},
           {"sha256", p.sha256},
           {"bytes", p.bytes},
           {"encoding", p.encoding},
           {"error", nullptr},
           {"rules", p.rules}};
  if (p.error) j["error"] = json{{"kind", p.error->kind}, {"message", p.error->message}};
  if (!p.redirects.empty()) j["redirects"] = p.redirects;
}

void from_json(const json& j, PageReport& p) {
  j.at("url").get_to(p.url);
  GetIf(j, "final_url", p.final_url);
  GetIf(j, "status", p.status);
  GetIf(j, "content_type", p.content_type);
  GetIf(j, "fetched_at", p.fetched_at);
  GetIf(j, "sha256", p.sha256);
  GetIf(j, "bytes", p.bytes);
  GetIf(j, "encoding", p.encoding);
  if (auto it = j.find("error"); it != j.end() && !it->is_null()) {
    PageError e;
    it->at("kind").get_to(e.kind);
    GetIf(*it, "message", e.message);
    p.error = e;
  }
  GetIf(j, "rules", p.rules);
  GetIf(j, "redirects", p.redirects);
}

void to_json(json& j, const EntityReport& e) {
  json docs = json::array();
  for (const DocumentInfo& d : e.documents) {
    docs.push_back({{"url", d.url}, {"type", d.type}, {"status", d.status}, {"bytes", d.bytes}});
  }
  j = json{{"schema", e.schema},
           {"tool", ToolJson()},
           {"entity",
            {{"id", e.entity.id},
             {"name", e.entity.name},
             {"url", e.entity.url},
             {"kind", e.entity.kind},
             {"profiles", e.entity.profiles},
             {"jurisdiction",
              {{"code", e.entity.jurisdiction},
               {"name", {{"es", e.entity.jurisdiction_name.es},
                         {"en", e.entity.jurisdiction_name.en}}},
               {"source", e.entity.jurisdiction_defaulted ? "default" : "given"}}}}},
           {"crawl",
            {{"started_at", e.crawl.started_at},
             {"finished_at", e.crawl.finished_at},
             {"pages", e.crawl.pages},
             {"errors", e.crawl.errors},
             {"robots", e.crawl.robots},
             {"limits_hit", e.crawl.limits_hit}}},
           {"pages", e.pages},
           {"entity_rules", e.entity_rules},
           {"documents", docs},
           {"page_roles", e.page_roles}};
  if (e.portal) {
    json portal = {{"state", ToString(e.portal->state)}};
    if (e.portal->error) {
      portal["cause"] = {{"url", e.portal->url},
                         {"status", e.portal->status},
                         {"kind", e.portal->error->kind},
                         {"message", e.portal->error->message}};
    }
    j["portal"] = std::move(portal);
  }
  if (!e.entity.guarantor.es.empty()) {
    j["entity"]["jurisdiction"]["guarantor"] = {{"es", e.entity.guarantor.es},
                                                {"en", e.entity.guarantor.en}};
  }
  if (!e.legal_basis.empty()) {
    json lb = json::object();
    for (const auto& [id, bases] : e.legal_basis) {
      json list = json::array();
      for (const LegalBasis& b : bases) {
        json item = {{"norm", b.norm}, {"article", b.article}, {"status", ToString(b.status)}};
        const LocalizedText& mark = BasisStatusMark(b.status);
        if (!mark.es.empty()) item["mark"] = {{"es", mark.es}, {"en", mark.en}};
        list.push_back(std::move(item));
      }
      lb[id] = std::move(list);
    }
    j["legal_basis"] = std::move(lb);
  }
}

void from_json(const json& j, EntityReport& e) {
  j.at("schema").get_to(e.schema);
  const json& ent = j.at("entity");
  ent.at("id").get_to(e.entity.id);
  GetIf(ent, "name", e.entity.name);
  GetIf(ent, "url", e.entity.url);
  GetIf(ent, "kind", e.entity.kind);
  GetIf(ent, "profiles", e.entity.profiles);
  if (auto it = ent.find("jurisdiction"); it != ent.end() && it->is_object()) {
    GetIf(*it, "code", e.entity.jurisdiction);
    if (auto n = it->find("name"); n != it->end() && n->is_object()) {
      GetIf(*n, "es", e.entity.jurisdiction_name.es);
      GetIf(*n, "en", e.entity.jurisdiction_name.en);
    }
    if (auto g = it->find("guarantor"); g != it->end() && g->is_object()) {
      GetIf(*g, "es", e.entity.guarantor.es);
      GetIf(*g, "en", e.entity.guarantor.en);
    }
    std::string source;
    GetIf(*it, "source", source);
    e.entity.jurisdiction_defaulted = source != "given";
  }
  if (auto it = j.find("crawl"); it != j.end()) {
    GetIf(*it, "started_at", e.crawl.started_at);
    GetIf(*it, "finished_at", e.crawl.finished_at);
    GetIf(*it, "pages", e.crawl.pages);
    GetIf(*it, "errors", e.crawl.errors);
    GetIf(*it, "robots", e.crawl.robots);
    GetIf(*it, "limits_hit", e.crawl.limits_hit);
  }
  GetIf(j, "pages", e.pages);
  GetIf(j, "entity_rules", e.entity_rules);
  if (auto it = j.find("legal_basis"); it != j.end() && it->is_object()) {
    for (auto r = it->begin(); r != it->end(); ++r) {
      if (!r->is_array()) continue;
      std::vector<LegalBasis>& bases = e.legal_basis[r.key()];
      for (const json& b : *r) {
        if (!b.is_object()) continue;
        LegalBasis basis;
        GetIf(b, "norm", basis.norm);
        GetIf(b, "article", basis.article);
        std::string status;
        GetIf(b, "status", status);
        basis.status = BasisStatusFromString(status).value_or(BasisStatus::kToConfirm);
        bases.push_back(std::move(basis));
      }
    }
  }
  if (auto it = j.find("documents"); it != j.end()) {
    for (const json& d : *it) {
      DocumentInfo info;
      d.at("url").get_to(info.url);
      GetIf(d, "type", info.type);
      GetIf(d, "status", info.status);
      GetIf(d, "bytes", info.bytes);
      e.documents.push_back(std::move(info));
    }
  }
  GetIf(j, "page_roles", e.page_roles);
  if (auto it = j.find("portal"); it != j.end() && it->is_object()) {
    PortalStatus p;
    // A state this version does not know is read as "readable": the pages still say what they say.
    if (auto st = PortalStateFromString(it->value("state", std::string()))) p.state = *st;
    if (auto c = it->find("cause"); c != it->end() && c->is_object()) {
      GetIf(*c, "url", p.url);
      GetIf(*c, "status", p.status);
      PageError err;
      GetIf(*c, "kind", err.kind);
      GetIf(*c, "message", err.message);
      p.error = std::move(err);
    }
    e.portal = std::move(p);
  }
}

json ToolJson() { return json{{"name", "verifica"}, {"version", VERIFICA_VERSION}}; }

Result<EntityReport> ParseEntityReport(std::string_view json_text) {
  json j = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return InvalidArgument("not valid JSON (truncated or corrupt report)");
  if (!j.is_object() || !j.contains("schema")) {
    return InvalidArgument("not a verifica report: no \"schema\" field");
  }
  if (!j["schema"].is_string() || j["schema"].get<std::string>() != "verifica-report/1") {
    return InvalidArgument("unsupported report schema " + j["schema"].dump() +
                           " (this verifica reads verifica-report/1)");
  }
  try {
    EntityReport e;
    from_json(j, e);
    return e;
  } catch (const json::exception& ex) {
    return InvalidArgument(std::string("malformed report: ") + ex.what());
  }
}

}  // namespace verifica::findings
