#include "cli/page_check.h"

#include "util/hash.h"

namespace verifica::cli {

findings::PageReport CheckPage(const PageInput& in, const std::vector<const rules::Rule*>& rules,
                               const CheckOptions& options) {
  findings::PageReport p;
  p.url = in.url;
  p.final_url = in.final_url.empty() ? in.url : in.final_url;
  p.status = in.status;
  p.content_type = in.content_type;
  p.fetched_at = in.fetched_at;
  p.sha256 = Sha256Hex(in.body);
  p.bytes = in.body.size();
  html::ParseOptions po = options.parse;
  po.url = p.final_url;
  po.content_type = in.content_type;
  html::ParseResult parsed = html::Parse(in.body, po);
  if (!parsed.ok) {
    p.error = findings::PageError{parsed.error.kind, parsed.error.message};
    return p;
  }
  p.encoding = parsed.document.encoding();
  p.rules = rules::RunRules(parsed.document, rules, options.run);
  return p;
}

}  // namespace verifica::cli
