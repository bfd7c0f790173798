// Hooks through which obligation packs (issue 4: page roles, entity-scope rules) take part in a
// scan without the crawler knowing about them. With no hook set, `scan` runs the WCAG rules only.
//
// Threads: on_link and on_page run on worker threads, many at once, so they must be safe to call
// concurrently (pure functions of their arguments and of read-only data); on_entity runs on the
// campaign thread, once per entity, after every page of that entity was processed.
#ifndef VERIFICA_CLI_SCAN_HOOKS_H_
#define VERIFICA_CLI_SCAN_HOOKS_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dom/document.h"
#include "findings/findings.h"

namespace verifica::rules {
class PageCache;
class Rule;
}  // namespace verifica::rules

namespace verifica::cli {

// A link found on a page of an entity.
struct LinkContext {
  const findings::EntityInfo& entity;
  std::string_view url;       // absolute, canonical (what the crawler would fetch)
  std::string_view text;      // link text, white space collapsed
  std::string_view referrer;  // URL of the page the link is on (after redirects)
  int depth = 0;              // depth the target would have (the referrer's + 1)
};

// What a hook says about a link.
struct LinkHint {
  int priority = 0;            // higher is fetched first; > 0 may exceed the page budget a little
  bool allow_offsite = false;  // may be fetched although outside the site (page roles on
                               // another host, e.g. transparencia.<estado>.gob.mx)
  std::string role;            // page role the target is a candidate for ("" none)
};

// A page of an entity, parsed (rules have run on it).
struct PageContext {
  const findings::EntityInfo& entity;
  std::string_view url;        // as linked
  std::string_view final_url;  // after redirects
  int depth = 0;               // 0 for the start page
  bool offsite = false;        // fetched outside the site for a page role
  std::string_view role;       // the role a link hint gave this page ("" none)
  const dom::Document& doc;
  rules::PageCache* cache = nullptr;  // what the page's rules built (e.g. the packs' page view)
};

// Whatever a pack wants to keep about one page (kept per entity until the entity ends, so keep
// it small: extracted facts, not the document).
class PageData {
 public:
  virtual ~PageData() = default;
};

// A page as the entity hook sees it.
struct EntityPage {
  std::string url;
  std::string final_url;
  int depth = 0;
  bool offsite = false;
  std::string role;                      // from the link hint, if any
  std::shared_ptr<const PageData> data;  // what on_page returned (may be null)
};

// What the entity hook adds to the entity's report.
struct EntityOutcome {
  std::vector<findings::RuleResult> entity_rules;
  std::map<std::string, std::string> page_roles;  // role → URL (DESIGN.md "page_roles")
};

struct ScanHooks {
  std::function<LinkHint(const LinkContext&)> on_link;
  std::function<std::shared_ptr<const PageData>(const PageContext&)> on_page;
  // `pages` lists every page fetched and processed, in the order they were processed; pages that
  // failed to fetch are not in it.
  std::function<EntityOutcome(const findings::EntityInfo&, const std::vector<EntityPage>& pages)>
      on_entity;
  // Optional; called on the campaign thread just before on_entity, with the entity's report as
  // the crawl left it (pages, failed ones included, and the documents inventory). It may read
  // role documents the crawl only listed (e.g. an aviso de privacidad in PDF) and append them to
  // `pages`, so that on_entity sees them like any page.
  std::function<void(const findings::EntityReport& report, std::vector<EntityPage>& pages)>
      on_documents;
  // Optional; the rules to run on the pages of `entity`, out of the `selected` ones (same order).
  // Obligation packs choose their page rules by the entity's profiles (entities file column
  // `profiles`, or the default packs); other rules are kept. Called once per entity before its
  // crawl starts. Unset: every selected rule runs on every entity's pages.
  std::function<std::vector<const rules::Rule*>(const findings::EntityInfo& entity,
                                                const std::vector<const rules::Rule*>& selected)>
      page_rules;
};

}  // namespace verifica::cli

#endif  // VERIFICA_CLI_SCAN_HOOKS_H_
