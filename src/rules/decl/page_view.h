// What pack primitives read of a page: folded text (whole page, template chrome, main content),
// links with their folded text and resolved URL, headings, the title, forms, and whether the
// page is an empty JavaScript shell. Built from a parsed HTML page, or from the text of a
// document (a PDF aviso de privacidad). Facets are computed on first use.
// A PageView belongs to one page and one thread; the Document must outlive it.
#ifndef VERIFICA_RULES_DECL_PAGE_VIEW_H_
#define VERIFICA_RULES_DECL_PAGE_VIEW_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dom/document.h"

namespace verifica::rules::decl {

struct LinkFact {
  dom::NodeId node = dom::kNoNode;
  std::string text;  // folded: content, aria-label, title and alt of images inside
  std::string href;  // the attribute as written
  std::string url;   // absolute, normalised; "mailto:..."/"tel:..." lower-cased; "" if invalid
  std::string folded_url;  // percent-decoded and folded, for href patterns
  std::string host;        // lower case, "" for non-http(s)
  bool chrome = false;     // inside header, nav or footer (banner, navigation, contentinfo)
};

struct HeadingFact {
  dom::NodeId node = dom::kNoNode;
  int level = 1;
  std::string text;  // folded
};

// Folded text and, for each block (paragraph, cell, list item...), where it starts and the
// element it came from, so a match can be traced back to an element.
struct TextFacet {
  struct Block {
    size_t offset = 0;
    dom::NodeId node = dom::kNoNode;
  };
  std::string text;
  std::vector<Block> blocks;
  // The element whose block contains byte `offset`, or kNoNode.
  dom::NodeId NodeAt(size_t offset) const;
};

enum class Region : uint8_t { kAll, kChrome, kMain };

class PageView {
 public:
  // An HTML page (not owned; must outlive the view).
  explicit PageView(const dom::Document& doc);
  // A document's extracted text (e.g. a PDF). `readable` is false when it has no text layer.
  static PageView FromText(std::string url, std::string_view raw_text, std::string title,
                           bool readable);

  PageView(PageView&&) = default;
  PageView(const PageView&) = delete;
  PageView& operator=(const PageView&) = delete;
  ~PageView();

  const std::string& url() const { return url_; }
  const dom::Document* doc() const { return doc_; }
  bool is_document() const { return doc_ == nullptr; }
  // False for documents without a text layer (scanned PDFs): nothing can be said about them.
  bool readable() const { return readable_; }

  const std::string& title();                  // folded <title> (document: its title)
  const std::vector<HeadingFact>& headings();  // h1-h6 and role=heading, in order
  const std::vector<LinkFact>& links();        // a[href], area[href], in order
  const TextFacet& text(Region region = Region::kAll);
  const std::vector<dom::NodeId>& forms();
  // An empty body driven by scripts: the content is rendered by JavaScript, which a static
  // checker does not run. Absence of evidence on such a page means "needs rendering".
  bool needs_rendering();

  // Selector, position and snippet of a node, for evidence.
  std::string Selector(dom::NodeId id) const;
  std::string Snippet(dom::NodeId id, size_t max_bytes = 240) const;
  uint32_t Line(dom::NodeId id) const;
  uint32_t Column(dom::NodeId id) const;

  // Folded text of an element's subtree (skipping script/style/template).
  std::string FoldedTextOf(dom::NodeId id) const;

 private:
  PageView() = default;
  void BuildText();
  void BuildLinks();

  const dom::Document* doc_ = nullptr;
  std::string url_;
  bool readable_ = true;
  std::optional<std::string> title_;
  std::optional<std::vector<HeadingFact>> headings_;
  std::optional<std::vector<LinkFact>> links_;
  std::optional<std::vector<dom::NodeId>> forms_;
  bool text_built_ = false;
  TextFacet all_, chrome_, main_;
  size_t shell_text_bytes_ = 0;  // folded text outside <noscript>
  std::optional<bool> needs_rendering_;
};

// "%C3%ADndice" → "índice"; invalid escapes are kept as written.
std::string PercentDecode(std::string_view s);
// The lower-case file extension of a URL's path ("pdf"), or "".
std::string UrlExtension(std::string_view url);

}  // namespace verifica::rules::decl

#endif  // VERIFICA_RULES_DECL_PAGE_VIEW_H_
