// Result value types shared by the rules, the report writers and the CLI: outcomes, findings,
// rule results, page and entity reports. Plain data; JSON conversion in findings_json.h.
#ifndef VERIFICA_FINDINGS_FINDINGS_H_
#define VERIFICA_FINDINGS_FINDINGS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verifica::findings {

// ACT/EARL outcomes, ordered as in axe: a rule's result is the worst over what it tested.
enum class Outcome : uint8_t { kInapplicable = 0, kPassed = 1, kCantTell = 2, kFailed = 3 };

std::string_view ToString(Outcome o);  // "inapplicable" | "passed" | "cantTell" | "failed"
std::optional<Outcome> OutcomeFromString(std::string_view s);
inline Outcome Worst(Outcome a, Outcome b) { return a < b ? b : a; }

enum class Impact : uint8_t { kMinor = 0, kModerate = 1, kSerious = 2, kCritical = 3 };
std::string_view ToString(Impact i);  // "minor" | "moderate" | "serious" | "critical"
std::optional<Impact> ImpactFromString(std::string_view s);

// A text in both report languages.
struct LocalizedText {
  std::string es;
  std::string en;
  const std::string& Get(std::string_view lang) const { return lang == "en" ? en : es; }
};

// How far a legal-basis entry has been checked against the official text of the law.
enum class BasisStatus : uint8_t {
  kConfirmed,     // article and fraction checked against the text in force
  kToConfirm,     // not yet checked: every report marks it "cita por confirmar"
  kGoodPractice,  // no legal source: the rule states a good practice, not an obligation
};
std::string_view ToString(BasisStatus s);  // "confirmed" | "to-confirm" | "good-practice"
std::optional<BasisStatus> BasisStatusFromString(std::string_view s);

struct LegalBasis {
  std::string norm;     // e.g. "LGTAIP (DOF 20-03-2025)"
  std::string article;  // e.g. "Art. 65, fr. XII"
  // Unset entries count as unconfirmed: a citation is never shown as settled by accident.
  BasisStatus status = BasisStatus::kToConfirm;
};

// The mark every output prints beside a citation that is not confirmed: "cita por confirmar" /
// "citation to be confirmed", "buena práctica, sin obligación legal" / "good practice, not a
// legal obligation"; empty for a confirmed one.
const LocalizedText& BasisStatusMark(BasisStatus s);
// "LGTAIP (DOF 20-03-2025), Art. 60" followed, unless confirmed, by " (<mark>)" in `lang`.
std::string CitationText(const LegalBasis& b, std::string_view lang);

// What a rule is, for people: the catalog entry every report format renders from. The rules
// module parses it from rules/<pack>/<id>.json.
struct RuleInfo {
  std::string id;                   // "wcag-image-alt"
  std::string pack;                 // "wcag", or an obligation pack id
  LocalizedText title;              // short phrase: what is checked
  LocalizedText description;        // one sentence: what the rule checks and why
  LocalizedText help;               // how to fix a failure
  std::vector<std::string> wcag;    // success criteria ("1.1.1")
  std::string level;                // "A", "AA", "AAA" or "" for non-WCAG rules
  std::vector<std::string> act;     // ACT rule ids
  Impact impact = Impact::kModerate;
  std::vector<std::string> tags;
  std::vector<LegalBasis> legal_basis;
  // Message templates by id; "{0}", "{1}"... are replaced by a verdict's args.
  std::map<std::string, LocalizedText> messages;
};

// One element (or, for page- and entity-scope rules, one page) that a rule reported on.
struct Finding {
  Outcome outcome = Outcome::kFailed;
  std::string selector;  // unique CSS selector; empty for whole-page findings
  uint32_t line = 0;     // 1-based source position; 0 when unknown
  uint32_t column = 0;
  std::string snippet;   // the start tag as written, cut on a UTF-8 boundary
  std::string message_id;               // key into the rule's message catalog
  std::vector<std::string> args;        // values the message interpolates
  LocalizedText message;                // rendered es/en text
  std::string url;       // page the finding is on (set for entity-scope findings)
  // Stable identity across scans (rule id, page URL, selector and snippet, normalised), for
  // baselines and SARIF partialFingerprints; set by the report writers (report/fingerprint.h).
  std::string fingerprint;
};

// A rule's result on one page (or, in EntityReport::entity_rules, on the whole entity).
struct RuleResult {
  std::string id;
  Outcome outcome = Outcome::kInapplicable;
  std::vector<std::string> wcag;  // success criteria, e.g. "1.1.1"
  std::vector<std::string> act;   // ACT rule ids
  Impact impact = Impact::kModerate;
  // How many elements the rule tested, by outcome.
  uint32_t passed = 0;
  uint32_t cant_tell = 0;
  uint32_t failed = 0;
  std::vector<Finding> findings;  // failed and cantTell ones (passed only when asked)
  // Set when the rule itself broke on this page; the outcome is then cantTell, never passed.
  std::string error;
};

struct PageError {
  std::string kind;     // "not-found", "timeout", "too-large", "not-html", "empty", ...
  std::string message;  // what happened, in English (reports render their own text)
};

// The kinds of PageError::kind (the strings the fetch, html and cli modules write), for code
// that must tell them apart: switch over this enum, never compare the strings.
enum class PageErrorKind : uint8_t {
  kDns,                // the host name did not resolve
  kConnect,            // no connection (refused, unreachable network, no route)
  kConnectionRefused,  // the server refused the connection (nothing listens on that port)
  kTimeout,
  kTls,       // the secure connection failed (certificate, protocol)
  kReset,     // the connection broke during the transfer
  kNetwork,   // another network failure
  kHttp,      // the server answered with an error status
  kRobots,    // robots.txt disallows the page
  kRobotsUnreachable,  // robots.txt could not be read: the whole site counts as disallowed
  kPrivateAddress,     // a private or loopback address, refused without --allow-private
  kRedirect,           // a redirect to an invalid or failing URL
  kRedirectLoop,
  kTooManyRedirects,
  kScheme,  // not http, https or file
  kNotFound,
  kTooLarge,
  kTooDeep,
  kEmpty,
  kNotHtml,
  kEncoding,
  kUnreadable,  // a local file that could not be read
  kIo,
  kSitemap,
  kRefused,  // another site turned the automated check away (401, 403, 429)
  kInternal,
};
// Unknown strings (a report from a newer version) are nullopt: shown as written.
std::optional<PageErrorKind> PageErrorKindFromString(std::string_view s);

struct PageReport {
  std::string url;
  std::string final_url;
  int status = 0;  // HTTP status; 200 for local files that could be read; 0 when none
  std::string content_type;
  std::string fetched_at;  // RFC 3339
  std::string sha256;      // of the bytes fetched
  uint64_t bytes = 0;
  std::string encoding;    // encoding the page was decoded from
  std::optional<PageError> error;
  std::vector<RuleResult> rules;
  // Each URL the request was redirected through, in order, from `url` up to (not including)
  // `final_url`; empty when there was no redirect (and then left out of the JSON).
  std::vector<std::string> redirects;
};

struct EntityInfo {
  std::string id;
  std::string name;
  std::string url;
  std::string kind;
  std::vector<std::string> profiles;
  // Whose law applies: "federal" or an entidad federativa as ISO 3166-2 ("MX-CMX"); its name
  // for people; and whether it was given (entities file, --jurisdiction) or is the default.
  std::string jurisdiction = "federal";
  LocalizedText jurisdiction_name = {"Federación", "Federal"};
  bool jurisdiction_defaulted = true;
  // The guarantor authority the entity's portal should name, on the day of the scan (empty
  // when rules/jurisdictions.json names none for its jurisdiction).
  LocalizedText guarantor = {};
};

struct CrawlInfo {
  std::string started_at;
  std::string finished_at;
  uint32_t pages = 0;
  uint32_t errors = 0;
  std::string robots;                   // "obeyed", "absent", "unreachable", ...
  std::vector<std::string> limits_hit;  // "max-pages", "max-depth", ...
};

struct DocumentInfo {
  std::string url;
  std::string type;  // content type or file kind ("pdf", "xlsx", ...)
  int status = 0;
  uint64_t bytes = 0;
};

// Whether the scan could read the portal at all. Not readable: no verdict on it (no score, no
// index, obligation rules cantTell), and the report says why first.
enum class PortalState : uint8_t {
  kReadable = 0,
  kUnreachable,     // the start page (or every page) could not be fetched or parsed
  kNeedsRendering,  // every page checked is a JavaScript shell (report/outputs.h)
};
std::string_view ToString(PortalState s);  // "readable" | "unreachable" | "needs-rendering"
std::optional<PortalState> PortalStateFromString(std::string_view s);

// report.json "portal": the state, and for an unreachable portal the failure that decided it
// (the start page's error, where it happened and the HTTP status, 0 when none).
struct PortalStatus {
  PortalState state = PortalState::kReadable;
  std::string url;
  int status = 0;
  std::optional<PageError> error;
};

struct EntityReport {
  std::string schema = "verifica-report/1";
  EntityInfo entity;
  CrawlInfo crawl;
  // Set by a scan (absent in reports of older versions, and for `check`): see PortalStatus.
  std::optional<PortalStatus> portal;
  std::vector<PageReport> pages;
  std::vector<RuleResult> entity_rules;
  std::vector<DocumentInfo> documents;
  std::map<std::string, std::string> page_roles;  // role → URL
  // The legal basis of each obligation rule in the report, with its status (written from the
  // rule catalog, so that report.json carries each citation with its mark).
  std::map<std::string, std::vector<LegalBasis>> legal_basis;
};

// Counts of rules by outcome over a page report.
struct OutcomeCounts {
  uint32_t inapplicable = 0, passed = 0, cant_tell = 0, failed = 0;
};
OutcomeCounts CountOutcomes(const std::vector<RuleResult>& rules);

}  // namespace verifica::findings

#endif  // VERIFICA_FINDINGS_FINDINGS_H_
