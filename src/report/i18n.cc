#include "report/i18n.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "util/embedded.h"

namespace verifica::report {

namespace {

constexpr std::string_view kCatalogName = "reports/templates/i18n.json";

std::map<std::string, std::string, std::less<>> Load(std::string_view lang) {
  std::map<std::string, std::string, std::less<>> out;
  auto data = embedded::Find(kCatalogName);
  if (!data) return out;
  nlohmann::json j = nlohmann::json::parse(*data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return out;
  auto it = j.find(std::string(lang));
  if (it == j.end() || !it->is_object()) return out;
  for (auto& [key, value] : it->items()) {
    if (value.is_string()) out.emplace(key, value.get<std::string>());
  }
  return out;
}

}  // namespace

const Messages& Messages::For(std::string_view lang) {
  static const Messages kEs("es", Load("es"));
  static const Messages kEn("en", Load("en"));
  return lang == "en" ? kEn : kEs;
}

std::string Messages::Get(std::string_view key) const {
  if (auto it = strings_.find(key); it != strings_.end()) return it->second;
  return "⟦" + std::string(key) + "⟧";
}

std::string Messages::GetOr(std::string_view key, std::string_view fallback) const {
  if (auto it = strings_.find(key); it != strings_.end()) return it->second;
  return std::string(fallback);
}

std::string Messages::Format(std::string_view key, const std::vector<std::string>& args) const {
  return FillPlaceholders(Get(key), args);
}

std::string Messages::Count(std::string_view key, uint64_t n) const {
  std::string k(key);
  k += n == 1 ? ".one" : ".other";
  return Format(k, {std::to_string(n)});
}

std::string Messages::Impact(findings::Impact i) const {
  return Get("impact." + std::string(findings::ToString(i)));
}

std::string Messages::Outcome(findings::Outcome o) const {
  return Get("outcome." + std::string(findings::ToString(o)));
}

std::vector<std::string> Messages::Keys() const {
  std::vector<std::string> keys;
  keys.reserve(strings_.size());
  for (const auto& [k, v] : strings_) keys.push_back(k);
  return keys;
}

std::string FillPlaceholders(std::string_view tmpl, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(tmpl.size());
  for (size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{') {
      const size_t close = tmpl.find('}', i);
      if (close != std::string_view::npos && close > i + 1 && close - i <= 3) {
        size_t n = 0;
        bool digits = true;
        for (size_t k = i + 1; k < close; ++k) {
          if (tmpl[k] < '0' || tmpl[k] > '9') {
            digits = false;
            break;
          }
          n = n * 10 + static_cast<size_t>(tmpl[k] - '0');
        }
        if (digits && n < args.size()) {
          out += args[n];
          i = close;
          continue;
        }
      }
    }
    out += tmpl[i];
  }
  return out;
}

std::string FormatScore(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", score);
  return buf;
}

}  // namespace verifica::report
