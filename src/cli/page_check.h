// Parse + rules for one page's bytes: the unit of work shared by `check` and `scan`.
#ifndef VERIFICA_CLI_PAGE_CHECK_H_
#define VERIFICA_CLI_PAGE_CHECK_H_

#include <functional>
#include <string>
#include <vector>

#include "findings/findings.h"
#include "html/parser.h"
#include "rules/engine/rule.h"
#include "rules/engine/runner.h"

namespace verifica::cli {

struct PageInput {
  std::string url;        // as requested
  std::string final_url;  // after redirects (defaults to url)
  int status = 200;
  std::string content_type;  // from HTTP, or guessed from the file name
  std::string fetched_at;
  std::string body;
};

struct CheckOptions {
  html::ParseOptions parse;
  rules::RunOptions run;
};

// Parses the page and runs `rules` on it. A page that cannot be parsed gets `error` set and
// no rule results; nothing here throws. Entity-scope rules (IsEntityScope) are skipped: they
// run once per entity at the end of a scan.
findings::PageReport CheckPage(const PageInput& input, const std::vector<const rules::Rule*>& rules,
                               const CheckOptions& options);

// Called with the parsed page after the rules ran, on the caller's thread, while the document
// is alive (the scan extracts links and runs page hooks here), with the page's shared data the
// rules built (rules::PageCache), for a hook to reuse. Not called when parsing failed.
using DocumentVisitor = std::function<void(const dom::Document&, rules::PageCache&)>;
findings::PageReport CheckPage(const PageInput& input, const std::vector<const rules::Rule*>& rules,
                               const CheckOptions& options, const DocumentVisitor& visit);

// Metadata tag of rules that judge a whole entity (e.g. link-broken), not one page.
inline constexpr const char* kEntityScopeTag = "entity-scope";
bool IsEntityScope(const rules::Rule& rule);

}  // namespace verifica::cli

#endif  // VERIFICA_CLI_PAGE_CHECK_H_
