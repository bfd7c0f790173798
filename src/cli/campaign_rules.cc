#include "cli/campaign_rules.h"

#include <memory>

#include "cli/page_check.h"

namespace verifica::cli {
namespace {

// An entity-scope rule: its results are computed from the crawl, so the page runner never
// applies it (CheckPage skips entity-scope rules; the tag below matches no element anyway).
class LinkBrokenRule : public rules::Rule {
 public:
  using Rule::Rule;
  std::vector<std::string> Tags() const override { return {"#entity-scope"}; }
  std::optional<rules::Verdict> Check(dom::NodeId, rules::PageContext&) const override {
    return std::nullopt;
  }
};

std::string MessageIdFor(const fetch::FailedFetch& f) {
  using findings::PageErrorKind;
  const std::optional<PageErrorKind> kind = findings::PageErrorKindFromString(f.kind);
  if (!kind) return "fail-other";
  switch (*kind) {
    case PageErrorKind::kHttp:
      return "fail-http";
    case PageErrorKind::kDns:
      return "fail-dns";
    case PageErrorKind::kConnect:
    case PageErrorKind::kConnectionRefused:
      return "fail-connect";
    case PageErrorKind::kTimeout:
      return "fail-timeout";
    case PageErrorKind::kTls:
      return "fail-tls";
    case PageErrorKind::kRedirectLoop:
    case PageErrorKind::kTooManyRedirects:
    case PageErrorKind::kRedirect:
      return "fail-redirect";
    case PageErrorKind::kNotFound:
      return "fail-not-found";
    case PageErrorKind::kReset:
      return "fail-reset";
    case PageErrorKind::kNetwork:
    case PageErrorKind::kRobots:
    case PageErrorKind::kRobotsUnreachable:
    case PageErrorKind::kPrivateAddress:
    case PageErrorKind::kScheme:
    case PageErrorKind::kTooLarge:
    case PageErrorKind::kTooDeep:
    case PageErrorKind::kEmpty:
    case PageErrorKind::kNotHtml:
    case PageErrorKind::kEncoding:
    case PageErrorKind::kUnreadable:
    case PageErrorKind::kIo:
    case PageErrorKind::kSitemap:
    case PageErrorKind::kRefused:
    case PageErrorKind::kInternal:
      return "fail-other";
  }
  return "fail-other";
}

}  // namespace

Status RegisterCrawlRules(rules::RuleRegistry& registry) {
  return registry.Add<LinkBrokenRule>("crawl", kLinkBrokenId);
}

findings::RuleResult LinkBrokenResult(const findings::RuleInfo& meta,
                                      const std::vector<fetch::FailedFetch>& failures,
                                      uint32_t links_ok, size_t max_findings) {
  findings::RuleResult r;
  r.id = meta.id;
  r.wcag = meta.wcag;
  r.act = meta.act;
  r.impact = meta.impact;
  r.passed = links_ok;
  for (const fetch::FailedFetch& f : failures) {
    // The start URL has no referrer: an unreachable entity is reported as such, not as a link.
    if (!f.broken || (f.referrers.empty() && f.depth == 0)) continue;
    ++r.failed;
    const std::string id = MessageIdFor(f);
    std::string detail = f.kind == "http" ? std::to_string(f.status) : f.kind;
    if (f.kind == "redirect-loop" || f.kind == "redirects") {
      detail = std::to_string(f.redirects.size()) + " redirecciones / redirects";
    }
    auto add = [&](const fetch::LinkRef* ref) {
      if (r.findings.size() >= max_findings) return;
      findings::Finding fi;
      fi.outcome = findings::Outcome::kFailed;
      fi.message_id = id;
      fi.args = {f.url, detail, ref ? ref->text : std::string()};
      if (auto it = meta.messages.find(id); it != meta.messages.end()) {
        fi.message.es = rules::FormatMessage(it->second.es, fi.args);
        fi.message.en = rules::FormatMessage(it->second.en, fi.args);
      }
      if (ref) {
        fi.url = ref->page;
        fi.line = ref->line;
        fi.column = ref->column;
        fi.snippet = ref->snippet;
      } else {
        fi.url = f.url;
      }
      r.findings.push_back(std::move(fi));
    };
    if (f.referrers.empty()) {
      add(nullptr);
    } else {
      for (const fetch::LinkRef& ref : f.referrers) add(&ref);
    }
  }
  if (r.failed > 0) {
    r.outcome = findings::Outcome::kFailed;
  } else if (r.passed > 0) {
    r.outcome = findings::Outcome::kPassed;
  } else {
    r.outcome = findings::Outcome::kInapplicable;
  }
  return r;
}

}  // namespace verifica::cli
