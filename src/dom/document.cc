#include "dom/document.h"

#include <cstdio>

#include "util/text.h"

namespace verifica::dom {

const std::string* Document::Attr(NodeId id, std::string_view name) const {
  for (const Attribute& a : nodes_[id].attrs) {
    if (a.name == name) return &a.value;
  }
  return nullptr;
}

NodeId Document::GetElementById(std::string_view id) const {
  auto it = ids_.find(std::string(id));
  return it == ids_.end() || it->second.empty() ? kNoNode : it->second.front();
}

const Document* Document::SrcdocDocument(NodeId iframe) const {
  for (const auto& [id, nested] : srcdocs_) {
    if (id == iframe) return nested.get();
  }
  return nullptr;
}

size_t Document::CountId(std::string_view id) const {
  auto it = ids_.find(std::string(id));
  return it == ids_.end() ? 0 : it->second.size();
}

std::string Document::TextContent(NodeId id) const {
  std::string out;
  const NodeId end = nodes_[id].subtree_end;
  for (NodeId i = id; i < end; ++i) {
    if (nodes_[i].type == NodeType::kText) out += nodes_[i].text;
  }
  return out;
}

std::string CssEscape(std::string_view ident) {
  std::string out;
  for (size_t i = 0; i < ident.size(); ++i) {
    const auto c = static_cast<unsigned char>(ident[i]);
    const bool digit = c >= '0' && c <= '9';
    if (c == 0) {
      out += "\xEF\xBF\xBD";
    } else if ((c >= 0x01 && c <= 0x1F) || c == 0x7F || (i == 0 && digit) ||
               (i == 1 && digit && ident[0] == '-')) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%x ", c);
      out += buf;
    } else if (i == 0 && c == '-' && ident.size() == 1) {
      out += "\\-";
    } else if (c >= 0x80 || c == '-' || c == '_' || digit || (c >= 'a' && c <= 'z') ||
               (c >= 'A' && c <= 'Z')) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::string Document::Selector(NodeId id) const {
  // Deeply nested markup would give selectors of megabytes: past kMaxSteps the chain keeps
  // its innermost steps only (still a valid selector, possibly matching more elements).
  constexpr size_t kMaxSteps = 48;
  std::vector<std::string> parts;
  NodeId cur = id;
  while (cur != kNoNode && nodes_[cur].type == NodeType::kElement && parts.size() < kMaxSteps) {
    const Node& n = nodes_[cur];
    if (const std::string* idv = Attr(cur, "id"); idv && !idv->empty() && CountId(*idv) == 1) {
      parts.push_back("#" + CssEscape(*idv));
      break;
    }
    std::string step = CssEscape(n.tag);
    if (n.parent != kNoNode && nodes_[n.parent].type == NodeType::kElement) {
      size_t index = 0, same_tag = 0, position = 0;
      for (NodeId c : nodes_[n.parent].children) {
        if (nodes_[c].type != NodeType::kElement) continue;
        ++index;
        if (nodes_[c].tag == n.tag) ++same_tag;
        if (c == cur) position = index;
      }
      if (same_tag > 1) step += ":nth-child(" + std::to_string(position) + ")";
    }
    parts.push_back(std::move(step));
    cur = n.parent;
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    if (!out.empty()) out += " > ";
    out += *it;
  }
  return out;
}

std::string Document::Snippet(NodeId id, size_t max_bytes) const {
  const Node& n = nodes_[id];
  std::string s;
  if (n.type == NodeType::kText) {
    s = text::CollapseWhitespace(n.text);
  } else if (n.type != NodeType::kElement) {
    return {};
  } else if (n.source_length > 0 && size_t{n.source_offset} + n.source_length <= source_.size()) {
    s = source_.substr(n.source_offset, n.source_length);
  } else {
    s = "<" + n.tag;
    for (const Attribute& a : n.attrs) {
      s += " " + a.name + "=\"" + a.value + "\"";
    }
    s += ">";
  }
  if (s.size() > max_bytes) {
    s = std::string(text::TruncateUtf8(s, max_bytes)) + "\xE2\x80\xA6";
  }
  return s;
}

DocumentBuilder::DocumentBuilder() {
  Node doc;
  doc.type = NodeType::kDocument;
  doc_.nodes_.push_back(std::move(doc));
  open_.push_back(0);
}

NodeId DocumentBuilder::Append(Node n) {
  const NodeId parent = open_.back();
  const auto id = static_cast<NodeId>(doc_.nodes_.size());
  n.parent = parent;
  n.depth = static_cast<uint32_t>(open_.size());
  n.subtree_end = id + 1;
  if (n.depth > doc_.max_depth_) doc_.max_depth_ = n.depth;
  doc_.nodes_.push_back(std::move(n));
  doc_.nodes_[parent].children.push_back(id);
  return id;
}

NodeId DocumentBuilder::OpenElement(std::string tag, Namespace ns, std::vector<Attribute> attrs,
                                    uint32_t line, uint32_t column, uint32_t offset,
                                    uint32_t length) {
  Node n;
  n.type = NodeType::kElement;
  n.ns = ns;
  n.tag = std::move(tag);
  n.attrs = std::move(attrs);
  n.line = line;
  n.column = column;
  n.source_offset = offset;
  n.source_length = length;
  const NodeId id = Append(std::move(n));
  const Node& added = doc_.nodes_[id];
  if (added.ns == Namespace::kHtml) {
    if (added.tag == "html" && doc_.html_ == kNoNode) doc_.html_ = id;
    if (added.tag == "head" && doc_.head_ == kNoNode) doc_.head_ = id;
    if (added.tag == "body" && doc_.body_ == kNoNode) doc_.body_ = id;
  }
  if (added.ns == Namespace::kSvg && added.tag == "svg" && id == 1) doc_.html_ = kNoNode;
  for (const Attribute& a : added.attrs) {
    if (a.name == "id" && !a.value.empty()) doc_.ids_[a.value].push_back(id);
  }
  open_.push_back(id);
  return id;
}

void DocumentBuilder::CloseElement() {
  if (open_.size() <= 1) return;
  const NodeId id = open_.back();
  open_.pop_back();
  doc_.nodes_[id].subtree_end = static_cast<NodeId>(doc_.nodes_.size());
}

NodeId DocumentBuilder::AddText(std::string text, uint32_t line, uint32_t column) {
  Node n;
  n.type = NodeType::kText;
  n.text = std::move(text);
  n.line = line;
  n.column = column;
  return Append(std::move(n));
}

NodeId DocumentBuilder::AddComment(std::string text) {
  Node n;
  n.type = NodeType::kComment;
  n.text = std::move(text);
  return Append(std::move(n));
}

void DocumentBuilder::AddSrcdocDocument(NodeId iframe, Document nested) {
  doc_.srcdocs_.emplace_back(iframe, std::make_unique<Document>(std::move(nested)));
}

Document DocumentBuilder::Finish() {
  while (open_.size() > 1) CloseElement();
  doc_.nodes_[0].subtree_end = static_cast<NodeId>(doc_.nodes_.size());
  open_.clear();
  return std::move(doc_);
}

}  // namespace verifica::dom
