// wcag-html-lang: the <html> element of a page has a lang attribute that is not
// empty (WCAG 3.1.1, ACT b5c3f8).
//
// wcag-html-lang-valid: the lang attribute of the <html> element has a known
// primary language subtag (WCAG 3.1.1, ACT bf051a).
#include "rules/wcag/document_rules.h"
#include "rules/wcag/lang_tags.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// The document element, when it is an HTML <html> element (the runner only
// calls HTML rules on text/html pages, which are always top-level here: iframes
// are separate pages).
bool IsRootHtml(dom::NodeId node, const dom::Document& doc) {
  return node == doc.html() && doc.IsElement(node, "html");
}

}  // namespace

std::vector<std::string> HtmlLangRule::Tags() const { return {"html"}; }

std::optional<Verdict> HtmlLangRule::Check(dom::NodeId node,
                                           PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!IsRootHtml(node, doc)) return std::nullopt;
  const std::string* lang = doc.Attr(node, "lang");
  if (lang == nullptr) {
    // xml:lang alone does nothing in an HTML document.
    if (const std::string* xml_lang = doc.Attr(node, "xml:lang");
        xml_lang != nullptr) {
      return Fail("fail-xml-lang",
                  {std::string(text::TruncateUtf8(*xml_lang, 64))});
    }
    return Fail("fail-missing");
  }
  const std::string_view value = text::TrimHtmlSpace(*lang);
  if (value.empty()) return Fail("fail-blank");
  return Pass("pass", {std::string(text::TruncateUtf8(*lang, 64))});
}

std::vector<std::string> HtmlLangValidRule::Tags() const { return {"html"}; }

std::optional<Verdict> HtmlLangValidRule::Check(dom::NodeId node,
                                                PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!IsRootHtml(node, doc)) return std::nullopt;
  const std::string* lang = doc.Attr(node, "lang");
  // Applicability: a lang attribute that is neither empty nor only ASCII white
  // space (a missing or blank one is wcag-html-lang's failure).
  if (lang == nullptr || text::TrimHtmlSpace(*lang).empty())
    return std::nullopt;
  return LanguageVerdict(*lang);
}

}  // namespace verifica::rules
