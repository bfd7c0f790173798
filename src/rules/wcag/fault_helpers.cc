// Helpers shared by the rules of fault_rules.h.
#include <algorithm>
#include <string>

#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"
#include "util/text.h"
#include "util/url.h"

namespace verifica::rules::faults {

namespace {

// <script type> values that are data blocks, not scripts (HTML: a type that is not a
// JavaScript MIME type and not "module").
bool IsDataBlock(const dom::Document& doc, dom::NodeId id) {
  const std::string* type = doc.Attr(id, "type");
  if (type == nullptr || text::IsBlank(*type)) return false;
  const std::string t = text::AsciiLower(text::TrimHtmlSpace(*type));
  return t != "module" && t.find("javascript") == std::string::npos &&
         t.find("ecmascript") == std::string::npos;
}

}  // namespace

bool PageHasScript(const dom::Document& doc) {
  for (dom::NodeId i = 0; i < doc.size(); ++i) {
    const dom::Node& n = doc.node(i);
    if (!n.is_element()) continue;
    if (n.tag == "script" && !IsDataBlock(doc, i)) return true;
    for (const dom::Attribute& a : n.attrs) {
      if (a.name.size() > 2 && a.name[0] == 'o' && a.name[1] == 'n') return true;
    }
  }
  return false;
}

int HeadingLevel(PageContext& ctx, dom::NodeId id) {
  const dom::Document& doc = ctx.doc;
  if (const std::string* level = doc.Attr(id, "aria-level")) {
    const std::string_view v = text::TrimHtmlSpace(*level);
    if (!v.empty() && v.size() <= 2 &&
        std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      const int n = std::stoi(std::string(v));
      if (n >= 1) return n;
    }
  }
  const dom::Node& n = doc.node(id);
  if (n.ns == dom::Namespace::kHtml && n.tag.size() == 2 && n.tag[0] == 'h' && n.tag[1] >= '1' &&
      n.tag[1] <= '6') {
    return n.tag[1] - '0';
  }
  return 2;
}

dom::NodeId FragmentTarget(const dom::Document& doc, std::string_view fragment) {
  for (const std::string& f : {std::string(fragment), url::PercentDecode(fragment)}) {
    if (f.empty()) continue;
    if (dom::NodeId id = doc.GetElementById(f); id != dom::kNoNode) return id;
    for (dom::NodeId i = 0; i < doc.size(); ++i) {
      if (!doc.IsElement(i, "a")) continue;
      if (const std::string* name = doc.Attr(i, "name"); name != nullptr && *name == f) return i;
    }
  }
  return dom::kNoNode;
}

}  // namespace verifica::rules::faults
