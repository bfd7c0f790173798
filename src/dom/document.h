// The page model: an immutable tree of nodes stored in one vector in document (pre-)order and
// addressed by index. Built once by the html module (from Gumbo) and then only read, so it can
// be shared by every rule on every thread. No Gumbo type appears here.
#ifndef VERIFICA_DOM_DOCUMENT_H_
#define VERIFICA_DOM_DOCUMENT_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace verifica::dom {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

enum class NodeType : uint8_t { kDocument, kElement, kText, kComment };
enum class Namespace : uint8_t { kHtml, kSvg, kMathMl };

struct Attribute {
  std::string name;   // lower case for HTML elements; SVG names keep their adjusted case
  std::string value;
};

struct Node {
  NodeType type = NodeType::kElement;
  Namespace ns = Namespace::kHtml;
  NodeId parent = kNoNode;
  // Nodes of this node's subtree are [id + 1, subtree_end) in the vector.
  NodeId subtree_end = 0;
  uint32_t depth = 0;
  uint32_t line = 0;    // 1-based source position of the start tag (0 when implied)
  uint32_t column = 0;
  uint32_t source_offset = 0;  // byte offset and length of the start tag in Document::source()
  uint32_t source_length = 0;
  std::string tag;      // element local name, ASCII lower case ("svg", "foreignobject")
  std::string text;     // character data of text and comment nodes
  std::vector<Attribute> attrs;
  std::vector<NodeId> children;

  bool is_element() const { return type == NodeType::kElement; }
  bool is_text() const { return type == NodeType::kText; }
};

class Document {
 public:
  Document() = default;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  size_t size() const { return nodes_.size(); }
  const Node& node(NodeId id) const { return nodes_[id]; }
  const std::vector<Node>& nodes() const { return nodes_; }

  NodeId root() const { return 0; }              // the document node
  NodeId html() const { return html_; }          // <html>, or kNoNode
  NodeId head() const { return head_; }
  NodeId body() const { return body_; }

  // Attribute lookup by exact name (HTML attribute names are stored lower case).
  const std::string* Attr(NodeId id, std::string_view name) const;
  bool HasAttr(NodeId id, std::string_view name) const { return Attr(id, name) != nullptr; }
  bool IsElement(NodeId id, std::string_view tag, Namespace ns = Namespace::kHtml) const {
    const Node& n = nodes_[id];
    return n.type == NodeType::kElement && n.ns == ns && n.tag == tag;
  }

  // First element in tree order with this id attribute, or kNoNode.
  NodeId GetElementById(std::string_view id) const;
  // How many elements carry this id.
  size_t CountId(std::string_view id) const;

  // Concatenated character data of every text node below `id` (DOM textContent).
  std::string TextContent(NodeId id) const;

  // Unique CSS selector for an element: "#id" when that id is unique, else a child chain
  // ("html > body > main > p:nth-child(3) > img") anchored at the nearest unique id.
  std::string Selector(NodeId id) const;

  // The element's start tag as written in the source (or rebuilt when the tag was implied),
  // cut at `max_bytes` on a UTF-8 boundary with "…" appended when cut.
  std::string Snippet(NodeId id, size_t max_bytes = 240) const;

  // The document of an <iframe srcdoc> of this page, parsed by the html module (nested srcdoc
  // frames only to a small depth, see html::ParseOptions); nullptr when the element has no
  // srcdoc document. Frames loaded from `src` are never fetched, so they have none.
  const Document* SrcdocDocument(NodeId iframe) const;

  // The page source the tree was built from, as UTF-8.
  const std::string& source() const { return source_; }

  // Attributes of the page that rules may ask for.
  const std::string& url() const { return url_; }
  const std::string& content_type() const { return content_type_; }
  // True for HTML documents; false for SVG/XML documents, which HTML rules do not apply to.
  bool is_html() const { return is_html_; }
  // The encoding the bytes were decoded from ("utf-8", "windows-1252", ...).
  const std::string& encoding() const { return encoding_; }
  // Number of parse errors the HTML parser reported.
  size_t parse_errors() const { return parse_errors_; }
  uint32_t max_depth() const { return max_depth_; }

 private:
  friend class DocumentBuilder;
  std::vector<Node> nodes_;
  std::unordered_map<std::string, std::vector<NodeId>> ids_;
  std::vector<std::pair<NodeId, std::unique_ptr<Document>>> srcdocs_;  // by iframe, in order
  NodeId html_ = kNoNode, head_ = kNoNode, body_ = kNoNode;
  std::string source_;
  std::string url_;
  std::string content_type_;
  std::string encoding_ = "utf-8";
  bool is_html_ = true;
  size_t parse_errors_ = 0;
  uint32_t max_depth_ = 0;
};

// Appends nodes in document order; used by the html module (and by tests to build trees).
class DocumentBuilder {
 public:
  DocumentBuilder();
  // Opens an element as the last child of the current element; returns its id.
  NodeId OpenElement(std::string tag, Namespace ns, std::vector<Attribute> attrs,
                     uint32_t line = 0, uint32_t column = 0, uint32_t offset = 0,
                     uint32_t length = 0);
  // Closes the current element.
  void CloseElement();
  NodeId AddText(std::string text, uint32_t line = 0, uint32_t column = 0);
  NodeId AddComment(std::string text);

  void set_source(std::string s) { doc_.source_ = std::move(s); }
  void set_url(std::string s) { doc_.url_ = std::move(s); }
  void set_content_type(std::string s) { doc_.content_type_ = std::move(s); }
  void set_is_html(bool v) { doc_.is_html_ = v; }
  void set_encoding(std::string s) { doc_.encoding_ = std::move(s); }
  void set_parse_errors(size_t n) { doc_.parse_errors_ = n; }
  // Attaches the parsed srcdoc document of the iframe `iframe` (an element already added).
  void AddSrcdocDocument(NodeId iframe, Document nested);

  // Closes what is still open and returns the finished document.
  Document Finish();

 private:
  NodeId Append(Node n);
  Document doc_;
  std::vector<NodeId> open_;
};

// CSS identifier escaping (CSSOM "serialize an identifier").
std::string CssEscape(std::string_view ident);

}  // namespace verifica::dom

#endif  // VERIFICA_DOM_DOCUMENT_H_
