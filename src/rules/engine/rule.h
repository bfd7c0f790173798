// A rule: its metadata (loaded from the embedded rules/<pack>/<id>.json) and a pure function
// of one element of a parsed page. Rules hold no mutable state, so one instance serves every
// page on every thread.
#ifndef VERIFICA_RULES_ENGINE_RULE_H_
#define VERIFICA_RULES_ENGINE_RULE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aria/aria.h"
#include "dom/document.h"
#include "findings/findings.h"
#include "util/status.h"

namespace verifica::rules {

using findings::Impact;
using findings::LocalizedText;
using findings::Outcome;

using findings::LegalBasis;
using RuleMeta = findings::RuleInfo;

// Parses rule metadata JSON (the rules/wcag/<id>.json format described in rules/README.md).
// `where` names the source for error messages.
Result<RuleMeta> ParseRuleMeta(std::string_view json_text, std::string_view where);

// Data derived from one page that several rules share (the pack rules' text and link views):
// built by the first rule that asks, kept until the page is done. Per page, so per thread.
class PageCache {
 public:
  // The entry stored under `key` (any object's address, typically a function-local static),
  // made by `make()` (which returns a std::shared_ptr<T>) on first use.
  template <typename T, typename Make>
  T& Get(const void* key, Make make) {
    for (const Entry& e : entries_) {
      if (e.key == key) return *static_cast<T*>(e.value.get());
    }
    std::shared_ptr<T> value = make();
    T& ref = *value;
    entries_.push_back({key, std::move(value)});
    return ref;
  }

 private:
  struct Entry {
    const void* key;
    std::shared_ptr<void> value;
  };
  std::vector<Entry> entries_;
};

// Per-page input of rules. The aria cache is per page and so per thread.
struct PageContext {
  const dom::Document& doc;
  aria::PageAria& aria;
  PageCache* cache = nullptr;  // shared per-page data; null when the caller keeps none
};

// A rule's verdict on one applicable element.
struct Verdict {
  Outcome outcome = Outcome::kPassed;  // passed, cantTell or failed
  std::string message_id;              // key of RuleMeta::messages
  std::vector<std::string> args;
  dom::NodeId target = dom::kNoNode;  // element to report; defaults to the tested element
};

class Rule {
 public:
  explicit Rule(RuleMeta meta) : meta_(std::move(meta)) {}
  virtual ~Rule() = default;
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;

  const RuleMeta& meta() const { return meta_; }
  const std::string& id() const { return meta_.id; }

  // Element names (lower case local names) the rule may apply to; empty means every element.
  // The runner calls Check only for these.
  virtual std::vector<std::string> Tags() const { return {}; }

  // std::nullopt when the rule does not apply to this element; otherwise the verdict.
  virtual std::optional<Verdict> Check(dom::NodeId node, PageContext& ctx) const = 0;

 private:
  RuleMeta meta_;
};

// Helpers for rule implementations.
inline Verdict Pass(std::string message_id = "pass", std::vector<std::string> args = {}) {
  return {Outcome::kPassed, std::move(message_id), std::move(args), dom::kNoNode};
}
inline Verdict Fail(std::string message_id, std::vector<std::string> args = {}) {
  return {Outcome::kFailed, std::move(message_id), std::move(args), dom::kNoNode};
}
inline Verdict Review(std::string message_id, std::vector<std::string> args = {}) {
  return {Outcome::kCantTell, std::move(message_id), std::move(args), dom::kNoNode};
}

// Fills "{0}", "{1}"... in `tmpl` with `args` (missing args stay as written).
std::string FormatMessage(std::string_view tmpl, const std::vector<std::string>& args);

}  // namespace verifica::rules

#endif  // VERIFICA_RULES_ENGINE_RULE_H_
