#include "report/fingerprint.h"

#include "util/hash.h"
#include "util/text.h"

namespace verifica::report {

namespace {

bool IsFileUrl(std::string_view u) { return text::StartsWithIgnoreAsciiCase(u, "file:"); }

// Lower-cases scheme and host, drops the fragment, the default port and user info.
std::string NormalizeAbsolute(std::string_view url) {
  url = text::TrimHtmlSpace(url);
  if (size_t hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);
  const size_t colon = url.find(':');
  if (colon == std::string_view::npos) return std::string(url);
  std::string scheme = text::AsciiLower(url.substr(0, colon));
  std::string_view rest = url.substr(colon + 1);
  if (rest.substr(0, 2) != "//") return scheme + ":" + std::string(rest);
  rest.remove_prefix(2);
  const size_t end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, end);
  std::string_view tail = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority = authority.substr(at + 1);
  }
  std::string host = text::AsciiLower(authority);
  if ((scheme == "http" && host.size() > 3 && host.ends_with(":80")) ||
      (scheme == "https" && host.size() > 4 && host.ends_with(":443"))) {
    host.erase(host.rfind(':'));
  }
  std::string path(tail);
  if (path.empty() && (scheme == "http" || scheme == "https")) path = "/";
  return scheme + "://" + host + path;
}

}  // namespace

std::string_view FindingPageUrl(const findings::PageReport* page, const findings::Finding& f) {
  if (!f.url.empty() || page == nullptr) return f.url;
  return page->final_url.empty() ? std::string_view(page->url) : std::string_view(page->final_url);
}

void FingerprintContextBuilder::AddUrl(std::string_view url) {
  if (!IsFileUrl(url)) return;
  std::string n = NormalizeAbsolute(url);
  std::string dir = n.substr(0, n.rfind('/') + 1);
  if (first_) {
    prefix_ = dir;
    first_ = false;
    return;
  }
  size_t k = 0;
  while (k < prefix_.size() && k < dir.size() && prefix_[k] == dir[k]) ++k;
  prefix_.resize(k);
  prefix_.erase(prefix_.rfind('/') + 1);
}

void FingerprintContextBuilder::AddPage(const findings::PageReport& p) {
  AddUrl(p.final_url.empty() ? p.url : p.final_url);
  AddRules(p.rules);
}

void FingerprintContextBuilder::AddRules(const std::vector<findings::RuleResult>& rules) {
  for (const findings::RuleResult& r : rules) {
    for (const findings::Finding& f : r.findings) {
      if (!f.url.empty()) AddUrl(f.url);
    }
  }
}

FingerprintContext FingerprintContextBuilder::Build() const {
  FingerprintContext ctx;
  ctx.file_prefix_ = prefix_;
  return ctx;
}

FingerprintContext FingerprintContext::For(const std::vector<findings::PageReport>& pages,
                                           const std::vector<findings::RuleResult>& entity_rules) {
  FingerprintContextBuilder b;
  for (const findings::PageReport& p : pages) b.AddPage(p);
  b.AddRules(entity_rules);
  return b.Build();
}

std::string FingerprintContext::NormalizeUrl(std::string_view url) const {
  std::string n = NormalizeAbsolute(url);
  if (!file_prefix_.empty() && IsFileUrl(n) && n.starts_with(file_prefix_)) {
    return "file:" + n.substr(file_prefix_.size());
  }
  return n;
}

std::string FingerprintContext::Of(std::string_view rule_id, std::string_view page_url,
                                   const findings::Finding& f) const {
  std::string key = "v1";
  for (const std::string& part :
       {std::string(rule_id), NormalizeUrl(page_url), text::CollapseWhitespace(f.selector),
        text::CollapseWhitespace(f.snippet)}) {
    key += '\x1f';
    key += part;
  }
  return "v1:" + Sha256Hex(key).substr(0, 32);
}

void AssignFingerprints(findings::EntityReport& report) {
  const FingerprintContext ctx = FingerprintContext::For(report.pages, report.entity_rules);
  for (findings::PageReport& p : report.pages) {
    for (findings::RuleResult& r : p.rules) {
      for (findings::Finding& f : r.findings)
        f.fingerprint = ctx.Of(r.id, FindingPageUrl(&p, f), f);
    }
  }
  for (findings::RuleResult& r : report.entity_rules) {
    for (findings::Finding& f : r.findings)
      f.fingerprint = ctx.Of(r.id, FindingPageUrl(nullptr, f), f);
  }
}

void AssignFingerprints(std::vector<findings::PageReport>& pages) {
  const FingerprintContext ctx = FingerprintContext::For(pages);
  for (findings::PageReport& p : pages) {
    for (findings::RuleResult& r : p.rules) {
      for (findings::Finding& f : r.findings)
        f.fingerprint = ctx.Of(r.id, FindingPageUrl(&p, f), f);
    }
  }
}

}  // namespace verifica::report
