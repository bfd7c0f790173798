// Stable finding fingerprints, for baselines (`--baseline`, `verifica diff`) and SARIF
// partialFingerprints. A fingerprint hashes the rule id, the page URL, the element's selector and
// its snippet, each normalised so that cosmetic differences between two scans of the same page
// do not change it:
//   - URL: scheme and host lower case, default port and fragment dropped; for file:// URLs only
//     the path below the folder all of the report's file pages share, so a site checked from two
//     different checkouts (CI workspaces) gets the same fingerprints;
//   - selector and snippet: runs of white space collapsed, ends trimmed.
// The value is "v1:" and 32 hex digits of SHA-256; the version changes if the recipe does.
#ifndef VERIFICA_REPORT_FINGERPRINT_H_
#define VERIFICA_REPORT_FINGERPRINT_H_

#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"

namespace verifica::report {

class FingerprintContext {
 public:
  // Context for the pages of one report (file:// URLs are made relative to their common folder).
  static FingerprintContext For(const std::vector<findings::PageReport>& pages,
                                const std::vector<findings::RuleResult>& entity_rules = {});

  // The page URL as it enters the fingerprint.
  std::string NormalizeUrl(std::string_view url) const;

  // Fingerprint of `f`, reported by rule `rule_id` on `page_url`.
  std::string Of(std::string_view rule_id, std::string_view page_url,
                 const findings::Finding& f) const;

 private:
  friend class FingerprintContextBuilder;
  std::string file_prefix_;  // e.g. "file:///home/ci/site/" (normalised), or empty
};

// FingerprintContext::For one URL at a time: for a scan that never holds all of an entity's pages.
class FingerprintContextBuilder {
 public:
  // The page's URL and its findings' own URLs.
  void AddPage(const findings::PageReport& page);
  void AddRules(const std::vector<findings::RuleResult>& rules);
  void AddUrl(std::string_view url);
  FingerprintContext Build() const;

 private:
  bool first_ = true;
  std::string prefix_;
};

// The page a finding is on: its own url (entity-scope findings), else the page's final URL,
// else the requested URL.
std::string_view FindingPageUrl(const findings::PageReport* page, const findings::Finding& f);

// Sets Finding::fingerprint on every finding of the report.
void AssignFingerprints(findings::EntityReport& report);
void AssignFingerprints(std::vector<findings::PageReport>& pages);

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_FINGERPRINT_H_
