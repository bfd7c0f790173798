// Report UI strings in Spanish and English. The texts are data: reports/templates/i18n.json,
// embedded in the binary, {"es": {key: text}, "en": {key: text}}. Rule titles, help and
// messages do not live here; they come from the rule catalog (findings::RuleInfo).
#ifndef VERIFICA_REPORT_I18N_H_
#define VERIFICA_REPORT_I18N_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"

namespace verifica::report {

class Messages {
 public:
  // The strings of "es" or "en" (anything else gets "es"). Loaded once, shared read-only.
  static const Messages& For(std::string_view lang);

  const std::string& lang() const { return lang_; }

  // The text of `key`; "⟦key⟧" when the catalog lacks it (tests look for that mark).
  std::string Get(std::string_view key) const;
  // The text of `key`, or `fallback` when the catalog lacks it (for keys built from data, such
  // as "robots.<state>", where an unknown state is shown as written).
  std::string GetOr(std::string_view key, std::string_view fallback) const;
  // Get(key) with "{0}", "{1}"... replaced by `args`.
  std::string Format(std::string_view key, const std::vector<std::string>& args) const;
  // "<key>.one" when n == 1, else "<key>.other", with {0} = n.
  std::string Count(std::string_view key, uint64_t n) const;

  std::string Impact(findings::Impact i) const;
  std::string Outcome(findings::Outcome o) const;

  // Every key of the catalog, for the consistency test.
  std::vector<std::string> Keys() const;

 private:
  Messages(std::string lang, std::map<std::string, std::string, std::less<>> strings)
      : lang_(std::move(lang)), strings_(std::move(strings)) {}
  std::string lang_;
  std::map<std::string, std::string, std::less<>> strings_;
};

// Replaces "{0}", "{1}"... in `tmpl` with `args`; placeholders without an argument stay.
std::string FillPlaceholders(std::string_view tmpl, const std::vector<std::string>& args);

// Decimal with one digit after the point ("87.5"), as written in Mexico and in English.
std::string FormatScore(double score);

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_I18N_H_
