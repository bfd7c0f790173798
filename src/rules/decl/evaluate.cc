#include "rules/decl/evaluate.h"

#include <algorithm>
#include <memory>
#include <optional>

namespace verifica::rules::decl {

using findings::Outcome;

namespace {

int Rank(State s) {
  switch (s) {
    case State::kHolds:
      return 3;
    case State::kFails:
      return 2;
    case State::kUnknown:
      return 1;
    case State::kAbsent:
      break;
  }
  return 0;
}

// An item's observation over several pages: it holds if it holds anywhere; otherwise a
// failure, then "cannot tell", then absence.
const Observation* Pool(const std::vector<const RuleObservations*>& pages,
                        std::vector<Observation> RuleObservations::*list, size_t i) {
  const Observation* best = nullptr;
  for (const RuleObservations* p : pages) {
    const std::vector<Observation>& v = p->*list;
    if (i >= v.size()) continue;
    if (best == nullptr || Rank(v[i].state) > Rank(best->state)) best = &v[i];
  }
  return best;
}

std::string PagesArg(const std::vector<const RuleObservations*>& pages) {
  std::string out;
  size_t n = 0;
  for (const RuleObservations* p : pages) {
    if (n == 3) {
      out += " (+" + std::to_string(pages.size() - 3) + ")";
      break;
    }
    if (!out.empty()) out += ", ";
    out += p->url;
    ++n;
  }
  return out;
}

JudgedFinding Make(Outcome outcome, std::string message, const Observation& obs,
                   std::string pages_arg) {
  JudgedFinding f;
  f.outcome = outcome;
  f.message_id = std::move(message);
  f.evidence = obs;
  f.evidence.more.clear();
  f.evidence.targets.clear();
  f.args = {obs.text, obs.detail, pages_arg.empty() ? obs.url : std::move(pages_arg)};
  return f;
}

Outcome FromMissing(Missing m) {
  switch (m) {
    case Missing::kFailed:
      return Outcome::kFailed;
    case Missing::kCantTell:
      return Outcome::kCantTell;
    case Missing::kInapplicable:
      break;
  }
  return Outcome::kInapplicable;
}

}  // namespace

PageView& SharedPageView(PageCache& cache, const dom::Document& doc) {
  static const char kViewKey = 0;
  return cache.Get<PageView>(&kViewKey, [&] { return std::make_shared<PageView>(doc); });
}

bool IsEntityScope(const findings::RuleInfo& info) {
  return std::find(info.tags.begin(), info.tags.end(), kEntityScopeTag) != info.tags.end();
}

RuleObservations ObserveRule(const RuleSpec& rule, PageView& page, const EvalContext& ctx,
                             dom::NodeId form) {
  RuleObservations r;
  r.url = page.url();
  r.readable = page.readable();
  auto observe = [&](const EvidenceItem& e) {
    Observation o;
    if (!page.readable()) {
      o.state = State::kUnknown;
      o.message = std::string(kMsgNotReadable);
    } else if (form != dom::kNoNode && e.primitive->per_form()) {
      // A parsed form is judged as it is: rendering would not change it.
      o = e.primitive->ObserveForm(page, form, ctx);
    } else {
      o = e.primitive->Observe(page, ctx);
      if (o.state == State::kAbsent && page.needs_rendering()) {
        r.needs_rendering = true;
        o.state = State::kUnknown;
        o.message = std::string(kMsgNeedsRendering);
      }
    }
    Materialize(page, &o);
    return o;
  };
  for (auto [items, out] : {std::pair{&rule.applies_if, &r.applies_if},
                            std::pair{&rule.all, &r.all}, std::pair{&rule.any, &r.any},
                            std::pair{&rule.none, &r.none}, std::pair{&rule.weak, &r.weak}}) {
    out->reserve(items->size());
    for (const EvidenceItem& e : *items) out->push_back(observe(e));
  }
  return r;
}

void ResolveRule(const RuleSpec& rule, RuleObservations* obs, const EvalContext& ctx) {
  for (auto [items, out] : {std::pair{&rule.applies_if, &obs->applies_if},
                            std::pair{&rule.all, &obs->all}, std::pair{&rule.any, &obs->any},
                            std::pair{&rule.none, &obs->none}, std::pair{&rule.weak, &obs->weak}}) {
    for (size_t i = 0; i < items->size() && i < out->size(); ++i) {
      (*items)[i].primitive->Resolve((*out)[i], ctx);
    }
  }
}

Judgement Judge(const RuleSpec& rule, const std::vector<const RuleObservations*>& pages) {
  Judgement j;
  if (pages.empty()) return j;
  const std::string pages_arg = PagesArg(pages);
  auto item_message = [](const EvidenceItem& e, const Observation& o, std::string_view dflt) {
    if (!o.message.empty()) return o.message;
    if (!e.message.empty()) return e.message;
    return std::string(dflt);
  };

  // Applicability.
  if (!rule.applies_if.empty()) {
    const Observation* unknown = nullptr;
    bool applies = false;
    for (size_t i = 0; i < rule.applies_if.size(); ++i) {
      const Observation* o = Pool(pages, &RuleObservations::applies_if, i);
      if (o == nullptr) continue;
      if (o->state == State::kHolds) applies = true;
      if (o->state == State::kUnknown && unknown == nullptr) unknown = o;
    }
    if (!applies) {
      if (unknown != nullptr) {
        j.findings.push_back(Make(Outcome::kCantTell, unknown->message, *unknown, pages_arg));
        j.outcome = Outcome::kCantTell;
      }
      return j;
    }
  }

  std::vector<JudgedFinding> negative;
  std::vector<const Observation*> passes;
  std::vector<const Observation*> unknowns;
  struct MissingItem {
    const EvidenceItem* item;  // null for the `any` group
    const Observation* obs;
  };
  std::vector<MissingItem> missing;

  auto add_failures = [&](const EvidenceItem& e, const Observation& o) {
    negative.push_back(Make(Outcome::kFailed, item_message(e, o, kMsgMissing), o, ""));
    for (const Observation& m : o.more) {
      negative.push_back(Make(Outcome::kFailed, item_message(e, m, kMsgMissing), m, ""));
    }
  };

  // Prohibited evidence: every page where it is found is a finding.
  for (size_t i = 0; i < rule.none.size(); ++i) {
    const EvidenceItem& e = rule.none[i];
    bool found = false;
    const Observation* unknown = nullptr;
    for (const RuleObservations* p : pages) {
      if (i >= p->none.size()) continue;
      const Observation& o = p->none[i];
      if (o.state == State::kHolds || o.state == State::kFails) {
        found = true;
        const std::string msg = e.message.empty() ? std::string(kMsgFound) : e.message;
        negative.push_back(Make(rule.when_found, msg, o, ""));
        for (const Observation& m : o.more) negative.push_back(Make(rule.when_found, msg, m, ""));
      } else if (o.state == State::kUnknown && unknown == nullptr) {
        unknown = &o;
      }
    }
    if (!found && unknown != nullptr) unknowns.push_back(unknown);
  }

  // Required evidence.
  for (size_t i = 0; i < rule.all.size(); ++i) {
    const Observation* o = Pool(pages, &RuleObservations::all, i);
    if (o == nullptr) continue;
    switch (o->state) {
      case State::kHolds:
        passes.push_back(o);
        break;
      case State::kFails:
        add_failures(rule.all[i], *o);
        break;
      case State::kUnknown:
        unknowns.push_back(o);
        break;
      case State::kAbsent:
        missing.push_back({&rule.all[i], o});
        break;
    }
  }
  if (!rule.any.empty()) {
    int holds = 0;
    const Observation* first_hold = nullptr;
    std::vector<std::pair<const EvidenceItem*, const Observation*>> fails;
    const Observation* unknown = nullptr;
    const Observation* absent = nullptr;
    for (size_t i = 0; i < rule.any.size(); ++i) {
      const Observation* o = Pool(pages, &RuleObservations::any, i);
      if (o == nullptr) continue;
      if (o->state == State::kHolds) {
        ++holds;
        if (first_hold == nullptr) first_hold = o;
      } else if (o->state == State::kFails) {
        fails.emplace_back(&rule.any[i], o);
      } else if (o->state == State::kUnknown) {
        if (unknown == nullptr) unknown = o;
      } else if (absent == nullptr) {
        absent = o;
      }
    }
    if (holds >= rule.any_min) {
      passes.push_back(first_hold);
    } else if (!fails.empty()) {
      for (auto [e, o] : fails) add_failures(*e, *o);
    } else if (unknown != nullptr) {
      unknowns.push_back(unknown);
    } else if (absent != nullptr) {
      missing.push_back({nullptr, absent});
    }
  }

  bool missing_inapplicable = false;
  if (!unknowns.empty()) {
    // Never "absent" when the page could not be read: needs review.
    std::vector<std::string> said;
    for (const Observation* o : unknowns) {
      const std::string msg = o->message.empty() ? std::string(kMsgNeedsRendering) : o->message;
      if (std::find(said.begin(), said.end(), msg) != said.end()) continue;
      said.push_back(msg);
      negative.push_back(Make(Outcome::kCantTell, msg, *o, pages_arg));
    }
  } else if (!missing.empty()) {
    const Observation* weak = nullptr;
    const EvidenceItem* weak_item = nullptr;
    for (size_t i = 0; i < rule.weak.size() && weak == nullptr; ++i) {
      const Observation* o = Pool(pages, &RuleObservations::weak, i);
      if (o != nullptr && o->state == State::kHolds) {
        weak = o;
        weak_item = &rule.weak[i];
      }
    }
    if (weak != nullptr) {
      negative.push_back(
          Make(Outcome::kCantTell, item_message(*weak_item, *weak, kMsgMissing), *weak, ""));
    } else {
      const Outcome out = FromMissing(rule.when_missing);
      if (out == Outcome::kInapplicable) {
        missing_inapplicable = true;
      } else {
        for (const MissingItem& m : missing) {
          std::string msg = m.item != nullptr && !m.item->message.empty()
                                ? m.item->message
                                : std::string(kMsgMissing);
          Observation where = *m.obs;
          where.url = pages.front()->url;
          where.text.clear();
          negative.push_back(Make(out, std::move(msg), where, pages_arg));
        }
      }
    }
  }

  for (const JudgedFinding& f : negative) j.outcome = findings::Worst(j.outcome, f.outcome);
  if (!negative.empty()) {
    j.findings = std::move(negative);
    return j;
  }
  if (missing_inapplicable) return j;  // inapplicable
  const bool has_required = !rule.all.empty() || !rule.any.empty();
  if (!has_required && !rule.clear_passes) return j;  // none-only rule, nothing found
  j.outcome = Outcome::kPassed;
  if (!passes.empty()) {
    j.findings.push_back(Make(Outcome::kPassed, std::string(kMsgPass), *passes.front(), ""));
  } else if (rule.info.messages.count(std::string(kMsgPass))) {
    Observation where;
    where.url = pages.front()->url;
    j.findings.push_back(Make(Outcome::kPassed, std::string(kMsgPass), where, pages_arg));
  }
  return j;
}

findings::Finding RenderFinding(const RuleSpec& rule, const JudgedFinding& jf) {
  findings::Finding f;
  f.outcome = jf.outcome;
  f.selector = jf.evidence.selector;
  f.line = jf.evidence.line;
  f.column = jf.evidence.column;
  f.snippet = jf.evidence.snippet;
  f.message_id = jf.message_id;
  f.args = jf.args;
  f.url = jf.evidence.url;
  const auto& msgs = rule.info.messages;
  if (auto it = msgs.find(jf.message_id); it != msgs.end()) {
    f.message.es = FormatMessage(it->second.es, jf.args);
    f.message.en = FormatMessage(it->second.en, jf.args);
  } else {
    f.message.es = f.message.en = "[" + rule.info.id + ": " + jf.message_id + "]";
  }
  return f;
}

PackPageRule::PackPageRule(std::shared_ptr<const RuleSpec> spec, CivilDate today)
    : Rule(spec->info), spec_(std::move(spec)), today_(today) {}

std::vector<std::string> PackPageRule::Tags() const { return {spec_->per_form ? "form" : "html"}; }

std::optional<Verdict> PackPageRule::Check(dom::NodeId node, PageContext& ctx) const {
  if (spec_->per_form && ctx.doc.node(node).ns != dom::Namespace::kHtml) return std::nullopt;
  if (!spec_->per_form && node != ctx.doc.html()) return std::nullopt;
  // One view per page, shared by every pack rule: its facets (folded text, links) are the
  // costly part and do not depend on the rule.
  std::optional<PageView> own;
  PageView* view_ptr = nullptr;
  if (ctx.cache != nullptr) {
    view_ptr = &SharedPageView(*ctx.cache, ctx.doc);
  } else {
    view_ptr = &own.emplace(ctx.doc);
  }
  PageView& view = *view_ptr;
  EvalContext ec;
  ec.today = today_;
  RuleObservations obs = ObserveRule(*spec_, view, ec, spec_->per_form ? node : dom::kNoNode);
  if (spec_->per_form) {
    // Applies to forms that collect personal data, i.e. where a per-form item saw something.
    bool personal = false;
    for (auto [items, seen] :
         {std::pair{&spec_->applies_if, &obs.applies_if}, std::pair{&spec_->all, &obs.all},
          std::pair{&spec_->any, &obs.any}, std::pair{&spec_->none, &obs.none}}) {
      for (size_t i = 0; i < items->size(); ++i) {
        if ((*items)[i].primitive->per_form() && (*seen)[i].state != State::kAbsent)
          personal = true;
      }
    }
    if (!personal) return std::nullopt;
  }
  Judgement j = Judge(*spec_, {&obs});
  if (j.outcome == Outcome::kInapplicable || j.findings.empty()) return std::nullopt;
  const JudgedFinding* pick = &j.findings.front();
  for (const JudgedFinding& f : j.findings) {
    if (f.outcome == j.outcome) {
      pick = &f;
      break;
    }
  }
  Verdict v;
  v.outcome = pick->outcome;
  v.message_id = pick->message_id;
  v.args = pick->args;
  v.target = pick->evidence.node < ctx.doc.size() ? pick->evidence.node : dom::kNoNode;
  return v;
}

PackEntityRule::PackEntityRule(std::shared_ptr<const RuleSpec> spec)
    : Rule(spec->info), spec_(std::move(spec)) {}

std::vector<std::string> PackEntityRule::Tags() const {
  // No element has this name: entity rules are judged per entity, never per page.
  return {"#entity"};
}

std::optional<Verdict> PackEntityRule::Check(dom::NodeId, PageContext&) const {
  return std::nullopt;
}

}  // namespace verifica::rules::decl
