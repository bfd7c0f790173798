#include "rules/engine/rule.h"

#include <nlohmann/json.hpp>

namespace verifica::rules {

using nlohmann::json;

namespace {

Status ReadText(const json& j, const char* key, bool required, LocalizedText* out,
                std::string_view where) {
  auto it = j.find(key);
  if (it == j.end()) {
    if (!required) return Status::Ok();
    return InvalidArgument(std::string(where) + ": /" + key + ": missing");
  }
  if (!it->is_object()) return InvalidArgument(std::string(where) + ": /" + key + ": not an object");
  for (const char* lang : {"es", "en"}) {
    auto t = it->find(lang);
    if (t == it->end() || !t->is_string() || t->get<std::string>().empty()) {
      return InvalidArgument(std::string(where) + ": /" + key + "/" + lang +
                             ": missing or empty text");
    }
  }
  out->es = (*it)["es"].get<std::string>();
  out->en = (*it)["en"].get<std::string>();
  return Status::Ok();
}

Status ReadStrings(const json& j, const char* key, std::vector<std::string>* out,
                   std::string_view where) {
  auto it = j.find(key);
  if (it == j.end()) return Status::Ok();
  if (!it->is_array()) return InvalidArgument(std::string(where) + ": /" + key + ": not an array");
  for (const json& v : *it) {
    if (!v.is_string()) {
      return InvalidArgument(std::string(where) + ": /" + key + ": every item must be a string");
    }
    out->push_back(v.get<std::string>());
  }
  return Status::Ok();
}

}  // namespace

Result<RuleMeta> ParseRuleMeta(std::string_view json_text, std::string_view where) {
  json j = json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return InvalidArgument(std::string(where) + ": not a JSON object");
  }
  RuleMeta m;
  if (!j.contains("id") || !j["id"].is_string()) {
    return InvalidArgument(std::string(where) + ": /id: missing");
  }
  m.id = j["id"].get<std::string>();
  if (auto it = j.find("pack"); it != j.end() && it->is_string()) m.pack = it->get<std::string>();
  if (m.pack.empty()) m.pack = m.id.substr(0, m.id.find('-'));
  for (auto [key, field, req] : {std::tuple{"title", &m.title, true},
                                 std::tuple{"description", &m.description, true},
                                 std::tuple{"help", &m.help, true}}) {
    if (Status s = ReadText(j, key, req, field, where); !s.ok()) return s;
  }
  if (Status s = ReadStrings(j, "wcag", &m.wcag, where); !s.ok()) return s;
  if (Status s = ReadStrings(j, "act", &m.act, where); !s.ok()) return s;
  if (Status s = ReadStrings(j, "tags", &m.tags, where); !s.ok()) return s;
  if (auto it = j.find("level"); it != j.end() && it->is_string()) m.level = it->get<std::string>();
  if (auto it = j.find("impact"); it != j.end()) {
    auto impact = it->is_string() ? findings::ImpactFromString(it->get<std::string>()) : std::nullopt;
    if (!impact) {
      return InvalidArgument(std::string(where) +
                             ": /impact: must be minor, moderate, serious or critical");
    }
    m.impact = *impact;
  }
  if (auto it = j.find("legal_basis"); it != j.end() && it->is_array()) {
    for (const json& b : *it) {
      if (!b.is_object() || !b.contains("norm") || !b["norm"].is_string()) {
        return InvalidArgument(std::string(where) + ": /legal_basis: items need a \"norm\"");
      }
      LegalBasis lb;
      lb.norm = b["norm"].get<std::string>();
      if (b.contains("article") && b["article"].is_string()) lb.article = b["article"].get<std::string>();
      // Same vocabulary as the packs; a citation without a known status is never settled.
      auto status = b.contains("status") && b["status"].is_string()
                        ? findings::BasisStatusFromString(b["status"].get<std::string>())
                        : std::nullopt;
      if (!status) {
        return InvalidArgument(std::string(where) +
                               ": /legal_basis: items need a \"status\": \"confirmed\", "
                               "\"to-confirm\" or \"good-practice\"");
      }
      lb.status = *status;
      m.legal_basis.push_back(std::move(lb));
    }
  }
  auto msgs = j.find("messages");
  if (msgs == j.end() || !msgs->is_object() || msgs->empty()) {
    return InvalidArgument(std::string(where) + ": /messages: missing");
  }
  for (auto it = msgs->begin(); it != msgs->end(); ++it) {
    LocalizedText t;
    json wrapper = {{it.key(), it.value()}};
    if (Status s = ReadText(wrapper, it.key().c_str(), true, &t,
                            std::string(where) + ": /messages");
        !s.ok()) {
      return s;
    }
    m.messages[it.key()] = std::move(t);
  }
  return m;
}

std::string FormatMessage(std::string_view tmpl, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(tmpl.size() + 32);
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 1] >= '0' && tmpl[i + 1] <= '9' &&
        tmpl[i + 2] == '}') {
      const size_t k = static_cast<size_t>(tmpl[i + 1] - '0');
      if (k < args.size()) {
        out += args[k];
        i += 2;
        continue;
      }
    }
    out.push_back(tmpl[i]);
  }
  return out;
}

}  // namespace verifica::rules
