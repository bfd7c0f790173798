#include "rules/decl/pack.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "rules/decl/checker.h"
#include "rules/decl/dates.h"
#include "rules/decl/jurisdictions.h"
#include "rules/decl/primitives.h"
#include "util/embedded.h"
#include "util/text.h"

namespace verifica::rules::decl {

using nlohmann::json;

namespace {

constexpr size_t kMaxPackBytes = size_t{4} << 20;
constexpr int kMaxExtendsDepth = 8;

bool IsKebab(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  char prev = 0;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && prev == '-')) return false;
    prev = c;
  }
  return s.back() != '-';
}

bool IsCatalogueId(std::string_view s) {
  if (s.empty() || s.find('-') == std::string_view::npos) return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return s.front() != '-' && s.back() != '-';
}

// Message texts the evaluator can use for every rule; a pack may override any of them.
const std::map<std::string, findings::LocalizedText>& StandardMessages() {
  static const std::map<std::string, findings::LocalizedText> m = {
      {std::string(kMsgNeedsRendering),
       {"La página {2} se genera con JavaScript (cuerpo vacío y un paquete de scripts): requiere "
        "renderizado para verificarla; no se puede afirmar que falte la evidencia.",
        "Page {2} is built by JavaScript (empty body and a script bundle): it needs rendering to "
        "be verified; the evidence cannot be said to be missing."}},
      {std::string(kMsgNotReadable),
       {"El documento {2} no es legible por máquina (PDF sin capa de texto, p. ej. escaneado): "
        "revíselo manualmente; no se puede afirmar que falte el elemento.",
        "Document {2} is not machine-readable (a PDF without a text layer, e.g. scanned): review "
        "it by hand; the element cannot be said to be missing."}},
      {std::string(kMsgPortalUnreadable),
       {"Portal no legible: {1}. No se pudo revisar esta obligación; no se afirma que falte.",
        "Portal not readable: {1}. This obligation could not be checked; it is not said to be "
        "missing."}},
      {std::string(kMsgNoPage),
       {"No se encontró en el sitio la página de {0}; se buscó desde la página de inicio {2}.",
        "No page for {0} was found on the site; it was searched for from the home page {2}."}},
      {std::string(kMsgInvalidDate),
       {"Fecha imposible o de relleno «{0}» ({1}) en {2}: revise el dato publicado.",
        "Impossible or placeholder date \"{0}\" ({1}) on {2}: check the published data."}},
      {std::string(kMsgStale),
       {"La actualización más reciente es «{0}», de hace {1} días, en {2}.",
        "The latest update is \"{0}\", {1} days ago, on {2}."}},
      {std::string(kMsgFutureDate),
       {"Fecha futura «{0}» ({1}) en {2}: revise el dato publicado.",
        "Future date \"{0}\" ({1}) on {2}: check the published data."}},
      {std::string(kMsgFormWithoutNotice),
       {"El formulario recaba datos personales (campo «{0}») y no muestra junto a él el aviso de "
        "privacidad en {2}.",
        "The form collects personal data (field \"{0}\") and shows no privacy notice next to it "
        "on {2}."}},
  };
  return m;
}

struct RawRule {
  const json* obj = nullptr;
  std::string file;
  std::string pointer;
  std::string pack_id;
  size_t pack_index = 0;
};

// Placeholders in a message template: only {0}, {1} and {2} are filled.
void CheckPlaceholders(const std::string& t, const std::string& ptr, Checker& c) {
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (t[i] == '{' && t[i + 1] >= '0' && t[i + 1] <= '9' && t[i + 2] == '}' && t[i + 1] > '2') {
      c.Error(ptr, std::string("placeholder {") + t[i + 1] +
                       "} is never filled (messages get {0} evidence, {1} detail, {2} page)");
      return;
    }
  }
}

std::optional<Missing> ReadMissing(const json& r, const char* key, const std::string& ptr,
                                   Checker& c) {
  auto s = c.String(r, key, ptr, false);
  if (!s) return std::nullopt;
  if (*s == "failed") return Missing::kFailed;
  if (*s == "cantTell") return Missing::kCantTell;
  if (*s == "inapplicable") return Missing::kInapplicable;
  c.Error(PointerJoin(ptr, key), "must be \"failed\", \"cantTell\" or \"inapplicable\"");
  return std::nullopt;
}

std::vector<EvidenceItem> ReadItems(const json& parent, const char* key, const std::string& ptr,
                                    Checker& c) {
  std::vector<EvidenceItem> out;
  auto it = parent.find(key);
  if (it == parent.end()) return out;
  const std::string p = PointerJoin(ptr, key);
  if (!it->is_array()) {
    c.Error(p, "must be an array of evidence items");
    return out;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const std::string ip = PointerJoin(p, i);
    auto prim = BuildPrimitive((*it)[i], ip, c);
    if (!prim) continue;
    EvidenceItem e;
    e.primitive = std::move(prim);
    e.pointer = ip;
    if (auto m = (*it)[i].find("message"); m != (*it)[i].end() && m->is_string()) {
      e.message = m->get<std::string>();
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::shared_ptr<const Pattern> RolePattern(const json& obj, const char* key, const std::string& ptr,
                                           Checker& c) {
  return c.PatternAt(obj, key, ptr, false);
}

void ReadRoles(const json& doc, PackSpec* pack, Checker& c) {
  auto it = doc.find("roles");
  if (it == doc.end()) return;
  if (!it->is_object()) {
    c.Error("/roles", "must be an object: role id → how to find the page");
    return;
  }
  for (auto r = it->begin(); r != it->end(); ++r) {
    const std::string ptr = PointerJoin("/roles", r.key());
    if (!IsKebab(r.key())) {
      c.Error(ptr, "role ids are kebab-case ('unidad-transparencia')");
      continue;
    }
    if (r.key() == "home") {
      c.Error(ptr, "'home' is built in (the entity's start page) and cannot be redefined");
      continue;
    }
    const json& o = r.value();
    if (!o.is_object()) {
      c.Error(ptr, "must be an object");
      continue;
    }
    c.AllowKeys(o, ptr,
                {"$comment", "title", "links", "page", "max_depth", "offsite", "many", "priority"});
    RoleSpec role;
    role.id = r.key();
    if (auto t = c.Text(o, "title", ptr, true)) role.title = *t;
    if (auto l = o.find("links"); l != o.end()) {
      const std::string lp = PointerJoin(ptr, "links");
      if (!l->is_object()) {
        c.Error(lp, "must be an object {text, href, host, exclude}");
      } else {
        c.AllowKeys(*l, lp, {"text", "href", "host", "exclude"});
        role.link_text = RolePattern(*l, "text", lp, c);
        role.link_href = RolePattern(*l, "href", lp, c);
        role.link_host = RolePattern(*l, "host", lp, c);
        role.link_exclude = RolePattern(*l, "exclude", lp, c);
      }
    }
    if (auto pg = o.find("page"); pg != o.end()) {
      const std::string pp = PointerJoin(ptr, "page");
      if (!pg->is_object()) {
        c.Error(pp, "must be an object {title, heading, url, exclude}");
      } else {
        c.AllowKeys(*pg, pp, {"title", "heading", "url", "exclude"});
        role.page_title = RolePattern(*pg, "title", pp, c);
        role.page_heading = RolePattern(*pg, "heading", pp, c);
        role.page_url = RolePattern(*pg, "url", pp, c);
        role.page_exclude = RolePattern(*pg, "exclude", pp, c);
      }
    }
    if (!role.link_text && !role.link_href && !role.link_host && !role.page_title &&
        !role.page_heading && !role.page_url && !o.contains("links") && !o.contains("page")) {
      c.Error(ptr, "a role needs \"links\" or \"page\" patterns to be found");
    }
    if (auto v = c.Int(o, "max_depth", ptr, false, 0, 50)) role.max_depth = static_cast<int>(*v);
    if (auto v = c.Bool(o, "offsite", ptr)) role.offsite = *v;
    if (auto v = c.Bool(o, "many", ptr)) role.many = *v;
    if (auto v = c.Int(o, "priority", ptr, false, 1, 1000)) role.priority = static_cast<int>(*v);
    pack->roles.push_back(std::move(role));
  }
}

// Parses one rule object (already merged with what it extends).
std::shared_ptr<RuleSpec> ReadRule(const json& r, const std::string& ptr, const PackSpec& pack,
                                   const std::set<std::string>& known_roles, Checker& c) {
  const size_t before = c.error_count();
  if (!r.is_object()) {
    c.Error(ptr, "a rule must be an object");
    return nullptr;
  }
  c.AllowKeys(r, ptr,
              {"$comment",      "id",          "extends",    "catalogue", "title", "description",
               "help",          "legal_basis", "impact",     "tags",      "scope", "roles",
               "role_fallback", "each_page",   "applies_if", "evidence",  "weak",  "when_missing",
               "when_no_page",  "when_found",  "when_clear", "messages",  "risks"});
  auto rule = std::make_shared<RuleSpec>();
  findings::RuleInfo& info = rule->info;
  info.pack = pack.id;
  if (auto id = c.String(r, "id", ptr, true)) {
    if (!IsKebab(*id)) c.Error(PointerJoin(ptr, "id"), "rule ids are kebab-case ('tr-home-link')");
    info.id = *id;
  }
  if (auto cat = c.String(r, "catalogue", ptr, false)) {
    if (!IsCatalogueId(*cat)) {
      c.Error(PointerJoin(ptr, "catalogue"), "catalogue ids look like 'TR-HOME-LINK'");
    } else {
      const std::string lower = text::AsciiLower(*cat);
      if (info.id != lower && info.id.rfind(lower + "-", 0) != 0) {
        c.Error(PointerJoin(ptr, "id"), "a rule implementing catalogue check " + *cat +
                                            " must be named '" + lower + "' (or '" + lower +
                                            "-<variant>')");
      }
      rule->catalogue = *cat;
    }
  }
  if (auto t = c.Text(r, "title", ptr, true)) info.title = *t;
  if (auto t = c.Text(r, "description", ptr, true)) info.description = *t;
  if (auto t = c.Text(r, "help", ptr, true)) info.help = *t;
  if (r.contains("risks")) {
    if (auto t = c.Text(r, "risks", ptr, true)) rule->risks = *t;
  }

  bool to_confirm = false;
  bool good_practice_only = true;
  auto lb = r.find("legal_basis");
  const std::string lbp = PointerJoin(ptr, "legal_basis");
  if (lb == r.end()) {
    c.Error(lbp,
            "missing: obligation rules must cite their legal basis (a rule without one cites "
            "its source with \"status\": \"good-practice\")");
  } else if (!lb->is_array() || lb->empty()) {
    c.Error(lbp, "must be a non-empty array of {\"norm\", \"article\", \"status\"}");
  } else {
    for (size_t i = 0; i < lb->size(); ++i) {
      const std::string bp = PointerJoin(lbp, i);
      const json& b = (*lb)[i];
      if (!b.is_object()) {
        c.Error(bp, "must be an object {\"norm\", \"article\", \"status\"}");
        continue;
      }
      if (b.contains("verified")) {
        c.Error(PointerJoin(bp, "verified"),
                "replaced by \"status\": \"confirmed\", \"to-confirm\" or \"good-practice\"");
        continue;
      }
      c.AllowKeys(b, bp, {"$comment", "norm", "article", "status"});
      findings::LegalBasis basis;
      if (auto n = c.String(b, "norm", bp, true)) basis.norm = *n;
      if (auto a = c.String(b, "article", bp, true)) basis.article = *a;
      if (auto st = c.String(b, "status", bp, false)) {
        if (auto v = findings::BasisStatusFromString(*st)) {
          basis.status = *v;
        } else {
          c.Error(PointerJoin(bp, "status"),
                  "must be \"confirmed\" (checked against the law's text), \"to-confirm\" or "
                  "\"good-practice\" (no legal source)");
        }
      } else if (!b.contains("status")) {
        c.Error(PointerJoin(bp, "status"),
                "missing: every citation states how far it is checked: \"confirmed\", "
                "\"to-confirm\" or \"good-practice\"");
      }
      switch (basis.status) {
        case findings::BasisStatus::kConfirmed:
          good_practice_only = false;
          break;
        case findings::BasisStatus::kToConfirm:
          good_practice_only = false;
          to_confirm = true;
          break;
        case findings::BasisStatus::kGoodPractice:
          break;
      }
      info.legal_basis.push_back(std::move(basis));
    }
  }
  if (auto imp = c.String(r, "impact", ptr, true)) {
    if (auto v = findings::ImpactFromString(*imp)) {
      info.impact = *v;
    } else {
      c.Error(PointerJoin(ptr, "impact"), "must be minor, moderate, serious or critical");
    }
  }
  if (auto tags = c.Strings(r, "tags", ptr, false)) info.tags = *tags;
  info.tags.push_back("pack:" + pack.id);
  if (!rule->catalogue.empty()) info.tags.push_back("catalogue:" + rule->catalogue);
  if (to_confirm) info.tags.push_back("legal-basis-unverified");
  // A rule with no legal source states a good practice, not an obligation.
  if (good_practice_only && !info.legal_basis.empty()) {
    info.tags.push_back("good-practice");
    if (info.impact == findings::Impact::kSerious || info.impact == findings::Impact::kCritical) {
      c.Error(PointerJoin(ptr, "impact"),
              "a rule with no legal source (every citation \"good-practice\") states no "
              "obligation: its impact is at most \"moderate\"");
    }
  }

  if (auto s = c.String(r, "scope", ptr, true)) {
    if (*s == "page") {
      rule->scope = Scope::kPage;
    } else if (*s == "entity") {
      rule->scope = Scope::kEntity;
    } else {
      c.Error(PointerJoin(ptr, "scope"), "must be \"page\" or \"entity\"");
    }
  }
  // The tag the page runner skips (cli/page_check.h kEntityScopeTag): judged per entity.
  if (rule->scope == Scope::kEntity) info.tags.push_back("entity-scope");
  if (auto roles = c.Strings(r, "roles", ptr, rule->scope == Scope::kEntity)) {
    if (rule->scope == Scope::kPage) {
      c.Error(PointerJoin(ptr, "roles"),
              "page rules run on every page; only entity rules read roles");
    }
    for (size_t i = 0; i < roles->size(); ++i) {
      if ((*roles)[i] != "home" && known_roles.count((*roles)[i]) == 0) {
        c.Error(PointerJoin(PointerJoin(ptr, "roles"), i),
                "unknown role '" + (*roles)[i] + "' (define it under /roles of a pack)");
      }
    }
    rule->roles = *roles;
  }
  if (auto v = c.Bool(r, "role_fallback", ptr)) {
    rule->role_fallback = *v;
    if (*v && rule->scope == Scope::kPage) {
      c.Error(PointerJoin(ptr, "role_fallback"), "only entity rules read roles");
    }
  }
  if (auto v = c.Bool(r, "each_page", ptr)) {
    rule->each_page = *v;
    if (*v && rule->scope == Scope::kPage) {
      c.Error(PointerJoin(ptr, "each_page"), "only entity rules can judge each role page");
    }
  }

  rule->applies_if = ReadItems(r, "applies_if", ptr, c);
  rule->weak = ReadItems(r, "weak", ptr, c);
  auto ev = r.find("evidence");
  const std::string evp = PointerJoin(ptr, "evidence");
  if (ev == r.end()) {
    c.Error(evp, "missing");
  } else if (!ev->is_object()) {
    c.Error(evp, "must be an object {all, any, any_min, none}");
  } else {
    c.AllowKeys(*ev, evp, {"all", "any", "any_min", "none"});
    rule->all = ReadItems(*ev, "all", evp, c);
    rule->any = ReadItems(*ev, "any", evp, c);
    rule->none = ReadItems(*ev, "none", evp, c);
    if (auto m = c.Int(*ev, "any_min", evp, false, 1, 1000)) {
      rule->any_min = static_cast<int>(*m);
      if (ev->contains("any") && (*ev)["any"].is_array() &&
          rule->any_min > static_cast<int>((*ev)["any"].size())) {
        c.Error(PointerJoin(evp, "any_min"), "is larger than the number of \"any\" items");
      }
    }
    const bool empty = (!ev->contains("all") || (*ev)["all"].empty()) &&
                       (!ev->contains("any") || (*ev)["any"].empty()) &&
                       (!ev->contains("none") || (*ev)["none"].empty());
    if (empty) c.Error(evp, "needs at least one item in \"all\", \"any\" or \"none\"");
  }
  if (auto m = ReadMissing(r, "when_missing", ptr, c)) rule->when_missing = *m;
  rule->when_no_page = rule->when_missing;
  if (auto m = ReadMissing(r, "when_no_page", ptr, c)) {
    rule->when_no_page = *m;
    if (rule->scope == Scope::kPage) {
      c.Error(PointerJoin(ptr, "when_no_page"), "only entity rules look for role pages");
    }
  }
  if (auto s = c.String(r, "when_found", ptr, false)) {
    if (*s == "failed") {
      rule->when_found = findings::Outcome::kFailed;
    } else if (*s == "cantTell") {
      rule->when_found = findings::Outcome::kCantTell;
    } else {
      c.Error(PointerJoin(ptr, "when_found"), "must be \"failed\" or \"cantTell\"");
    }
  }
  if (auto s = c.String(r, "when_clear", ptr, false)) {
    if (*s == "passed") {
      rule->clear_passes = true;
    } else if (*s == "inapplicable") {
      rule->clear_passes = false;
    } else {
      c.Error(PointerJoin(ptr, "when_clear"), "must be \"passed\" or \"inapplicable\"");
    }
  }

  // Per-form and entity-only primitives.
  int per_form_items = 0;
  for (const auto* list : {&rule->applies_if, &rule->all, &rule->any, &rule->none, &rule->weak}) {
    for (const EvidenceItem& e : *list) {
      if (e.primitive->per_form()) ++per_form_items;
      if (e.primitive->entity_only() && rule->scope == Scope::kPage) {
        c.Error(e.pointer, std::string(e.primitive->name()) +
                               " needs the whole crawl: use it in an entity rule");
      }
    }
  }
  rule->per_form = per_form_items > 0 && rule->scope == Scope::kPage;

  // Messages: the ones the evaluator will use must exist, in both languages.
  info.messages = StandardMessages();
  auto msgs = r.find("messages");
  const std::string mp = PointerJoin(ptr, "messages");
  std::set<std::string> declared;
  if (msgs == r.end() || !msgs->is_object()) {
    c.Error(mp, "missing: an object of message id → {\"es\", \"en\"}");
  } else {
    for (auto m = msgs->begin(); m != msgs->end(); ++m) {
      if (auto t = c.Text(*msgs, m.key(), mp, true)) {
        CheckPlaceholders(t->es, PointerJoin(PointerJoin(mp, m.key()), "es"), c);
        CheckPlaceholders(t->en, PointerJoin(PointerJoin(mp, m.key()), "en"), c);
        info.messages[m.key()] = *t;
        declared.insert(m.key());
      }
    }
    auto need = [&](std::string_view id, const char* why) {
      if (declared.count(std::string(id)) == 0) {
        c.Error(PointerJoin(mp, id), std::string("missing: ") + why);
      }
    };
    if (!rule->all.empty() || !rule->any.empty()) {
      need(kMsgPass, "used when the evidence is found");
      need(kMsgMissing, "used when the evidence is missing");
    }
    if (!rule->none.empty()) need(kMsgFound, "used when a \"none\" item is found");
    for (const auto* list : {&rule->applies_if, &rule->all, &rule->any, &rule->none, &rule->weak}) {
      for (const EvidenceItem& e : *list) {
        if (e.primitive->name() == "coverage") {
          need("partial", "used when a coverage list is only partly linked");
        }
      }
    }
    for (const auto* list : {&rule->applies_if, &rule->all, &rule->any, &rule->none, &rule->weak}) {
      for (const EvidenceItem& e : *list) {
        if (!e.message.empty() && info.messages.count(e.message) == 0) {
          c.Error(PointerJoin(e.pointer, "message"),
                  "message '" + e.message + "' is not defined under " + mp);
        }
      }
    }
  }
  if (c.error_count() != before) return nullptr;
  return rule;
}

constexpr std::string_view kGuarantorToken = "{garante:";

// Replaces "{garante:CODE}" in one text with the name of CODE's guarantor in force on `today`.
void ReplaceGuarantors(std::string& t, bool english, CivilDate today, const std::string& ptr,
                       Checker& c) {
  size_t at = 0;
  while ((at = t.find(kGuarantorToken, at)) != std::string::npos) {
    const size_t end = t.find('}', at);
    if (end == std::string::npos) {
      c.Error(ptr, "\"{garante:\" without its closing '}'");
      return;
    }
    const size_t start = at + kGuarantorToken.size();
    const std::string code = t.substr(start, end - start);
    auto table = JurisdictionTable::Embedded();
    if (!table.ok()) {
      c.Error(ptr, table.status().message());
      return;
    }
    if ((*table)->FindCode(code) == nullptr) {
      c.Error(ptr, "{garante:" + code + "}: unknown jurisdiction (known: " +
                       (*table)->KnownValues() + ")");
      return;
    }
    const Guarantor* g = (*table)->GuarantorOn(code, today);
    if (g == nullptr) {
      c.Error(ptr, "{garante:" + code + "}: rules/jurisdictions.json names no guarantor of " +
                       code + " in force on " + today.Iso());
      return;
    }
    const std::string& name = english ? g->name.en : g->name.es;
    t.replace(at, end + 1 - at, name);
    at += name.size();
  }
}

// The texts of a rule (title, description, help, messages, risks) with "{garante:CODE}"
// replaced, so that one edit of rules/jurisdictions.json updates every rule that names it.
void SubstituteGuarantors(json& rule, const std::string& ptr, CivilDate today, Checker& c) {
  if (!rule.is_object()) return;
  auto fix_text = [&](json& text, const std::string& tp) {
    if (!text.is_object()) return;
    for (const char* lang : {"es", "en"}) {
      auto it = text.find(lang);
      if (it == text.end() || !it->is_string()) continue;
      std::string t = it->get<std::string>();
      if (t.find(kGuarantorToken) == std::string::npos) continue;
      ReplaceGuarantors(t, std::string_view(lang) == "en", today, PointerJoin(tp, lang), c);
      *it = t;
    }
  };
  for (const char* key : {"title", "description", "help", "risks"}) {
    if (auto it = rule.find(key); it != rule.end()) fix_text(*it, PointerJoin(ptr, key));
  }
  if (auto m = rule.find("messages"); m != rule.end() && m->is_object()) {
    for (auto it = m->begin(); it != m->end(); ++it) {
      fix_text(it.value(), PointerJoin(PointerJoin(ptr, "messages"), it.key()));
    }
  }
}

constexpr size_t kMaxJsonDepth = 64;

// Depth of the deepest value, without recursion.
size_t MaxDepth(const json& root) {
  size_t max = 0;
  std::vector<std::pair<const json*, size_t>> stack = {{&root, 1}};
  while (!stack.empty()) {
    auto [v, d] = stack.back();
    stack.pop_back();
    max = std::max(max, d);
    if (d > kMaxJsonDepth) break;
    if (v->is_structured()) {
      for (const json& child : *v) stack.emplace_back(&child, d + 1);
    }
  }
  return max;
}

struct ParsedDoc {
  std::string file;
  json doc;
  bool ok = false;
};

ParsedDoc ParseDoc(const PackSource& src, Checker& c) {
  ParsedDoc p;
  p.file = src.file;
  if (src.text.size() > kMaxPackBytes) {
    c.Error("", "file larger than " + std::to_string(kMaxPackBytes) + " bytes");
    return p;
  }
  p.doc = json::parse(src.text, nullptr, false);
  if (p.doc.is_discarded()) {
    // The loader boundary: nlohmann's parse_error carries the position of the problem.
    std::string why = "invalid JSON";
    try {
      json again = json::parse(src.text);
      (void)again;
    } catch (const json::exception& e) {
      why = std::string("invalid JSON: ") + e.what();
    }
    c.Error("", why);
    return p;
  }
  if (!p.doc.is_object()) {
    c.Error("", "a pack must be a JSON object {schema, pack, roles, rules}");
    return p;
  }
  // Hostile nesting would overflow the stack when the document is copied or walked.
  if (size_t depth = MaxDepth(p.doc); depth > kMaxJsonDepth) {
    c.Error("", "JSON nested " + std::to_string(depth) + " levels deep (at most " +
                    std::to_string(kMaxJsonDepth) + ")");
    return p;
  }
  p.ok = true;
  return p;
}

std::string PackIdOf(const json& doc) {
  auto p = doc.find("pack");
  if (p == doc.end() || !p->is_object()) return {};
  auto id = p->find("id");
  return id != p->end() && id->is_string() ? id->get<std::string>() : std::string();
}

}  // namespace

static LoadResult LoadPacksUnchecked(const std::vector<PackSource>& sources,
                                     const LoadOptions& options);

std::string PackError::ToString() const {
  std::string out = file;
  out += ": ";
  out += pointer.empty() ? "(document)" : pointer;
  out += ": ";
  out += reason;
  return out;
}

LoadResult LoadPacks(const std::vector<PackSource>& sources, const LoadOptions& options) {
  // The loader boundary: every JSON access below checks types first, so nothing should throw;
  // if nlohmann still does, the packs are rejected with the reason instead of crashing.
  try {
    return LoadPacksUnchecked(sources, options);
  } catch (const json::exception& e) {
    LoadResult r;
    r.errors.push_back({sources.empty() ? std::string() : sources.front().file, "",
                        std::string("internal error reading packs: ") + e.what()});
    return r;
  }
}

static LoadResult LoadPacksUnchecked(const std::vector<PackSource>& sources,
                                     const LoadOptions& options) {
  LoadResult result;
  std::vector<ParsedDoc> docs;
  std::vector<std::unique_ptr<Checker>> checkers;
  std::vector<std::shared_ptr<PackSpec>> packs;
  std::set<std::string> known_roles;
  std::map<std::string, std::string> pack_ids;  // id → file

  // Pass 1: documents, pack metadata and roles.
  for (const PackSource& src : sources) {
    checkers.push_back(std::make_unique<Checker>(src.file, options, &result.errors));
    Checker& c = *checkers.back();
    docs.push_back(ParseDoc(src, c));
    auto pack = std::make_shared<PackSpec>();
    pack->file = src.file;
    packs.push_back(pack);
    if (!docs.back().ok) continue;
    const json& doc = docs.back().doc;
    c.AllowKeys(doc, "", {"$comment", "schema", "pack", "roles", "rules"});
    if (auto s = c.Int(doc, "schema", "", true, 1, 1000); s && *s != 1) {
      c.Error("/schema",
              "unsupported schema version " + std::to_string(*s) + " (this verifica reads 1)");
    }
    auto meta = doc.find("pack");
    if (meta == doc.end() || !meta->is_object()) {
      c.Error("/pack", "missing: {id, version, jurisdiction, effective, title}");
    } else {
      c.AllowKeys(*meta, "/pack",
                  {"$comment", "id", "version", "jurisdiction", "effective", "title", "description",
                   "default", "include", "supersedes"});
      if (auto id = c.String(*meta, "id", "/pack", true)) {
        if (!IsKebab(*id)) c.Error("/pack/id", "pack ids are kebab-case ('mx-lgtaip-2025')");
        if (auto [it, fresh] = pack_ids.emplace(*id, src.file); !fresh) {
          c.Error("/pack/id", "pack '" + *id + "' is also defined in " + it->second);
        }
        pack->id = *id;
      }
      if (auto v = c.String(*meta, "version", "/pack", true)) pack->version = *v;
      if (auto v = c.String(*meta, "jurisdiction", "/pack", true)) {
        pack->jurisdiction = *v;
        auto table = JurisdictionTable::Embedded();
        if (!table.ok()) {
          c.Error("/pack/jurisdiction", table.status().message());
        } else if (*v != kGeneral && (*table)->FindCode(*v) == nullptr) {
          c.Error("/pack/jurisdiction",
                  "unknown jurisdiction '" + *v + "': \"general\" (a Ley General, for every "
                  "entity) or one of " + (*table)->KnownValues());
        }
      }
      if (auto v = c.String(*meta, "effective", "/pack", true)) {
        if (!ParseIsoDate(*v)) c.Error("/pack/effective", "must be an ISO date (YYYY-MM-DD)");
        pack->effective = *v;
      }
      if (auto t = c.Text(*meta, "title", "/pack", true)) pack->title = *t;
      if (auto t = c.Text(*meta, "description", "/pack", false)) pack->description = *t;
      if (auto d = c.Bool(*meta, "default", "/pack")) pack->is_default = *d;
      if (auto inc = c.Strings(*meta, "include", "/pack", false)) pack->include = *inc;
      if (auto sup = c.Strings(*meta, "supersedes", "/pack", false)) pack->supersedes = *sup;
    }
    ReadRoles(doc, pack.get(), c);
    for (const RoleSpec& r : pack->roles) known_roles.insert(r.id);
    auto rules = doc.find("rules");
    if (rules == doc.end() || !rules->is_array() || rules->empty()) {
      c.Error("/rules", "must be a non-empty array of rules");
    }
  }

  // Pass 2: raw rules by id, for `extends`.
  std::map<std::string, RawRule> raw_by_id;
  std::vector<std::vector<RawRule>> raw(sources.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    if (!docs[d].ok) continue;
    auto rules = docs[d].doc.find("rules");
    if (rules == docs[d].doc.end() || !rules->is_array()) continue;
    for (size_t i = 0; i < rules->size(); ++i) {
      const json& r = (*rules)[i];
      RawRule rr{&r, sources[d].file, PointerJoin("/rules", i), packs[d]->id, d};
      raw[d].push_back(rr);
      if (r.is_object()) {
        auto id = r.find("id");
        if (id != r.end() && id->is_string()) raw_by_id.emplace(id->get<std::string>(), rr);
      }
    }
  }

  // Pass 3: rules (merged with what they extend), validated.
  const CivilDate today = options.today.value_or(TodayUtc());
  std::set<std::string> reserved(options.reserved_ids.begin(), options.reserved_ids.end());
  std::map<std::string, std::string> rule_ids;  // id → "file pointer"
  for (size_t d = 0; d < docs.size(); ++d) {
    Checker& c = *checkers[d];
    for (const RawRule& rr : raw[d]) {
      json merged = *rr.obj;
      if (rr.obj->is_object() && rr.obj->contains("extends")) {
        const json& ext = (*rr.obj)["extends"];
        if (!ext.is_string()) {
          c.Error(PointerJoin(rr.pointer, "extends"), "must be the id of another rule");
          continue;
        }
        // Follow the chain of bases, most distant first.
        std::vector<const json*> chain;
        std::string base = ext.get<std::string>();
        bool broken = false;
        std::set<std::string> visited;
        if (auto id = merged.find("id"); id != merged.end() && id->is_string()) {
          visited.insert(id->get<std::string>());
        }
        while (!base.empty()) {
          auto it = raw_by_id.find(base);
          if (it == raw_by_id.end()) {
            c.Error(PointerJoin(rr.pointer, "extends"),
                    "no rule '" + base + "' in the loaded packs");
            broken = true;
            break;
          }
          if (!visited.insert(base).second || chain.size() >= kMaxExtendsDepth) {
            c.Error(PointerJoin(rr.pointer, "extends"), "'extends' forms a cycle or is too deep");
            broken = true;
            break;
          }
          chain.push_back(it->second.obj);
          const json& b = *it->second.obj;
          base = b.contains("extends") && b["extends"].is_string() ? b["extends"].get<std::string>()
                                                                   : std::string();
        }
        if (broken) continue;
        json acc = json::object();
        for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
          if ((*it)->is_object()) acc.merge_patch(**it);
        }
        acc.merge_patch(*rr.obj);
        acc.erase("extends");
        merged = std::move(acc);
      }
      SubstituteGuarantors(merged, rr.pointer, today, c);
      std::shared_ptr<RuleSpec> rule = ReadRule(merged, rr.pointer, *packs[d], known_roles, c);
      if (!rule) continue;
      const std::string where = rr.file + " " + rr.pointer;
      if (reserved.count(rule->info.id)) {
        c.Error(PointerJoin(rr.pointer, "id"),
                "'" + rule->info.id + "' is the id of a built-in rule");
        continue;
      }
      if (auto [it, fresh] = rule_ids.emplace(rule->info.id, where); !fresh) {
        c.Error(PointerJoin(rr.pointer, "id"),
                "duplicate rule id '" + rule->info.id + "' (also at " + it->second + ")");
        continue;
      }
      packs[d]->rules.push_back(std::move(rule));
    }
  }

  // Included rules must exist and belong to another pack.
  for (size_t d = 0; d < docs.size(); ++d) {
    for (size_t i = 0; i < packs[d]->include.size(); ++i) {
      const std::string& id = packs[d]->include[i];
      const RuleSpec* found = nullptr;
      for (const auto& p : packs) {
        for (const auto& r : p->rules) {
          if (r->info.id == id) found = r.get();
        }
      }
      const std::string ptr = PointerJoin("/pack/include", i);
      if (found == nullptr) {
        checkers[d]->Error(ptr, "no valid rule '" + id + "' in the loaded packs");
      } else if (found->info.pack == packs[d]->id) {
        checkers[d]->Error(ptr, "'" + id + "' is already in this pack");
      }
    }
  }
  // A pack supersedes default packs of general law, and only for its own jurisdiction.
  for (size_t d = 0; d < docs.size(); ++d) {
    for (size_t i = 0; i < packs[d]->supersedes.size(); ++i) {
      const std::string& id = packs[d]->supersedes[i];
      const std::string ptr = PointerJoin("/pack/supersedes", i);
      const PackSpec* other = nullptr;
      for (const auto& p : packs) {
        if (p->id == id) other = p.get();
      }
      if (packs[d]->jurisdiction == kGeneral) {
        checkers[d]->Error(ptr, "a pack of general law cannot supersede another");
      } else if (other == nullptr) {
        checkers[d]->Error(ptr, "no pack '" + id + "' in the loaded packs");
      } else if (other == packs[d].get()) {
        checkers[d]->Error(ptr, "a pack cannot supersede itself");
      } else if (other->jurisdiction != kGeneral) {
        checkers[d]->Error(ptr, "'" + id + "' is not a pack of general law (jurisdiction '" +
                                    other->jurisdiction + "')");
      }
    }
  }
  for (size_t d = 0; d < docs.size(); ++d) {
    if (checkers[d]->error_count() == 0 && docs[d].ok) result.packs.push_back(packs[d]);
  }
  return result;
}

std::vector<PackSource> EmbeddedPackSources() {
  std::vector<PackSource> out;
  for (const embedded::Entry& e : embedded::WithPrefix("rules/")) {
    std::string_view name = e.name;
    // rules/<pack-id>/pack.json
    if (name.size() < 16 || name.substr(name.size() - 10) != "/pack.json") continue;
    std::string_view dir = name.substr(6, name.size() - 16);
    if (dir.empty() || dir.find('/') != std::string_view::npos) continue;
    out.push_back({std::string(name), std::string(e.data)});
  }
  return out;
}

std::vector<PackSource> ReadPackFiles(const std::vector<std::string>& paths,
                                      std::vector<PackError>* errors) {
  namespace fs = std::filesystem;
  std::vector<PackSource> out;
  auto read = [&](const fs::path& p) {
    std::error_code ec;
    const uintmax_t size = fs::file_size(p, ec);
    if (ec) {
      errors->push_back({p.string(), "", "cannot read: " + ec.message()});
      return;
    }
    if (size > kMaxPackBytes) {
      errors->push_back(
          {p.string(), "", "file larger than " + std::to_string(kMaxPackBytes) + " bytes"});
      return;
    }
    std::ifstream f(p, std::ios::binary);
    if (!f) {
      errors->push_back({p.string(), "", "cannot read the file"});
      return;
    }
    std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    out.push_back({p.string(), std::move(text)});
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      errors->push_back({path, "", "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(st)) {
      read(path);
      continue;
    }
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator
             it(path, fs::directory_options::skip_permission_denied, ec),
         end;
         it != end && !ec; it.increment(ec)) {
      if (it->is_regular_file(ec) && text::AsciiLower(it->path().extension().string()) == ".json") {
        files.push_back(it->path());
      }
    }
    if (ec) errors->push_back({path, "", "cannot list the directory: " + ec.message()});
    if (files.empty() && !ec)
      errors->push_back({path, "", "no .json pack files in this directory"});
    std::sort(files.begin(), files.end());
    // In a folder, JSON files that are plainly something else (e.g. the metadata of C++ rules
    // in rules/wcag/) are not packs; a file that does not parse is still reported.
    bool any_pack = false;
    for (const fs::path& f : files) {
      const size_t before = out.size();
      read(f);
      if (out.size() == before) continue;
      json doc = json::parse(out.back().text, nullptr, false);
      const bool pack_like =
          doc.is_object() && ((doc.contains("pack") && doc["pack"].is_object()) ||
                              doc.contains("rules") || doc.contains("schema"));
      if (!doc.is_discarded() && !pack_like) {
        out.pop_back();
        continue;
      }
      any_pack = true;
    }
    if (!files.empty() && !any_pack) {
      errors->push_back(
          {path, "", "no pack in this directory (.json files with \"pack\" and \"rules\")"});
    }
  }
  return out;
}

LoadResult LoadAllPacks(const std::vector<std::string>& user_paths, const LoadOptions& options) {
  std::vector<PackError> read_errors;
  std::vector<PackSource> user = ReadPackFiles(user_paths, &read_errors);
  std::set<std::string> replaced;
  for (const PackSource& s : user) {
    json doc = json::parse(s.text, nullptr, false);
    if (!doc.is_discarded()) {
      if (std::string id = PackIdOf(doc); !id.empty()) replaced.insert(id);
    }
  }
  std::vector<PackSource> all;
  for (PackSource& s : EmbeddedPackSources()) {
    json doc = json::parse(s.text, nullptr, false);
    if (!doc.is_discarded() && replaced.count(PackIdOf(doc))) continue;
    all.push_back(std::move(s));
  }
  for (PackSource& s : user) all.push_back(std::move(s));
  LoadResult r = LoadPacks(all, options);
  r.errors.insert(r.errors.begin(), read_errors.begin(), read_errors.end());
  return r;
}

}  // namespace verifica::rules::decl
