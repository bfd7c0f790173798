// Obligation packs: rules as data (rules/<pack-id>/pack.json, format in rules/README.md).
// A pack names its jurisdiction and effective date, the page roles it needs and how to find
// them, and rules built from a fixed set of C++ primitives (primitives.h) with RE2 patterns that
// run on folded text. Loading validates everything and reports every error at once, each with
// the file, the JSON pointer and the reason; a pack with errors is never used.
#ifndef VERIFICA_RULES_DECL_PACK_H_
#define VERIFICA_RULES_DECL_PACK_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"
#include "rules/decl/dates.h"
#include "util/pattern.h"
#include "util/status.h"

namespace verifica::rules::decl {

class Primitive;

// One validation problem: where (file and JSON pointer) and why.
struct PackError {
  std::string file;
  std::string pointer;  // RFC 6901, "" for the whole document
  std::string reason;
  std::string ToString() const;  // "file: /rules/3/evidence/any/0/text: invalid pattern: ..."
};

// An evidence item: a primitive with its options, compiled at load time.
struct EvidenceItem {
  std::shared_ptr<const Primitive> primitive;
  std::string message;  // message id used when this item decides the outcome ("" = default)
  std::string pointer;  // where it was declared, for diagnostics
};

enum class Scope : uint8_t { kPage, kEntity };
// What a rule concludes when it finds no evidence (or, for entity rules, no page to look at).
enum class Missing : uint8_t { kFailed, kCantTell, kInapplicable };

struct RuleSpec {
  findings::RuleInfo info;  // id, pack, titles, help, legal basis, impact, tags, messages
  std::string catalogue;    // catalogue check id ("TR-HOME-LINK"), if it implements one
  findings::LocalizedText risks;  // known false-positive / false-negative risks (docs only)
  Scope scope = Scope::kPage;
  std::vector<std::string> roles;  // entity rules: the page roles whose pages are examined
  bool each_page = false;          // entity rules: judge each role page on its own
  // Entity rules: `roles` are alternatives in order; the first role with pages is used (e.g.
  // obligation pages, else the transparency page when the obligations are published there).
  bool role_fallback = false;
  std::vector<EvidenceItem> applies_if;  // any must hold, else inapplicable
  std::vector<EvidenceItem> all;         // every one must hold
  std::vector<EvidenceItem> any;         // at least any_min must hold
  int any_min = 1;
  std::vector<EvidenceItem> none;  // none may hold
  std::vector<EvidenceItem> weak;  // when evidence is missing: any holding → cantTell
  Missing when_missing = Missing::kFailed;
  Missing when_no_page = Missing::kFailed;                    // entity rules: no page has the role
  findings::Outcome when_found = findings::Outcome::kFailed;  // a `none` item holds
  bool clear_passes = true;  // rules with only `none`: nothing found → passed (else inapplicable)
  // True when the rule's evidence contains a per-form primitive: page rules then run once per
  // <form> and report each form.
  bool per_form = false;
};

// How to recognise a page role: links that lead to it and what the page itself shows.
struct RoleSpec {
  std::string id;
  findings::LocalizedText title;
  // Patterns (folded); empty pointer = not used.
  std::shared_ptr<const Pattern> link_text, link_href, link_host, link_exclude;
  std::shared_ptr<const Pattern> page_title, page_heading, page_url, page_exclude;
  int max_depth = 4;     // links deeper than this do not count for the role
  bool offsite = false;  // the crawler may leave the site's host for these pages
  bool many = false;     // several pages may have the role (obligation pages)
  int priority = 50;     // crawl priority of links to the role (higher first)
};

struct PackSpec {
  int schema = 1;
  std::string id;
  std::string version;
  // Whose law the pack checks: "general" (a Ley General: entities of every jurisdiction),
  // "federal" or an entidad federativa ("MX-CMX"); see jurisdictions.h.
  std::string jurisdiction;
  std::string effective;  // ISO date from which the pack applies
  findings::LocalizedText title;
  findings::LocalizedText description;
  bool is_default = false;  // used for entities that name no profile
  // Rules of other packs (entity or page rules) that this profile applies too (e.g. a state
  // pack reusing the general law's checks that its own law does not renumber).
  std::vector<std::string> include;
  // Default packs that this one replaces for the entities of its jurisdiction (a state pack
  // that carries the general pack's checks with its own law's citations).
  std::vector<std::string> supersedes;
  std::string file;  // where it was loaded from
  std::vector<RoleSpec> roles;
  std::vector<std::shared_ptr<const RuleSpec>> rules;
};

struct LoadResult {
  std::vector<std::shared_ptr<const PackSpec>> packs;
  std::vector<PackError> errors;  // empty when every pack is valid
  bool ok() const { return errors.empty(); }
};

// A pack file's text and the name it is reported under.
struct PackSource {
  std::string file;
  std::string text;
};

// Parses and validates packs together: ids must be unique across them and must not clash with
// `reserved_ids` (the C++ rules); `extends` is resolved among them. Packs with errors are not
// returned. Memory budget per pattern: `max_pattern_mem` bytes (RE2 max_mem).
// "{garante:CODE}" in a rule's texts becomes the name of the guarantor authority of CODE in
// force on `today` (rules/jurisdictions.json); unset = the current UTC date.
struct LoadOptions {
  std::vector<std::string> reserved_ids;
  std::optional<CivilDate> today;
  int64_t max_pattern_mem = 1 << 20;
  size_t max_pattern_length = 2000;
};
LoadResult LoadPacks(const std::vector<PackSource>& sources, const LoadOptions& options);

// Every pack embedded in the binary (rules/*/pack.json).
std::vector<PackSource> EmbeddedPackSources();

// Reads pack files: each path is a .json file or a directory searched recursively for .json
// files. Unreadable paths become errors.
std::vector<PackSource> ReadPackFiles(const std::vector<std::string>& paths,
                                      std::vector<PackError>* errors);

// The embedded packs, with `user_paths` packs added (a user pack with the id of an embedded
// one replaces it). Errors are returned, nothing is partially loaded.
LoadResult LoadAllPacks(const std::vector<std::string>& user_paths, const LoadOptions& options);

// Message ids the evaluator itself uses; every rule gets them (texts in evaluate.cc).
inline constexpr std::string_view kMsgPass = "pass";
inline constexpr std::string_view kMsgMissing = "missing";
inline constexpr std::string_view kMsgFound = "found";
inline constexpr std::string_view kMsgNeedsRendering = "needs-rendering";
inline constexpr std::string_view kMsgNotReadable = "not-machine-readable";
inline constexpr std::string_view kMsgNoPage = "no-page";
// The portal could not be read at all (its start page could not be fetched): {1} says why.
inline constexpr std::string_view kMsgPortalUnreadable = "portal-unreadable";
inline constexpr std::string_view kMsgInvalidDate = "invalid-date";
inline constexpr std::string_view kMsgStale = "stale";
inline constexpr std::string_view kMsgFutureDate = "future-date";
inline constexpr std::string_view kMsgFormWithoutNotice = "form-without-notice";

}  // namespace verifica::rules::decl

#endif  // VERIFICA_RULES_DECL_PACK_H_
