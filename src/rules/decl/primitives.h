// The fixed set of evidence primitives packs are built from. Each is a small C++ class that
// reads one facet of a page (primitives never do I/O) and says whether its evidence holds,
// with the element and text that show it. JSON only chooses primitives and their options:
//
//   link                links by text / href / host pattern (optionally only in header/nav/footer)
//   heading             h1-h6 (and role=heading) text
//   title               the <title> (for documents: their title or first line)
//   text                page text, optionally near other matches, in a region, a minimum count
//   url                 the page's own URL
//   date                a date written after a label, its validity and its age (freshness)
//   document-link       links to documents by type (pdf, xlsx, csv ...)
//   attribute           elements whose attribute value matches (script src, id, role ...)
//   personal-data-form  forms that collect personal data, and the notice beside each one
//   count               at least N of nested items hold
//   link-health         links of the page whose target could not be fetched (entity rules)
//   person-name         a person's name written next to a label ("Titular de la Unidad de
//                       Transparencia: Lic. Ana Torres Ruiz"), read from the text as written
//   coverage            how many of a list of obligations (fractions) the page links to, or
//                       declares not applicable
#ifndef VERIFICA_RULES_DECL_PRIMITIVES_H_
#define VERIFICA_RULES_DECL_PRIMITIVES_H_

#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dom/document.h"
#include "rules/decl/dates.h"
#include "rules/decl/pack.h"
#include "rules/decl/page_view.h"

namespace verifica::rules::decl {

class Checker;

enum class State : uint8_t {
  kAbsent = 0,  // nothing of the kind on the page
  kHolds,       // the evidence is there
  kFails,       // found, but wrong (a stale date, a form without its notice, a broken link)
  kUnknown,     // cannot be decided statically (unreadable document, page needs rendering)
};

// What one primitive saw on one page. Self-contained (no pointers into the page), so it can be
// kept after the page is gone and judged at the end of an entity's crawl.
struct Observation {
  State state = State::kAbsent;
  std::string text;     // message arg {0}: the matched text, link text, date as written...
  std::string detail;   // message arg {1}: href, age in days, count...
  std::string message;  // message id the primitive proposes ("stale", ...); "" = the item's
  std::string url;      // the page (arg {2})
  std::string selector;
  uint32_t line = 0, column = 0;
  std::string snippet;
  dom::NodeId node = dom::kNoNode;   // valid only while the page is alive
  std::vector<Observation> targets;  // link-health: links (text = URL) checked at the end
  std::vector<Observation> more;     // further failures of the same kind (one finding each)
};

// A link the crawl could not follow.
struct BrokenLink {
  int status = 0;
  std::string kind;  // "http", "dns", "timeout", ...
};

struct EvalContext {
  CivilDate today;
  // Entity phase only: broken link targets by canonical URL (not owned).
  const std::unordered_map<std::string, BrokenLink>* broken = nullptr;
};

class Primitive {
 public:
  virtual ~Primitive() = default;
  virtual std::string_view name() const = 0;
  // Observes the whole page. For per-form primitives this summarises every form.
  virtual Observation Observe(PageView& page, const EvalContext& ctx) const = 0;
  // Per-form primitives (personal-data-form) observe one form; others ignore `form`.
  virtual bool per_form() const { return false; }
  virtual Observation ObserveForm(PageView& page, dom::NodeId form, const EvalContext& ctx) const {
    (void)form;
    return Observe(page, ctx);
  }
  // Needs the whole crawl (link-health): only valid in entity rules.
  virtual bool entity_only() const { return false; }
  // Message ids the primitive itself proposes when its evidence is wrong (kFails: "stale") or
  // cannot be decided (kUnknown: "partial"); for the pack documentation.
  virtual std::vector<std::string_view> failure_messages() const { return {}; }
  virtual std::vector<std::string_view> review_messages() const { return {}; }
  // Entity phase: completes an observation made on a page with what the crawl learnt.
  virtual void Resolve(Observation& obs, const EvalContext& ctx) const {
    (void)obs;
    (void)ctx;
  }
};

// Builds the primitive an evidence item names ({"check": "link", ...options}). Problems are
// recorded in `checker` (unknown primitive, unknown or bad option, bad pattern); returns null
// then. `ptr` is the item's JSON pointer.
std::shared_ptr<const Primitive> BuildPrimitive(const nlohmann::json& item, const std::string& ptr,
                                                Checker& checker);

// Names of every primitive, for docs and error messages.
std::vector<std::string_view> PrimitiveNames();

// Fills the evidence fields (url, selector, position, snippet) of an observation and of its
// `more` from the page while the page is alive.
void Materialize(PageView& page, Observation* obs);

}  // namespace verifica::rules::decl

#endif  // VERIFICA_RULES_DECL_PRIMITIVES_H_
