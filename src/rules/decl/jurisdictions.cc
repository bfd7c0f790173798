#include "rules/decl/jurisdictions.h"

#include <nlohmann/json.hpp>

#include "util/embedded.h"
#include "util/text.h"

namespace verifica::rules::decl {

using nlohmann::json;

namespace {

constexpr std::string_view kFile = "rules/jurisdictions.json";

std::optional<findings::LocalizedText> Text(const json& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || !it->is_object()) return std::nullopt;
  auto es = it->find("es");
  auto en = it->find("en");
  if (es == it->end() || en == it->end() || !es->is_string() || !en->is_string()) {
    return std::nullopt;
  }
  return findings::LocalizedText{es->get<std::string>(), en->get<std::string>()};
}

// Reads one guarantor; "" when it is valid, else the reason.
std::string ReadGuarantor(const json& g, Guarantor* out) {
  if (!g.is_object()) return "must be an object {name, from, until, basis}";
  auto name = Text(g, "name");
  if (!name) return "/name: needs {\"es\", \"en\"}";
  out->name = *name;
  for (auto [key, field] : {std::pair{"from", &out->from}, std::pair{"until", &out->until}}) {
    auto it = g.find(key);
    if (it == g.end() || it->is_null()) continue;
    auto d = it->is_string() ? ParseIsoDate(it->get<std::string>()) : std::nullopt;
    if (!d) return std::string("/") + key + ": must be an ISO date (YYYY-MM-DD) or null";
    *field = *d;
  }
  if (out->from && out->until && *out->until < *out->from) return "/until: is before /from";
  auto b = g.find("basis");
  if (b == g.end() || !b->is_object()) return "/basis: needs {norm, article, status}";
  auto norm = b->find("norm");
  auto article = b->find("article");
  auto status = b->find("status");
  if (norm == b->end() || !norm->is_string() || article == b->end() || !article->is_string()) {
    return "/basis: needs \"norm\" and \"article\"";
  }
  auto st = status != b->end() && status->is_string()
                ? findings::BasisStatusFromString(status->get<std::string>())
                : std::nullopt;
  if (!st) return "/basis/status: must be \"confirmed\", \"to-confirm\" or \"good-practice\"";
  out->basis = {norm->get<std::string>(), article->get<std::string>(), *st};
  if (auto n = Text(g, "note")) out->note = *n;
  return {};
}

}  // namespace

Result<JurisdictionTable> JurisdictionTable::Parse(std::string_view text, std::string_view file) {
  const std::string where(file);
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    return InvalidArgument(where + ": not a JSON object");
  }
  auto fmt = doc.find("format");
  if (fmt == doc.end() || *fmt != "verifica-jurisdictions/1") {
    return InvalidArgument(where + ": /format: must be \"verifica-jurisdictions/1\"");
  }
  auto list = doc.find("jurisdictions");
  if (list == doc.end() || !list->is_array() || list->empty()) {
    return InvalidArgument(where + ": /jurisdictions: must be a non-empty array");
  }
  JurisdictionTable t;
  for (size_t i = 0; i < list->size(); ++i) {
    const json& o = (*list)[i];
    const std::string ptr = where + ": /jurisdictions/" + std::to_string(i);
    if (!o.is_object()) return InvalidArgument(ptr + ": must be an object");
    Jurisdiction j;
    auto code = o.find("code");
    if (code == o.end() || !code->is_string() || code->get<std::string>().empty()) {
      return InvalidArgument(ptr + "/code: missing");
    }
    j.code = code->get<std::string>();
    if (t.FindCode(j.code) != nullptr) {
      return InvalidArgument(ptr + "/code: '" + j.code + "' is listed twice");
    }
    auto name = Text(o, "name");
    if (!name) return InvalidArgument(ptr + "/name: needs {\"es\", \"en\"}");
    j.name = *name;
    if (auto a = o.find("aliases"); a != o.end()) {
      if (!a->is_array()) return InvalidArgument(ptr + "/aliases: must be an array of strings");
      for (const json& s : *a) {
        if (!s.is_string()) return InvalidArgument(ptr + "/aliases: must be an array of strings");
        j.aliases.push_back(text::Fold(s.get<std::string>()));
      }
    }
    if (auto g = o.find("guarantors"); g != o.end()) {
      if (!g->is_array()) return InvalidArgument(ptr + "/guarantors: must be an array");
      for (size_t k = 0; k < g->size(); ++k) {
        Guarantor gu;
        if (std::string why = ReadGuarantor((*g)[k], &gu); !why.empty()) {
          return InvalidArgument(ptr + "/guarantors/" + std::to_string(k) + why);
        }
        // Two authorities in force on the same day would make the name ambiguous.
        for (const Guarantor& other : j.guarantors) {
          const bool apart = (gu.until && other.from && *gu.until < *other.from) ||
                             (other.until && gu.from && *other.until < *gu.from);
          if (!apart) {
            return InvalidArgument(ptr + "/guarantors/" + std::to_string(k) +
                                   ": its dates overlap another guarantor's");
          }
        }
        j.guarantors.push_back(std::move(gu));
      }
    }
    t.all_.push_back(std::move(j));
  }
  if (t.FindCode(kFederal) == nullptr) {
    return InvalidArgument(where + ": /jurisdictions: 'federal' is missing");
  }
  return t;
}

Result<const JurisdictionTable*> JurisdictionTable::Embedded() {
  static const Result<JurisdictionTable> table = [] {
    auto text = embedded::Find(kFile);
    if (!text)
      return Result<JurisdictionTable>(InternalError(std::string(kFile) + " not embedded"));
    return Parse(*text, kFile);
  }();
  if (!table.ok()) return table.status();
  return &table.value();
}

const Jurisdiction* JurisdictionTable::FindCode(std::string_view code) const {
  for (const Jurisdiction& j : all_) {
    if (j.code == code) return &j;
  }
  return nullptr;
}

const Jurisdiction* JurisdictionTable::Find(std::string_view input) const {
  const std::string folded = text::Fold(input);
  if (folded.empty()) return nullptr;
  for (const Jurisdiction& j : all_) {
    const std::string code = text::Fold(j.code);
    // "MX-CMX" is also written "CMX".
    const bool short_code =
        code.size() > 3 && code.rfind("mx-", 0) == 0 && folded == code.substr(3);
    if (folded == code || short_code || folded == text::Fold(j.name.es) ||
        folded == text::Fold(j.name.en)) {
      return &j;
    }
    for (const std::string& a : j.aliases) {
      if (folded == a) return &j;
    }
  }
  return nullptr;
}

const Guarantor* JurisdictionTable::GuarantorOn(std::string_view code, CivilDate day) const {
  const Jurisdiction* j = FindCode(code);
  if (j == nullptr) return nullptr;
  for (const Guarantor& g : j->guarantors) {
    if (g.InForce(day)) return &g;
  }
  return nullptr;
}

std::string JurisdictionTable::KnownValues() const {
  std::string out;
  for (const Jurisdiction& j : all_) {
    if (!out.empty()) out += ", ";
    out += j.code;
    if (j.code != kFederal) out += " (" + j.name.es + ")";
  }
  return out;
}

Result<EntityJurisdiction> ResolveJurisdiction(std::string_view input) {
  auto table = JurisdictionTable::Embedded();
  if (!table.ok()) return table.status();
  EntityJurisdiction out;
  if (text::Fold(input).empty()) {
    out.jurisdiction = (*table)->FindCode(kFederal);
    out.defaulted = true;
    return out;
  }
  out.jurisdiction = (*table)->Find(input);
  if (out.jurisdiction == nullptr) {
    return InvalidArgument("unknown jurisdiction '" + std::string(text::TruncateUtf8(input, 60)) +
                           "' (known: " + (*table)->KnownValues() + ")");
  }
  return out;
}

}  // namespace verifica::rules::decl
