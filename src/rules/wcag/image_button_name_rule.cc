// wcag-image-button-name: Every image button (<input type="image">) in the
// accessibility tree has a non-empty accessible name other than the browser's
// default "Submit Query".
//
// WCAG 1.1.1 and 4.1.2 (A); ACT 59796f.
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

std::vector<std::string> ImageButtonNameRule::Tags() const { return {"input"}; }

std::optional<Verdict> ImageButtonNameRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!doc.IsElement(node, "input")) return std::nullopt;
  const std::string* type = doc.Attr(node, "type");
  if (type == nullptr || !text::EqualsIgnoreAsciiCase(text::TrimHtmlSpace(*type), "image")) {
    return std::nullopt;
  }
  const names::Inclusion inclusion = names::InTree(ctx, node);
  if (inclusion == names::Inclusion::kExcluded) return std::nullopt;

  const std::string* src = doc.Attr(node, "src");
  const std::string file =
      src != nullptr && !text::IsBlank(*src) ? names::FileName(*src) : names::TagLabel(doc, node);
  const std::string& name = ctx.aria.Name(node);
  // The default name ("Submit Query", "Enviar consulta"...) says nothing about
  // the button.
  if (!text::IsBlank(name) && ctx.aria.NameSource(node) != "default") {
    return Pass("pass", {names::Clip(name), file});
  }

  Verdict fail = Fail("fail-no-alt", {file});
  const std::string* alt = doc.Attr(node, "alt");
  if (std::optional<Verdict> aria_problem = names::DiagnoseAriaNaming(ctx, node)) {
    fail = std::move(*aria_problem);
  } else if (alt != nullptr && text::IsBlank(*alt)) {
    fail = Fail("fail-empty-alt", {file});
  } else if (const std::string* name_attr = doc.Attr(node, "name");
             name_attr != nullptr && !text::IsBlank(*name_attr)) {
    fail = Fail("fail-name-attr", {file, names::Clip(*name_attr, 60)});
  }
  return names::FailOrReview(inclusion, std::move(fail), file);
}

}  // namespace verifica::rules
