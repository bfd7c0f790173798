#include "report/wcag.h"

#include <map>
#include <nlohmann/json.hpp>

#include "util/embedded.h"

namespace verifica::report {

namespace {

struct Table {
  std::string understanding_base;
  std::map<std::string, Criterion, std::less<>> criteria;
};

Table Load() {
  Table t;
  auto data = embedded::Find("reports/templates/wcag22.json");
  if (!data) return t;
  nlohmann::json j = nlohmann::json::parse(*data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return t;
  if (auto it = j.find("understanding_base"); it != j.end() && it->is_string()) {
    t.understanding_base = it->get<std::string>();
  }
  auto crit = j.find("criteria");
  if (crit == j.end() || !crit->is_object()) return t;
  for (auto& [sc, v] : crit->items()) {
    if (!v.is_object()) continue;
    Criterion c;
    auto str = [&](const char* key) {
      auto it = v.find(key);
      return it != v.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    c.level = str("level");
    c.slug = str("slug");
    c.name.es = str("es");
    c.name.en = str("en");
    t.criteria.emplace(sc, std::move(c));
  }
  return t;
}

const Table& GetTable() {
  static const Table kTable = Load();
  return kTable;
}

}  // namespace

const Criterion* FindCriterion(std::string_view sc) {
  const Table& t = GetTable();
  auto it = t.criteria.find(sc);
  return it == t.criteria.end() ? nullptr : &it->second;
}

std::string UnderstandingUrl(std::string_view sc) {
  const Criterion* c = FindCriterion(sc);
  if (c == nullptr || c->slug.empty() || GetTable().understanding_base.empty()) return "";
  return GetTable().understanding_base + c->slug + ".html";
}

char PrincipleOf(std::string_view sc) {
  if (!sc.empty() && sc[0] >= '1' && sc[0] <= '4') return sc[0];
  return 0;
}

}  // namespace verifica::report
