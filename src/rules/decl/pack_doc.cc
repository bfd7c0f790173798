#include "rules/decl/pack_doc.h"

#include <algorithm>
#include <vector>

#include "rules/decl/jurisdictions.h"
#include "rules/decl/primitives.h"
#include "rules/engine/rule.h"

namespace verifica::rules::decl {

namespace {

using findings::Impact;
using findings::LocalizedText;

struct Lang {
  bool es;
  const std::string& Of(const LocalizedText& t) const { return es ? t.es : t.en; }
  const char* Pick(const char* es_text, const char* en_text) const {
    return es ? es_text : en_text;
  }
};

const char* ImpactName(Impact i, const Lang& l) {
  switch (i) {
    case Impact::kCritical:
      return l.Pick("crítico", "critical");
    case Impact::kSerious:
      return l.Pick("grave", "serious");
    case Impact::kModerate:
      return l.Pick("moderado", "moderate");
    case Impact::kMinor:
      break;
  }
  return l.Pick("menor", "minor");
}

void AddOnce(std::vector<std::string>* ids, std::string_view id) {
  if (std::find(ids->begin(), ids->end(), id) == ids->end()) ids->emplace_back(id);
}

// Message ids that can give the rule each outcome (see evaluate.h for the semantics).
struct OutcomeMessages {
  std::vector<std::string> failed, review;
};

OutcomeMessages MessagesOf(const RuleSpec& r) {
  OutcomeMessages m;
  auto item_id = [](const EvidenceItem& e) {
    return e.message.empty() ? std::string(kMsgMissing) : e.message;
  };
  std::vector<std::string> missing;
  for (const EvidenceItem& e : r.all) missing.push_back(item_id(e));
  if (!r.any.empty()) missing.emplace_back(kMsgMissing);
  for (const auto* list : {&r.all, &r.any}) {
    for (const EvidenceItem& e : *list) {
      for (std::string_view id : e.primitive->failure_messages()) AddOnce(&m.failed, id);
      // A per-form or link-health item that finds wrong evidence reports with the item's message.
      if (e.primitive->per_form() || e.primitive->entity_only()) AddOnce(&m.failed, item_id(e));
      for (std::string_view id : e.primitive->review_messages()) AddOnce(&m.review, id);
    }
  }
  std::vector<std::string>* missing_to = r.when_missing == Missing::kFailed     ? &m.failed
                                         : r.when_missing == Missing::kCantTell ? &m.review
                                                                                : nullptr;
  if (missing_to != nullptr) {
    for (const std::string& id : missing) AddOnce(missing_to, id);
  }
  for (const EvidenceItem& e : r.none) {
    const std::string id = e.message.empty() ? std::string(kMsgFound) : e.message;
    AddOnce(r.when_found == findings::Outcome::kFailed ? &m.failed : &m.review, id);
  }
  for (const EvidenceItem& e : r.weak) AddOnce(&m.review, item_id(e));
  if (r.scope == Scope::kEntity) {
    if (r.when_no_page == Missing::kFailed) AddOnce(&m.failed, kMsgNoPage);
    if (r.when_no_page == Missing::kCantTell) AddOnce(&m.review, kMsgNoPage);
    AddOnce(&m.review, kMsgNotReadable);
  }
  AddOnce(&m.review, kMsgNeedsRendering);
  return m;
}

std::string Template(const RuleSpec& r, const std::string& id, const Lang& l) {
  auto it = r.info.messages.find(id);
  if (it == r.info.messages.end()) return "`" + id + "`";
  return "`" + id + "`: " +
         FormatMessage(l.Of(it->second),
                       {l.Pick("‹evidencia›", "‹evidence›"), l.Pick("‹detalle›", "‹detail›"),
                        l.Pick("‹página›", "‹page›")});
}

std::string RoleTitle(const PackCatalog& catalog, const std::string& role, const Lang& l) {
  if (role == "home") return l.Pick("página de inicio", "home page");
  for (const RoleSpec* s : catalog.Roles()) {
    if (s->id == role) return l.Of(s->title);
  }
  return role;
}

std::string RuleSection(const RuleSpec& r, const PackCatalog& catalog, const Lang& l) {
  std::string out = "#### `" + r.info.id + "` — " + l.Of(r.info.title) + "\n\n";
  out += std::string("- **") + l.Pick("Qué revisa", "What it checks") + ":** " +
         l.Of(r.info.description) + "\n";
  out += std::string("- **") + l.Pick("Alcance", "Scope") + ":** ";
  if (r.scope == Scope::kPage) {
    out += r.per_form ? l.Pick("cada formulario que recaba datos personales, en cada página",
                               "each form that collects personal data, on every page")
                      : l.Pick("cada página revisada", "every page checked");
  } else {
    out += l.Pick("una vez por entidad, en ", "once per entity, on ");
    for (size_t i = 0; i < r.roles.size(); ++i) {
      if (i > 0) {
        out += r.role_fallback ? l.Pick("; si no la hay, ", "; if there is none, ") : "; ";
      }
      out += RoleTitle(catalog, r.roles[i], l);
    }
    if (r.each_page) out += l.Pick(" (cada página por separado)", " (each page on its own)");
  }
  out += "\n";
  if (!r.catalogue.empty()) {
    out += std::string("- **") + l.Pick("Catálogo", "Catalogue") + ":** " + r.catalogue + "\n";
  }
  out += std::string("- **") + l.Pick("Fundamento legal", "Legal basis") + ":**\n";
  for (const findings::LegalBasis& b : r.info.legal_basis) {
    out += "  - " + b.norm + (b.article.empty() ? "" : ", " + b.article);
    switch (b.status) {
      case findings::BasisStatus::kConfirmed:
        break;
      case findings::BasisStatus::kToConfirm:
        out += l.Pick(" — **cita por confirmar**: no se ha cotejado con el texto oficial.",
                      " — **citation to be confirmed**: not yet checked against the official "
                      "text.");
        break;
      case findings::BasisStatus::kGoodPractice:
        out += l.Pick(" — **buena práctica, sin obligación legal**.",
                      " — **good practice, not a legal obligation**.");
        break;
    }
    out += "\n";
  }
  out += std::string("- **") + l.Pick("Impacto", "Impact") + ":** " + ImpactName(r.info.impact, l) +
         "\n";
  const OutcomeMessages m = MessagesOf(r);
  auto list = [&](const char* es_head, const char* en_head, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    out += std::string("- **") + l.Pick(es_head, en_head) + ":**\n";
    for (const std::string& id : ids) out += "  - " + Template(r, id, l) + "\n";
  };
  if (r.info.messages.count(std::string(kMsgPass))) {
    out += std::string("- **") + l.Pick("Cumple", "Passed") + ":** " +
           Template(r, std::string(kMsgPass), l) + "\n";
  }
  list("No cumple (failed)", "Failed", m.failed);
  list("Requiere revisión (cantTell)", "Needs review (cantTell)", m.review);
  std::vector<std::string> na;
  if (!r.applies_if.empty()) {
    na.push_back(l.Pick("la página no muestra lo que hace aplicable la regla",
                        "the page shows nothing that makes the rule apply"));
  }
  if (r.when_missing == Missing::kInapplicable) {
    na.push_back(l.Pick("no se encuentra la evidencia que la regla evalúa",
                        "the evidence the rule assesses is not there"));
  }
  if (r.scope == Scope::kEntity && r.when_no_page == Missing::kInapplicable) {
    na.push_back(l.Pick("no se encuentra la página que lee", "the page it reads is not found"));
  }
  if (r.all.empty() && r.any.empty() && !r.clear_passes) {
    na.push_back(l.Pick("no se encuentra lo que busca (regla informativa)",
                        "nothing it looks for is found (informative rule)"));
  }
  if (r.per_form) {
    na.push_back(l.Pick("la página no tiene formularios que recaben datos personales",
                        "the page has no form that collects personal data"));
  }
  if (!na.empty()) {
    out += std::string("- **") + l.Pick("No aplica", "Inapplicable") + ":** ";
    for (size_t i = 0; i < na.size(); ++i) out += (i ? "; " : "") + na[i];
    out += ".\n";
  }
  out += std::string("- **") + l.Pick("Cómo corregir", "How to fix") + ":** " + l.Of(r.info.help) +
         "\n";
  out +=
      std::string("- **") + l.Pick("Riesgos conocidos", "Known risks") + ":** " +
      (l.Of(r.risks).empty() ? l.Pick("ninguno documentado.", "none documented.") : l.Of(r.risks)) +
      "\n\n";
  return out;
}

// "Ley General: toda entidad" or "Ciudad de México (MX-CMX)".
std::string JurisdictionText(const PackSpec& pack, const PackCatalog&, const Lang& l) {
  if (pack.jurisdiction == kGeneral) {
    return l.Pick("ley general: aplica a las entidades de toda jurisdicción (`general`)",
                  "general law: applies to entities of every jurisdiction (`general`)");
  }
  auto table = JurisdictionTable::Embedded();
  const Jurisdiction* j = table.ok() ? (*table)->FindCode(pack.jurisdiction) : nullptr;
  if (j == nullptr) return "`" + pack.jurisdiction + "`";
  return l.Of(j->name) + " (`" + j->code + "`): " +
         l.Pick("solo entidades de esa jurisdicción", "only entities of that jurisdiction");
}

// The guarantor authority the pack's jurisdiction names today, when the data holds one.
std::string GuarantorText(const PackSpec& pack, const Lang& l) {
  auto table = JurisdictionTable::Embedded();
  if (!table.ok() || pack.jurisdiction == kGeneral) return {};
  const Jurisdiction* j = (*table)->FindCode(pack.jurisdiction);
  if (j == nullptr || j->guarantors.empty()) return {};
  std::string out;
  for (const Guarantor& g : j->guarantors) {
    out += std::string("  - ") + l.Of(g.name) + " — ";
    if (g.from) out += l.Pick("desde ", "from ") + g.from->Iso();
    if (g.from && g.until) out += ", ";
    if (g.until) out += l.Pick("hasta ", "until ") + g.until->Iso();
    if (!g.from && !g.until) {
      out += l.Pick("sin fecha de término registrada", "no end date recorded");
    }
    out += " (" + findings::CitationText(g.basis, l.es ? "es" : "en") + ")";
    if (!l.Of(g.note).empty()) out += ". " + l.Of(g.note);
    out += "\n";
  }
  return out;
}

std::string Half(const PackSpec& pack, const PackCatalog& catalog, const Lang& l) {
  std::string out;
  out += std::string("## ") + l.Pick("Español", "English") + "\n\n";
  out += l.Of(pack.description) + "\n\n";
  out += std::string("- **") + l.Pick("Jurisdicción", "Jurisdiction") + ":** " +
         JurisdictionText(pack, catalog, l) + "\n";
  if (std::string g = GuarantorText(pack, l); !g.empty()) {
    out += std::string("- **") +
           l.Pick("Autoridad garante (rules/jurisdictions.json)",
                  "Guarantor authority (rules/jurisdictions.json)") +
           ":**\n" + g;
  }
  out += std::string("- **") + l.Pick("Vigente desde", "In force from") + ":** " + pack.effective +
         "\n";
  out += std::string("- **") + l.Pick("Versión", "Version") + ":** " + pack.version + "\n";
  out += std::string("- **") + l.Pick("Perfil por omisión", "Default profile") + ":** " +
         (pack.is_default ? l.Pick("sí (entidades de esa jurisdicción sin columna `profiles`)",
                                   "yes (entities of that jurisdiction with no `profiles` "
                                   "column)")
                          : l.Pick("no (se elige en la columna `profiles`)",
                                   "no (chosen in the `profiles` column)")) +
         "\n";
  if (!pack.supersedes.empty()) {
    out += std::string("- **") + l.Pick("Sustituye a", "Replaces") + ":** ";
    for (size_t i = 0; i < pack.supersedes.size(); ++i) {
      out += (i ? ", " : "") + std::string("`") + pack.supersedes[i] + "`";
    }
    out += l.Pick(" (para las entidades de su jurisdicción)",
                  " (for entities of its jurisdiction)");
    out += "\n";
  }
  if (!pack.include.empty()) {
    out += std::string("- **") +
           l.Pick("Incluye reglas de otros paquetes", "Includes rules of other packs") + ":** ";
    for (size_t i = 0; i < pack.include.size(); ++i) {
      out += (i ? ", " : "") + std::string("`") + pack.include[i] + "`";
    }
    out += "\n";
  }
  out += "\n";
  out +=
      std::string("### ") + l.Pick("Cómo leer los resultados", "How to read the results") + "\n\n";
  out += l.Pick(
      "- **Cumple** (`passed`): se encontró la evidencia; el informe indica la página y el texto "
      "o enlace que la satisface.\n"
      "- **No cumple** (`failed`): la página que la regla lee está y la evidencia falta o es "
      "incorrecta (fecha vencida, formulario sin aviso, enlace roto).\n"
      "- **Requiere revisión** (`cantTell`): un revisor estático no puede decidir (página que "
      "requiere JavaScript, PDF sin capa de texto, indicio débil): revísela a mano; nunca se "
      "cuenta como cumplimiento ni como incumplimiento.\n"
      "- **No aplica** (`inapplicable`): la regla no tiene nada que evaluar en esa entidad o "
      "página.\n"
      "- **Cita por confirmar**: el fundamento se cita como referencia; el artículo o la "
      "fracción no se ha cotejado con el texto oficial (DOF/Gaceta). Estas reglas llevan la "
      "etiqueta `legal-basis-unverified` y todos los informes marcan la cita.\n"
      "- **Buena práctica**: la regla no tiene fuente legal; no señala una obligación (etiqueta "
      "`good-practice`).\n\n",
      "- **Passed**: the evidence was found; the report names the page and the text or link "
      "that satisfies it.\n"
      "- **Failed**: the page the rule reads is there and the evidence is missing or wrong (a "
      "stale date, a form without notice, a broken link).\n"
      "- **Needs review** (`cantTell`): a static checker cannot decide (a page that needs "
      "JavaScript, a PDF without a text layer, a weak hint): review it by hand; it never counts "
      "as compliance nor as a failure.\n"
      "- **Inapplicable**: the rule has nothing to assess on that entity or page.\n"
      "- **Citation to be confirmed**: the basis is cited for reference; the article or "
      "fraction has not been checked against the official text (DOF/Gaceta). These rules carry "
      "the tag `legal-basis-unverified` and every report marks the citation.\n"
      "- **Good practice**: the rule has no legal source; it does not state an obligation (tag "
      "`good-practice`).\n\n");
  if (!pack.roles.empty()) {
    out += std::string("### ") +
           l.Pick("Páginas que buscan las reglas", "Pages the rules look for") + "\n\n";
    for (const RoleSpec& role : pack.roles) {
      out += "- `" + role.id + "`: " + l.Of(role.title) +
             (role.offsite ? l.Pick(" (también en otro dominio)", " (also on another host)") : "") +
             "\n";
    }
    out += "\n";
  }
  out += std::string("### ") + l.Pick("Reglas", "Rules") + " (" +
         std::to_string(pack.rules.size()) + ")\n\n";
  for (const auto& r : pack.rules) out += RuleSection(*r, catalog, l);
  if (!pack.include.empty()) {
    out += std::string("### ") + l.Pick("Reglas incluidas", "Included rules") + "\n\n";
    for (const std::string& id : pack.include) {
      const RuleSpec* r = catalog.FindRule(id);
      out += "- `" + id + "`" + (r ? " — " + l.Of(r->info.title) : std::string()) +
             (r ? " (" + r->info.pack + ")" : std::string()) + "\n";
    }
    out += "\n";
  }
  return out;
}

}  // namespace

std::string RenderPackDoc(const PackSpec& pack, const PackCatalog& catalog) {
  std::string out = "# " + pack.title.es + "\n\n";
  out += "<!-- Generado desde rules/" + pack.id +
         "/pack.json por RenderPackDoc (src/rules/decl/pack_doc.cc); no editar a mano: "
         "VERIFICA_UPDATE_PACK_DOCS=1 verifica_decl_tests --gtest_filter='PackDoc*' lo "
         "reescribe. / Generated from the pack; do not edit by hand. -->\n\n";
  out += "*" + pack.title.en + "* — `" + pack.id + "` " + pack.version + "\n\n";
  out += Half(pack, catalog, Lang{true});
  out += Half(pack, catalog, Lang{false});
  return out;
}

}  // namespace verifica::rules::decl
