#include "cli/packs_wiring.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "rules/decl/evaluate.h"
#include "rules/decl/pdf_text.h"
#include "report/outputs.h"
#include "rules/engine/rule.h"
#include "util/text.h"
#include "util/url.h"

namespace verifica::cli {

namespace {

using findings::LocalizedText;
using findings::Outcome;
using namespace rules::decl;

constexpr size_t kMaxLinksPerTarget = 3;
constexpr size_t kMaxLinkRecords = 20000;
constexpr size_t kMaxRoleDocuments = 12;
constexpr size_t kMaxReasonText = 80;

// A link that pointed at a page as a candidate for a role.
struct RoleLink {
  std::string role;
  std::string text;
  std::string referrer;
  int depth = 0;
};

// What a page itself shows of a role (title, heading, address), or that it excludes it.
struct Signals {
  bool title = false, heading = false, url = false, excluded = false;
  std::string heading_text;
};

// What on_page (or on_documents, for documents) keeps of a candidate page.
class PageFacts : public PageData {
 public:
  std::string url, final_url;
  int depth = 0;
  bool is_document = false;
  bool readable = true;
  bool needs_rendering = false;
  std::string title;
  std::string document_error;
  std::map<std::string, Signals> signals;
  std::map<std::string, RuleObservations> obs;  // rule id → observations
};

struct EntityState {
  std::vector<std::shared_ptr<const RuleSpec>> rules;
  std::vector<std::string> roles;  // roles the rules read, "home" excluded
  std::mutex mu;
  std::unordered_map<std::string, std::vector<RoleLink>> links;  // target URL → links
  size_t link_records = 0;
  std::unordered_map<std::string, BrokenLink> broken;  // normalised URL → why
  // What the campaign recorded of the portal before the entity hooks (on_documents).
  std::optional<findings::PortalStatus> portal;
};

std::string Short(std::string_view s, size_t max = kMaxReasonText) {
  std::string_view t = text::TruncateUtf8(s, max);
  return t.size() < s.size() ? std::string(t) + "…" : std::string(t);
}

std::string HostOf(std::string_view u) {
  size_t p = u.find("://");
  if (p == std::string_view::npos) return {};
  std::string_view rest = u.substr(p + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  return text::AsciiLower(rest.substr(0, rest.find(':')));
}

std::string NormalizedOr(std::string_view u) {
  auto n = url::Normalize(u);
  return n.ok() ? *n : std::string(u);
}

class Shared {
 public:
  explicit Shared(PackHooksOptions options) : options_(std::move(options)) {
    for (const RoleSpec* r : options_.catalog->Roles()) {
      roles_[r->id].push_back(r);
      titles_.emplace(r->id, r->title);
    }
    titles_.emplace("home", LocalizedText{"página de inicio", "home page"});
  }

  const PackHooksOptions& options() const { return options_; }

  const LocalizedText& Title(const std::string& role) const {
    static const LocalizedText unknown;
    auto it = titles_.find(role);
    return it == titles_.end() ? unknown : it->second;
  }

  Result<std::vector<std::shared_ptr<const RuleSpec>>> RulesFor(
      const std::vector<std::string>& profiles, std::string_view jurisdiction) const {
    auto rules = options_.catalog->EntityRules(profiles, jurisdiction);
    if (!rules.ok()) return rules.status();
    std::vector<std::shared_ptr<const RuleSpec>> out;
    for (auto& r : *rules) {
      if (options_.selected.count(r->info.id)) out.push_back(std::move(r));
    }
    return out;
  }

  // The selected rules that run on an entity's pages: pack page rules only when one of its
  // profiles' packs has or includes them; every other rule as it is.
  std::vector<const rules::Rule*> PageRulesFor(const findings::EntityInfo& e,
                                               const std::vector<const rules::Rule*>& selected) {
    std::set<std::string> keep;
    if (auto page_rules = options_.catalog->PageRules(e.profiles, e.jurisdiction);
        page_rules.ok()) {
      for (const auto& r : *page_rules) keep.insert(r->info.id);
    }
    std::vector<const rules::Rule*> out;
    for (const rules::Rule* r : selected) {
      const RuleSpec* spec = options_.catalog->FindRule(r->id());
      if (spec == nullptr || spec->scope != Scope::kPage || keep.count(r->id())) out.push_back(r);
    }
    return out;
  }

  std::shared_ptr<EntityState> For(const findings::EntityInfo& e) {
    std::lock_guard<std::mutex> lock(mu_);
    auto& slot = states_[e.id];
    if (!slot) {
      slot = std::make_shared<EntityState>();
      // Checked before the scan: cannot fail here.
      auto rules = RulesFor(e.profiles, e.jurisdiction);
      if (rules.ok()) slot->rules = std::move(rules).value();
      for (const auto& r : slot->rules) {
        for (const std::string& role : r->roles) {
          if (role != "home" &&
              std::find(slot->roles.begin(), slot->roles.end(), role) == slot->roles.end()) {
            slot->roles.push_back(role);
          }
        }
      }
    }
    return slot;
  }

  void Forget(const std::string& entity_id) {
    std::lock_guard<std::mutex> lock(mu_);
    states_.erase(entity_id);
  }

  LinkHint OnLink(const LinkContext& l) {
    LinkHint hint;
    auto es = For(l.entity);
    if (es->roles.empty()) return hint;
    const std::string folded_text = text::Fold(l.text);
    const std::string folded_url = text::Fold(PercentDecode(l.url));
    const std::string host = HostOf(l.url);
    int best = 0;
    std::vector<std::string> matched;
    for (const std::string& role : es->roles) {
      auto it = roles_.find(role);
      if (it == roles_.end()) continue;
      for (const RoleSpec* spec : it->second) {
        if (l.depth > spec->max_depth) continue;
        if (spec->link_exclude && spec->link_exclude->PartialMatch(folded_text)) continue;
        const bool m = (spec->link_text && !folded_text.empty() &&
                        spec->link_text->PartialMatch(folded_text)) ||
                       (spec->link_href && spec->link_href->PartialMatch(folded_url)) ||
                       (spec->link_host && !host.empty() && spec->link_host->PartialMatch(host));
        if (!m) continue;
        if (std::find(matched.begin(), matched.end(), role) == matched.end())
          matched.push_back(role);
        hint.allow_offsite = hint.allow_offsite || spec->offsite;
        if (spec->priority > best) {
          best = spec->priority;
          hint.role = role;
        }
      }
    }
    if (matched.empty()) return hint;
    hint.priority = best;
    std::lock_guard<std::mutex> lock(es->mu);
    auto& v = es->links[std::string(l.url)];
    for (const std::string& role : matched) {
      if (v.size() >= kMaxLinksPerTarget * matched.size() || es->link_records >= kMaxLinkRecords) {
        break;
      }
      v.push_back(
          {role, Short(text::CollapseWhitespace(l.text)), std::string(l.referrer), l.depth});
      ++es->link_records;
    }
    return hint;
  }

  // Role links recorded for a page (as linked or after redirects).
  std::vector<RoleLink> LinksTo(EntityState& es, std::string_view u1, std::string_view u2) {
    std::vector<RoleLink> out;
    std::lock_guard<std::mutex> lock(es.mu);
    for (std::string_view u : {u1, u2}) {
      auto it = es.links.find(std::string(u));
      if (it != es.links.end()) out.insert(out.end(), it->second.begin(), it->second.end());
      if (u1 == u2) break;
    }
    return out;
  }

  // Signals, candidate roles and observations of one page or document.
  std::shared_ptr<PageFacts> Observe(EntityState& es, PageView& view, std::string url,
                                     std::string final_url, int depth) {
    auto facts = std::make_shared<PageFacts>();
    facts->url = std::move(url);
    facts->final_url = std::move(final_url);
    facts->depth = depth;
    facts->is_document = view.is_document();
    facts->readable = view.readable();
    facts->title = Short(view.title(), 120);
    std::vector<std::string> candidate;
    if (depth == 0 && !view.is_document()) candidate.push_back("home");
    for (const RoleLink& l : LinksTo(es, facts->url, facts->final_url)) {
      if (std::find(candidate.begin(), candidate.end(), l.role) == candidate.end()) {
        candidate.push_back(l.role);
      }
    }
    const std::string folded_url = text::Fold(PercentDecode(facts->final_url));
    for (const std::string& role : es.roles) {
      auto it = roles_.find(role);
      if (it == roles_.end()) continue;
      Signals s;
      for (const RoleSpec* spec : it->second) {
        if (spec->page_exclude) {
          if (spec->page_exclude->PartialMatch(view.title())) s.excluded = true;
          for (const HeadingFact& h : view.headings()) {
            if (h.level <= 2 && spec->page_exclude->PartialMatch(h.text)) s.excluded = true;
          }
        }
        if (spec->page_title && !view.title().empty() &&
            spec->page_title->PartialMatch(view.title())) {
          s.title = true;
        }
        if (spec->page_heading && s.heading_text.empty()) {
          for (const HeadingFact& h : view.headings()) {
            if (h.level <= 2 && spec->page_heading->PartialMatch(h.text)) {
              s.heading = true;
              s.heading_text = Short(h.text);
              break;
            }
          }
        }
        if (spec->page_url && spec->page_url->PartialMatch(folded_url)) s.url = true;
      }
      if (s.title || s.heading || s.url || s.excluded) facts->signals[role] = s;
      if ((s.title || s.heading || s.url) && !s.excluded &&
          std::find(candidate.begin(), candidate.end(), role) == candidate.end()) {
        candidate.push_back(role);
      }
    }
    if (candidate.empty()) return nullptr;
    EvalContext ctx;
    ctx.today = options_.today;
    for (const auto& rule : es.rules) {
      bool reads = false;
      for (const std::string& r : rule->roles) {
        reads = reads || std::find(candidate.begin(), candidate.end(), r) != candidate.end();
      }
      if (reads) facts->obs.emplace(rule->info.id, ObserveRule(*rule, view, ctx));
    }
    if (!view.is_document()) facts->needs_rendering = view.needs_rendering();
    return facts;
  }

  std::shared_ptr<const PageData> OnPage(const PageContext& p) {
    auto es = For(p.entity);
    if (es->rules.empty()) return nullptr;
    std::optional<PageView> own;
    PageView& view =
        p.cache != nullptr ? rules::decl::SharedPageView(*p.cache, p.doc) : own.emplace(p.doc);
    return Observe(*es, view, std::string(p.url), std::string(p.final_url), p.depth);
  }

  // Broken link targets, and the role documents the crawl listed, read now.
  void OnDocuments(const findings::EntityReport& report, std::vector<EntityPage>& pages) {
    auto es = For(report.entity);
    {
      std::lock_guard<std::mutex> lock(es->mu);
      es->portal = report.portal;
      for (const findings::PageReport& p : report.pages) {
        if (!p.error) continue;
        const std::string& kind = p.error->kind;
        if (p.status < 400 &&
            (kind == "robots" || kind == "robots-unreachable" || kind == "private-address" ||
             kind == "too-large" || kind == "scheme" || kind == "not-html" || kind == "empty")) {
          continue;
        }
        BrokenLink b{p.status, kind};
        es->broken[NormalizedOr(p.url)] = b;
        if (!p.final_url.empty()) es->broken[NormalizedOr(p.final_url)] = b;
      }
      for (const findings::DocumentInfo& d : report.documents) {
        // A document listed without a status was not fetched: for a local build (file://) that
        // means it is missing; on the web it may also be robots.txt or a refused address, so
        // only an HTTP error status counts there.
        if (d.status >= 400) {
          es->broken[NormalizedOr(d.url)] = BrokenLink{d.status, "http"};
        } else if (d.status == 0 && d.url.rfind("file:", 0) == 0) {
          es->broken[NormalizedOr(d.url)] = BrokenLink{0, "not-found"};
        }
      }
    }
    if (es->rules.empty()) return;
    size_t read = 0;
    for (const findings::DocumentInfo& d : report.documents) {
      if (read >= kMaxRoleDocuments) break;
      if (d.status < 200 || d.status >= 300) continue;
      const bool pdf = d.type.find("pdf") != std::string::npos || UrlExtension(d.url) == "pdf";
      if (!pdf) continue;
      std::vector<RoleLink> links = LinksTo(*es, d.url, d.url);
      if (links.empty()) continue;
      ++read;
      int depth = links.front().depth;
      for (const RoleLink& l : links) depth = std::min(depth, l.depth);
      fetch::FetchedResource r = fetch::FetchOne(d.url, options_.limits);
      std::shared_ptr<PageFacts> facts;
      if (!r.ok()) {
        // Listed by the crawl but not readable now: not machine-readable, never "absent".
        PageView view = PageView::FromText(d.url, "", "", false);
        facts = Observe(*es, view, d.url, r.final_url.empty() ? d.url : r.final_url, depth);
        if (facts) facts->document_error = r.error_message;
      } else {
        PdfText pdf_text = ExtractPdfText(r.body);
        PageView view = PageView::FromText(d.url, pdf_text.text, pdf_text.title,
                                           pdf_text.parsed && pdf_text.has_text_layer);
        facts = Observe(*es, view, d.url, r.final_url.empty() ? d.url : r.final_url, depth);
        if (facts) {
          facts->document_error = !pdf_text.parsed           ? pdf_text.error
                                  : !pdf_text.has_text_layer ? "sin capa de texto / no text layer"
                                                             : std::string();
        }
      }
      if (!facts) continue;
      EntityPage page;
      page.url = d.url;
      page.final_url = facts->final_url;
      page.depth = depth;
      page.role = links.front().role;
      page.data = std::move(facts);
      pages.push_back(std::move(page));
    }
  }

  struct Choice {
    std::vector<const PageFacts*> pages;  // best first
    LocalizedText why;                    // for the best page
    int score = 0;
  };

  LocalizedText Why(EntityState& es, const PageFacts& f, const std::string& role) {
    LocalizedText why;
    auto add = [&](const std::string& es_text, const std::string& en_text) {
      why.es += (why.es.empty() ? "" : "; ") + es_text;
      why.en += (why.en.empty() ? "" : "; ") + en_text;
    };
    if (role == "home") add("URL de partida de la entidad", "the entity's start URL");
    for (const RoleLink& l : LinksTo(es, f.url, f.final_url)) {
      if (l.role != role) continue;
      add("enlace «" + l.text + "» en " + l.referrer + " (profundidad " + std::to_string(l.depth) +
              ")",
          "link \"" + l.text + "\" on " + l.referrer + " (depth " + std::to_string(l.depth) + ")");
      break;
    }
    if (auto it = f.signals.find(role); it != f.signals.end()) {
      if (it->second.title) add("título «" + f.title + "»", "title \"" + f.title + "\"");
      if (it->second.heading) {
        add("encabezado «" + it->second.heading_text + "»",
            "heading \"" + it->second.heading_text + "\"");
      }
      if (it->second.url) add("dirección de la página", "page address");
    }
    if (f.is_document) {
      add(f.readable ? "documento PDF con texto"
                     : "documento PDF no legible por máquina (" + f.document_error + ")",
          f.readable ? "PDF document with text"
                     : "PDF document not machine-readable (" + f.document_error + ")");
    }
    return why;
  }

  Choice Choose(EntityState& es, const std::vector<const PageFacts*>& facts,
                const std::string& role, const PageFacts* home) {
    Choice c;
    if (role == "home") {
      if (home != nullptr) {
        c.pages.push_back(home);
        c.why = Why(es, *home, role);
      }
      return c;
    }
    struct Scored {
      const PageFacts* f;
      int score;
    };
    std::vector<Scored> scored;
    for (const PageFacts* f : facts) {
      int score = 0;
      auto sig = f->signals.find(role);
      if (sig != f->signals.end()) {
        if (sig->second.excluded) continue;
        score += (sig->second.title || sig->second.heading) ? 3 : 0;
        score += sig->second.url ? 1 : 0;
      }
      for (const RoleLink& l : LinksTo(es, f->url, f->final_url)) {
        if (l.role == role) {
          score += 2;
          break;
        }
      }
      if (score > 0) scored.push_back({f, score});
    }
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
      if (a.score != b.score) return a.score > b.score;
      if (a.f->depth != b.f->depth) return a.f->depth < b.f->depth;
      if (a.f->final_url.size() != b.f->final_url.size()) {
        return a.f->final_url.size() < b.f->final_url.size();
      }
      return a.f->final_url < b.f->final_url;
    });
    bool many = false;
    if (auto it = roles_.find(role); it != roles_.end()) {
      for (const RoleSpec* s : it->second) many = many || s->many;
    }
    for (const Scored& s : scored) {
      c.pages.push_back(s.f);
      if (!many) break;
    }
    if (!c.pages.empty()) {
      c.score = scored.front().score;
      c.why = Why(es, *c.pages.front(), role);
      if (c.pages.size() > 1) {
        c.why.es += "; y " + std::to_string(c.pages.size() - 1) + " páginas más con el mismo rol";
        c.why.en += "; and " + std::to_string(c.pages.size() - 1) + " more pages with this role";
      }
    }
    return c;
  }

  // Why a role has no page: a link that led to a broken target, or nothing matched.
  LocalizedText WhyMissing(EntityState& es, const std::string& role, size_t pages_seen) {
    std::lock_guard<std::mutex> lock(es.mu);
    for (const auto& [target, links] : es.links) {
      for (const RoleLink& l : links) {
        if (l.role != role) continue;
        auto b = es.broken.find(NormalizedOr(target));
        if (b == es.broken.end()) continue;
        const std::string code =
            b->second.status > 0 ? "HTTP " + std::to_string(b->second.status) : b->second.kind;
        return {"el enlace «" + l.text + "» en " + l.referrer + " lleva a " + target +
                    ", que no se pudo obtener (" + code + ")",
                "link \"" + l.text + "\" on " + l.referrer + " leads to " + target +
                    ", which could not be fetched (" + code + ")"};
      }
    }
    return {
        "ningún enlace ni página coincidió (" + std::to_string(pages_seen) + " páginas revisadas)",
        "no link or page matched (" + std::to_string(pages_seen) + " pages examined)"};
  }

  findings::RuleResult Judged(const RuleSpec& rule, const std::vector<Judgement>& units) {
    findings::RuleResult r;
    r.id = rule.info.id;
    r.impact = rule.info.impact;
    r.wcag = rule.info.wcag;
    r.act = rule.info.act;
    for (const Judgement& j : units) {
      r.outcome = findings::Worst(r.outcome, j.outcome);
      switch (j.outcome) {
        case Outcome::kPassed:
          ++r.passed;
          break;
        case Outcome::kCantTell:
          ++r.cant_tell;
          break;
        case Outcome::kFailed:
          ++r.failed;
          break;
        case Outcome::kInapplicable:
          break;
      }
    }
    // Failures and "needs review" first; then, for the units that passed, what satisfied them
    // (the page and the matched text or link), so a "cumple" can be defended as well.
    for (Outcome wanted : {Outcome::kFailed, Outcome::kCantTell, Outcome::kPassed}) {
      for (const Judgement& j : units) {
        if (wanted == Outcome::kPassed && j.outcome != Outcome::kPassed) continue;
        for (const JudgedFinding& f : j.findings) {
          if (f.outcome != wanted || r.findings.size() >= options_.max_findings) continue;
          r.findings.push_back(RenderFinding(rule, f));
        }
      }
    }
    return r;
  }

  findings::RuleResult NoPage(const RuleSpec& rule, const PageFacts* home,
                              const std::vector<std::string>& missing, const LocalizedText& why) {
    findings::RuleResult r;
    r.id = rule.info.id;
    r.impact = rule.info.impact;
    r.wcag = rule.info.wcag;
    r.act = rule.info.act;
    // A rule judged without its page is judged from the home page (which NoPage is only called
    // with when the portal could be read).
    const std::string home_url = home ? home->final_url : std::string();
    findings::Finding f;
    f.url = home_url;
    std::string msg;
    if (home != nullptr && home->needs_rendering) {
      // The pages are behind JavaScript: they may exist; a static check cannot find them.
      r.outcome = Outcome::kCantTell;
      msg = std::string(kMsgNeedsRendering);
    } else {
      switch (rule.when_no_page) {
        case Missing::kInapplicable:
          return r;
        case Missing::kCantTell:
          r.outcome = Outcome::kCantTell;
          break;
        case Missing::kFailed:
          r.outcome = Outcome::kFailed;
          break;
      }
      msg = std::string(kMsgNoPage);
    }
    f.outcome = r.outcome;
    (r.outcome == Outcome::kFailed ? r.failed : r.cant_tell) = 1;
    std::string roles_es, roles_en;
    for (const std::string& m : missing) {
      roles_es += (roles_es.empty() ? "" : " / ") + Title(m).es;
      roles_en += (roles_en.empty() ? "" : " / ") + Title(m).en;
    }
    f.message_id = msg;
    f.args = {roles_es, why.es, home_url};
    const auto& msgs = rule.info.messages;
    if (auto it = msgs.find(msg); it != msgs.end()) {
      f.message.es = rules::FormatMessage(it->second.es, {roles_es, why.es, home_url});
      f.message.en = rules::FormatMessage(it->second.en, {roles_en, why.en, home_url});
    }
    if (msg == kMsgNoPage) {
      f.message.es += " Motivo: " + why.es + ".";
      f.message.en += " Reason: " + why.en + ".";
    }
    r.findings.push_back(std::move(f));
    return r;
  }

  // An obligation judged on a portal that could not be read: cantTell, saying why (never
  // "missing": nothing could be looked at).
  findings::RuleResult Unreadable(const RuleSpec& rule, const findings::LocalizedText& cause,
                                  const std::string& url) {
    findings::RuleResult r;
    r.id = rule.info.id;
    r.impact = rule.info.impact;
    r.wcag = rule.info.wcag;
    r.act = rule.info.act;
    r.outcome = Outcome::kCantTell;
    r.cant_tell = 1;
    findings::Finding f;
    f.outcome = Outcome::kCantTell;
    f.url = url;
    f.message_id = std::string(kMsgPortalUnreadable);
    f.args = {"", cause.es, url};
    if (auto it = rule.info.messages.find(f.message_id); it != rule.info.messages.end()) {
      f.message.es = rules::FormatMessage(it->second.es, {"", cause.es, url});
      f.message.en = rules::FormatMessage(it->second.en, {"", cause.en, url});
    }
    r.findings.push_back(std::move(f));
    return r;
  }

  EntityOutcome OnEntity(const findings::EntityInfo& entity, const std::vector<EntityPage>& pages) {
    EntityOutcome out;
    auto es = For(entity);
    std::vector<const PageFacts*> facts;
    const PageFacts* home = nullptr;
    for (const EntityPage& p : pages) {
      const auto* f = dynamic_cast<const PageFacts*>(p.data.get());
      if (f == nullptr) continue;
      facts.push_back(f);
      if (home == nullptr && f->depth == 0 && !f->is_document) home = f;
    }
    // The portal could not be read (its start page was not fetched, or the campaign says so):
    // no obligation is judged; each says why, once.
    const bool unreachable =
        home == nullptr ||
        (es->portal && es->portal->state == findings::PortalState::kUnreachable);
    if (unreachable) {
      findings::PortalStatus portal;
      if (es->portal && es->portal->error) {
        portal = *es->portal;
      } else {
        portal.state = findings::PortalState::kUnreachable;
        portal.url = entity.url;
        portal.error = findings::PageError{"network", "the start page could not be checked"};
      }
      const findings::LocalizedText cause = report::PortalCauseText(portal);
      const std::string url = portal.url.empty() ? entity.url : portal.url;
      for (const auto& rule : es->rules) out.entity_rules.push_back(Unreadable(*rule, cause, url));
      if (options_.selected.count(kPageRolesId) && !es->rules.empty()) {
        out.entity_rules.push_back(UnreadableRoles(es->roles, cause, url));
      }
      Forget(entity.id);
      return out;
    }
    // Each role's page, and why.
    std::map<std::string, Choice> chosen;
    std::vector<std::string> roles = {"home"};
    roles.insert(roles.end(), es->roles.begin(), es->roles.end());
    for (const std::string& role : roles) {
      Choice c = Choose(*es, facts, role, home);
      if (!c.pages.empty()) out.page_roles[role] = c.pages.front()->final_url;
      chosen.emplace(role, std::move(c));
    }
    EvalContext ctx;
    ctx.today = options_.today;
    ctx.broken = &es->broken;
    for (const auto& rule : es->rules) {
      std::vector<const PageFacts*> unit;
      std::vector<std::string> missing;
      for (const std::string& role : rule->roles) {
        const Choice& c = chosen[role];
        if (c.pages.empty()) missing.push_back(role);
        for (const PageFacts* f : c.pages) {
          if (std::find(unit.begin(), unit.end(), f) == unit.end()) unit.push_back(f);
        }
        if (rule->role_fallback && !c.pages.empty()) break;  // the first role found is used
      }
      std::vector<RuleObservations> observed;
      for (const PageFacts* f : unit) {
        auto it = f->obs.find(rule->info.id);
        if (it == f->obs.end()) continue;
        observed.push_back(it->second);
        ResolveRule(*rule, &observed.back(), ctx);
      }
      if (observed.empty()) {
        LocalizedText why;
        for (const std::string& m : missing) {
          LocalizedText w = WhyMissing(*es, m, pages.size());
          // Two roles missing for the same reason give it once, not twice in a row.
          if (why.es == w.es || why.es.ends_with("; " + w.es)) continue;
          why.es += (why.es.empty() ? "" : "; ") + w.es;
          why.en += (why.en.empty() ? "" : "; ") + w.en;
        }
        if (missing.empty()) missing = rule->roles;
        out.entity_rules.push_back(NoPage(*rule, home, missing, why));
        continue;
      }
      std::vector<Judgement> units;
      if (rule->each_page) {
        for (const RuleObservations& o : observed) units.push_back(Judge(*rule, {&o}));
      } else {
        std::vector<const RuleObservations*> ptrs;
        for (const RuleObservations& o : observed) ptrs.push_back(&o);
        units.push_back(Judge(*rule, ptrs));
      }
      out.entity_rules.push_back(Judged(*rule, units));
    }
    if (options_.selected.count(kPageRolesId) && !es->rules.empty()) {
      out.entity_rules.push_back(RolesResult(*es, roles, chosen, home, pages.size()));
    }
    Forget(entity.id);
    return out;
  }

  // The informative list of pages per role, for a portal that could not be read.
  findings::RuleResult UnreadableRoles(const std::vector<std::string>& entity_roles,
                                       const findings::LocalizedText& cause,
                                       const std::string& url) {
    const findings::RuleInfo& info = PageRolesInfo();
    findings::RuleResult r;
    r.id = info.id;
    r.impact = info.impact;
    r.outcome = Outcome::kInapplicable;
    std::vector<std::string> roles = {"home"};
    roles.insert(roles.end(), entity_roles.begin(), entity_roles.end());
    for (const std::string& role : roles) {
      const LocalizedText& t = Title(role);
      findings::Finding f;
      f.outcome = Outcome::kInapplicable;
      f.url = url;
      f.message_id = "role-missing";
      f.args = {role, cause.es, url};
      f.message.es = "Rol «" + t.es + "»: no se buscó — portal no legible: " + cause.es + ".";
      f.message.en = "Role \"" + t.en + "\": not searched — portal not readable: " + cause.en + ".";
      r.findings.push_back(std::move(f));
    }
    return r;
  }

  findings::RuleResult RolesResult(EntityState& es, const std::vector<std::string>& roles,
                                   const std::map<std::string, Choice>& chosen,
                                   const PageFacts* home, size_t pages_seen) {
    const findings::RuleInfo& info = PageRolesInfo();
    findings::RuleResult r;
    r.id = info.id;
    r.impact = info.impact;
    r.outcome = Outcome::kPassed;
    for (const std::string& role : roles) {
      const Choice& c = chosen.at(role);
      findings::Finding f;
      const LocalizedText& t = Title(role);
      if (!c.pages.empty()) {
        ++r.passed;
        f.outcome = Outcome::kPassed;
        f.url = c.pages.front()->final_url;
        f.message_id = "role-found";
        f.args = {role, c.why.es, f.url};
        f.message.es = "Rol «" + t.es + "»: se tomó " + f.url + " — " + c.why.es + ".";
        f.message.en = "Role \"" + t.en + "\": " + f.url + " was taken — " + c.why.en + ".";
      } else {
        f.outcome = Outcome::kInapplicable;
        f.url = home ? home->final_url : std::string();
        f.message_id = "role-missing";
        LocalizedText why =
            home && home->needs_rendering
                ? LocalizedText{"la página de inicio requiere renderizado (JavaScript)",
                                "the home page needs rendering (JavaScript)"}
                : WhyMissing(es, role, pages_seen);
        f.args = {role, why.es, f.url};
        f.message.es = "Rol «" + t.es + "»: no se encontró — " + why.es + ".";
        f.message.en = "Role \"" + t.en + "\": not found — " + why.en + ".";
      }
      r.findings.push_back(std::move(f));
    }
    return r;
  }

 private:
  PackHooksOptions options_;
  std::map<std::string, std::vector<const RoleSpec*>> roles_;
  std::map<std::string, LocalizedText> titles_;
  std::mutex mu_;
  std::map<std::string, std::shared_ptr<EntityState>> states_;
};

}  // namespace

const findings::RuleInfo& PageRolesInfo() {
  static const findings::RuleInfo info = [] {
    findings::RuleInfo i;
    i.id = kPageRolesId;
    i.pack = "packs";
    i.title = {"Páginas revisadas por rol (informativo)", "Pages reviewed per role (informative)"};
    i.description = {
        "Indica qué página se tomó para cada rol que leen las reglas de obligaciones (inicio, "
        "transparencia, Unidad de Transparencia, aviso de privacidad…) y por qué: el enlace que "
        "llevó a ella, su título o encabezado.",
        "States which page was taken for each role the obligation rules read (home, transparency, "
        "Transparency Unit, privacy notice...) and why: the link that led to it, its title or "
        "heading."};
    i.help = {
        "Si la página tomada no es la correcta, revise los enlaces del portal o los "
        "patrones del rol en el paquete.",
        "If the page taken is not the right one, check the portal's links or the role's "
        "patterns in the pack."};
    i.impact = findings::Impact::kMinor;
    i.tags = {"informative", "entity-scope"};
    i.legal_basis = {
        {"LGTAIP (DOF 20-03-2025)", "Art. 86 (vigilancia mediante revisión del portal)",
         findings::BasisStatus::kConfirmed}};
    i.messages = {
        {"role-found", {"Rol «{0}»: se tomó {2} — {1}.", "Role \"{0}\": {2} was taken — {1}."}},
        {"role-missing", {"Rol «{0}»: no se encontró — {1}.", "Role \"{0}\": not found — {1}."}}};
    return i;
  }();
  return info;
}

Result<ScanHooks> MakePackHooks(const PackHooksOptions& options,
                                const std::vector<Entity>& entities) {
  if (!options.catalog) return InvalidArgument("no obligation packs loaded");
  auto shared = std::make_shared<Shared>(options);
  std::string errors;
  for (const Entity& e : entities) {
    auto rules = shared->RulesFor(e.profiles, e.jurisdiction);
    if (!rules.ok()) {
      errors += (errors.empty() ? "" : "\n") + std::string("entity '") + e.id + "'" +
                (e.line > 0 ? " (line " + std::to_string(e.line) + ")" : std::string()) + ": " +
                rules.status().message();
    }
  }
  if (!errors.empty()) return InvalidArgument(errors);
  ScanHooks hooks;
  hooks.on_link = [shared](const LinkContext& l) { return shared->OnLink(l); };
  hooks.on_page = [shared](const PageContext& p) { return shared->OnPage(p); };
  hooks.on_documents = [shared](const findings::EntityReport& r, std::vector<EntityPage>& pages) {
    shared->OnDocuments(r, pages);
  };
  hooks.on_entity = [shared](const findings::EntityInfo& e, const std::vector<EntityPage>& pages) {
    return shared->OnEntity(e, pages);
  };
  hooks.page_rules = [shared](const findings::EntityInfo& e,
                              const std::vector<const rules::Rule*>& selected) {
    return shared->PageRulesFor(e, selected);
  };
  return hooks;
}

Result<ScanHooks> MakeScanPackHooks(const PacksArgs& packs, const rules::RuleRegistry& registry,
                                    const std::vector<const rules::Rule*>& selected,
                                    const fetch::FetchLimits& limits,
                                    const std::vector<Entity>& entities) {
  PackHooksOptions o;
  auto cat = LoadPackCatalog(packs, registry);
  if (!cat.ok()) return cat.status();
  o.catalog = std::move(cat).value();
  auto today = ResolveToday(packs);
  if (!today.ok()) return today.status();
  o.today = *today;
  for (const rules::Rule* r : selected) o.selected.insert(r->id());
  o.limits = limits;
  return MakePackHooks(o, entities);
}

}  // namespace verifica::cli
