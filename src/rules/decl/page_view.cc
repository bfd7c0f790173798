#include "rules/decl/page_view.h"

#include <algorithm>
#include <array>

#include "util/text.h"
#include "util/url.h"

namespace verifica::rules::decl {

namespace {

// Elements that do not break a line of text: their text joins the surrounding block's.
bool IsInline(std::string_view tag) {
  static constexpr std::string_view kInline[] = {
      "a",    "abbr",   "b",   "bdi", "bdo",   "big",  "cite", "code", "data", "dfn",
      "em",   "font",   "i",   "kbd", "label", "mark", "q",    "s",    "samp", "small",
      "span", "strong", "sub", "sup", "time",  "tt",   "u",    "var",  "wbr"};
  return std::find(std::begin(kInline), std::end(kInline), tag) != std::end(kInline);
}

// Subtrees whose text is not page content.
bool IsSkipped(const dom::Document& doc, dom::NodeId id) {
  const dom::Node& n = doc.node(id);
  if (n.ns != dom::Namespace::kHtml) return false;
  if (n.tag == "script" || n.tag == "style" || n.tag == "template" || n.tag == "head") return true;
  return doc.HasAttr(id, "hidden");
}

bool IsChromeElement(const dom::Document& doc, dom::NodeId id) {
  const dom::Node& n = doc.node(id);
  if (n.ns != dom::Namespace::kHtml) return false;
  if (n.tag == "header" || n.tag == "nav" || n.tag == "footer") return true;
  if (const std::string* role = doc.Attr(id, "role")) {
    std::string r = text::AsciiLower(text::TrimHtmlSpace(*role));
    return r == "banner" || r == "navigation" || r == "contentinfo";
  }
  return false;
}

std::string_view HostOf(std::string_view u) {
  size_t p = u.find("://");
  if (p == std::string_view::npos) return {};
  std::string_view rest = u.substr(p + 3);
  if (size_t at = rest.find('@'); at != std::string_view::npos && at < rest.find('/')) {
    rest = rest.substr(at + 1);
  }
  size_t end = rest.find_first_of("/?#");
  rest = rest.substr(0, end);
  if (!rest.empty() && rest.front() == '[') {
    size_t close = rest.find(']');
    return close == std::string_view::npos ? rest : rest.substr(1, close - 1);
  }
  return rest.substr(0, rest.find(':'));
}

void AppendBlock(TextFacet* f, const std::string& folded, dom::NodeId node) {
  if (!f->text.empty()) f->text.push_back(' ');
  f->blocks.push_back({f->text.size(), node});
  f->text += folded;
}

}  // namespace

dom::NodeId TextFacet::NodeAt(size_t offset) const {
  auto it = std::upper_bound(blocks.begin(), blocks.end(), offset,
                             [](size_t off, const Block& b) { return off < b.offset; });
  if (it == blocks.begin()) return dom::kNoNode;
  return std::prev(it)->node;
}

std::string PercentDecode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int h = hex(s[i + 1]), l = hex(s[i + 2]);
      if (h >= 0 && l >= 0) {
        out.push_back(static_cast<char>(h * 16 + l));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i] == '+' ? ' ' : s[i]);
  }
  return out;
}

std::string UrlExtension(std::string_view u) {
  std::string_view path = u;
  if (size_t p = path.find("://"); p != std::string_view::npos) {
    path = path.substr(p + 3);
    size_t slash = path.find('/');
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  path = path.substr(0, path.find_first_of("?#"));
  const size_t slash = path.rfind('/');
  std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = last.rfind('.');
  if (dot == std::string_view::npos || dot + 1 >= last.size() || last.size() - dot > 6) return {};
  return text::AsciiLower(last.substr(dot + 1));
}

PageView::PageView(const dom::Document& doc) : doc_(&doc), url_(doc.url()) {}
PageView::~PageView() = default;

PageView PageView::FromText(std::string url, std::string_view raw_text, std::string title,
                            bool readable) {
  PageView v;
  v.url_ = std::move(url);
  v.readable_ = readable;
  // Join words hyphenated across line breaks ("transpa-\nrencia"), as PDF text often has.
  std::string joined;
  joined.reserve(raw_text.size());
  for (size_t i = 0; i < raw_text.size(); ++i) {
    if (raw_text[i] == '-' && i > 0 && i + 1 < raw_text.size() && raw_text[i + 1] == '\n' &&
        ((raw_text[i - 1] >= 'a' && raw_text[i - 1] <= 'z') ||
         static_cast<unsigned char>(raw_text[i - 1]) >= 0x80)) {
      ++i;  // drop "-\n"
      continue;
    }
    joined.push_back(raw_text[i]);
  }
  // Lines become blocks; the first non-empty lines stand in for headings.
  std::vector<HeadingFact> headings;
  size_t start = 0;
  while (start <= joined.size()) {
    size_t nl = joined.find('\n', start);
    if (nl == std::string::npos) nl = joined.size();
    std::string folded = text::Fold(std::string_view(joined).substr(start, nl - start));
    if (!folded.empty()) {
      AppendBlock(&v.all_, folded, dom::kNoNode);
      AppendBlock(&v.main_, folded, dom::kNoNode);
      if (headings.size() < 3) headings.push_back({dom::kNoNode, 1, folded});
    }
    start = nl + 1;
  }
  v.shell_text_bytes_ = v.all_.text.size();
  v.text_built_ = true;
  std::string t = text::Fold(title);
  if (t.empty() && !headings.empty()) t = headings.front().text;
  v.title_ = std::string(text::TruncateUtf8(t, 300));
  v.headings_ = std::move(headings);
  v.links_.emplace();
  v.forms_.emplace();
  v.needs_rendering_ = false;
  return v;
}

std::string PageView::FoldedTextOf(dom::NodeId root) const {
  if (doc_ == nullptr || root >= doc_->size()) return {};
  const dom::Node& r = doc_->node(root);
  if (r.is_text()) return text::Fold(r.text);
  std::string raw;
  for (dom::NodeId id = root + 1; id < r.subtree_end; ++id) {
    const dom::Node& n = doc_->node(id);
    if (n.is_element()) {
      if (IsSkipped(*doc_, id)) {
        id = n.subtree_end - 1;
        continue;
      }
      if (!IsInline(n.tag)) raw.push_back(' ');
    } else if (n.is_text()) {
      raw += n.text;
    }
  }
  return text::Fold(raw);
}

void PageView::BuildText() {
  if (text_built_) return;
  text_built_ = true;
  if (doc_ == nullptr) return;
  struct Open {
    dom::NodeId end;
    dom::NodeId id;
    bool block;
    bool chrome;
    bool noscript;
  };
  std::vector<Open> stack;
  std::string raw;
  dom::NodeId raw_node = dom::kNoNode;
  bool raw_chrome = false, raw_noscript = false;
  auto flush = [&] {
    if (raw.empty()) return;
    std::string folded = text::Fold(raw);
    raw.clear();
    if (folded.empty()) return;
    AppendBlock(&all_, folded, raw_node);
    AppendBlock(raw_chrome ? &chrome_ : &main_, folded, raw_node);
    if (!raw_noscript) shell_text_bytes_ += folded.size();
  };
  const auto& nodes = doc_->nodes();
  for (dom::NodeId id = 1; id < nodes.size(); ++id) {
    while (!stack.empty() && id >= stack.back().end) {
      if (stack.back().block) flush();
      stack.pop_back();
    }
    const dom::Node& n = nodes[id];
    if (n.is_element()) {
      if (IsSkipped(*doc_, id)) {
        id = n.subtree_end - 1;
        continue;
      }
      const bool block = !IsInline(n.tag);
      if (block) flush();
      if (n.tag == "br") raw.push_back(' ');
      const bool parent_chrome = !stack.empty() && stack.back().chrome;
      const bool parent_noscript = !stack.empty() && stack.back().noscript;
      stack.push_back({n.subtree_end, id, block, parent_chrome || IsChromeElement(*doc_, id),
                       parent_noscript || n.tag == "noscript"});
    } else if (n.is_text()) {
      if (raw.empty()) {
        raw_node = dom::kNoNode;
        for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
          if (it->block) {
            raw_node = it->id;
            break;
          }
        }
        if (raw_node == dom::kNoNode && !stack.empty()) raw_node = stack.back().id;
        raw_chrome = !stack.empty() && stack.back().chrome;
        raw_noscript = !stack.empty() && stack.back().noscript;
      }
      raw += n.text;
    }
  }
  flush();
}

const TextFacet& PageView::text(Region region) {
  BuildText();
  switch (region) {
    case Region::kChrome:
      return chrome_;
    case Region::kMain:
      return main_;
    case Region::kAll:
      break;
  }
  return all_;
}

const std::string& PageView::title() {
  if (title_) return *title_;
  title_.emplace();
  if (doc_ == nullptr) return *title_;
  for (dom::NodeId id = 0; id < doc_->size(); ++id) {
    if (doc_->IsElement(id, "title")) {
      *title_ = text::Fold(doc_->TextContent(id));
      break;
    }
  }
  return *title_;
}

const std::vector<HeadingFact>& PageView::headings() {
  if (headings_) return *headings_;
  headings_.emplace();
  if (doc_ == nullptr) return *headings_;
  for (dom::NodeId id = 0; id < doc_->size(); ++id) {
    const dom::Node& n = doc_->node(id);
    if (!n.is_element() || n.ns != dom::Namespace::kHtml) continue;
    if (IsSkipped(*doc_, id)) {
      id = n.subtree_end - 1;
      continue;
    }
    int level = 0;
    if (n.tag.size() == 2 && n.tag[0] == 'h' && n.tag[1] >= '1' && n.tag[1] <= '6') {
      level = n.tag[1] - '0';
    } else if (const std::string* role = doc_->Attr(id, "role");
               role && text::AsciiLower(text::TrimHtmlSpace(*role)) == "heading") {
      level = 2;
      if (const std::string* l = doc_->Attr(id, "aria-level")) {
        if (l->size() == 1 && (*l)[0] >= '1' && (*l)[0] <= '9') level = (*l)[0] - '0';
      }
    }
    if (level == 0) continue;
    std::string t = FoldedTextOf(id);
    if (t.empty()) {
      if (const std::string* label = doc_->Attr(id, "aria-label")) t = text::Fold(*label);
    }
    headings_->push_back({id, level, std::move(t)});
  }
  return *headings_;
}

void PageView::BuildLinks() {
  links_.emplace();
  if (doc_ == nullptr) return;
  const auto& nodes = doc_->nodes();
  std::vector<bool> chrome(nodes.size(), false);
  std::string base = doc_->url();
  bool base_seen = false;
  for (dom::NodeId id = 0; id < nodes.size(); ++id) {
    const dom::Node& n = nodes[id];
    if (n.parent != dom::kNoNode && chrome[n.parent]) chrome[id] = true;
    if (!n.is_element() || n.ns != dom::Namespace::kHtml) continue;
    if (IsChromeElement(*doc_, id)) chrome[id] = true;
    if (n.tag == "template") {
      id = n.subtree_end - 1;
      continue;
    }
    if (n.tag == "base" && !base_seen) {
      if (const std::string* h = doc_->Attr(id, "href")) {
        base_seen = true;
        if (auto r = url::Resolve(doc_->url(), *h); r.ok()) base = *r;
      }
      continue;
    }
    if (n.tag != "a" && n.tag != "area") continue;
    const std::string* href = doc_->Attr(id, "href");
    if (href == nullptr) continue;
    LinkFact l;
    l.node = id;
    l.href = *href;
    l.chrome = chrome[id];
    std::string raw = doc_->TextContent(id);
    for (dom::NodeId c = id + 1; c < n.subtree_end; ++c) {
      if (doc_->IsElement(c, "img")) {
        if (const std::string* alt = doc_->Attr(c, "alt")) raw += " " + *alt;
      }
    }
    for (const char* attr : {"aria-label", "title", "alt"}) {
      if (const std::string* v = doc_->Attr(id, attr)) raw += " " + *v;
    }
    l.text = text::Fold(raw);
    std::string_view h = text::TrimHtmlSpace(*href);
    if (text::StartsWithIgnoreAsciiCase(h, "mailto:") ||
        text::StartsWithIgnoreAsciiCase(h, "tel:")) {
      l.url = text::AsciiLower(h);
    } else if (!text::StartsWithIgnoreAsciiCase(h, "javascript:") &&
               !text::StartsWithIgnoreAsciiCase(h, "data:")) {
      if (auto r = url::Resolve(base.empty() ? "https://invalid.invalid/" : base, h); r.ok()) {
        l.url = *r;
        l.host = text::AsciiLower(HostOf(l.url));
      }
    }
    l.folded_url = text::Fold(PercentDecode(l.url.empty() ? std::string(h) : l.url));
    links_->push_back(std::move(l));
  }
}

const std::vector<LinkFact>& PageView::links() {
  if (!links_) BuildLinks();
  return *links_;
}

const std::vector<dom::NodeId>& PageView::forms() {
  if (forms_) return *forms_;
  forms_.emplace();
  if (doc_ == nullptr) return *forms_;
  for (dom::NodeId id = 0; id < doc_->size(); ++id) {
    const dom::Node& n = doc_->node(id);
    if (n.is_element() && n.ns == dom::Namespace::kHtml && n.tag == "template") {
      id = n.subtree_end - 1;
      continue;
    }
    if (doc_->IsElement(id, "form")) forms_->push_back(id);
  }
  return *forms_;
}

bool PageView::needs_rendering() {
  if (needs_rendering_) return *needs_rendering_;
  needs_rendering_ = false;
  if (doc_ == nullptr) return false;
  BuildText();
  if (shell_text_bytes_ >= 120) return false;
  size_t scripts = 0;
  for (dom::NodeId id = 0; id < doc_->size(); ++id) {
    if (!doc_->IsElement(id, "script")) continue;
    const std::string* type = doc_->Attr(id, "type");
    if (type != nullptr) {
      std::string t = text::AsciiLower(text::TrimHtmlSpace(*type));
      if (t == "application/ld+json" || t == "application/json" || t == "text/template") continue;
    }
    if (doc_->HasAttr(id, "src") || doc_->TextContent(id).size() > 200) ++scripts;
  }
  if (scripts == 0) return false;
  size_t body_links = 0;
  for (const LinkFact& l : links()) {
    if (!l.url.empty()) ++body_links;
  }
  if (body_links >= 5) return false;
  // The marks of a script-rendered application: a mount point, or a <noscript> asking
  // for JavaScript. A short page that merely has scripts is not a shell.
  static constexpr std::string_view kMountIds[] = {
      "root", "app", "__next", "__nuxt", "___gatsby", "q-app", "main-app", "application", "svelte"};
  bool shell = false;
  for (dom::NodeId id = 0; id < doc_->size() && !shell; ++id) {
    const dom::Node& n = doc_->node(id);
    if (!n.is_element()) continue;
    if (n.tag == "app-root") shell = true;
    if (n.tag == "noscript" &&
        text::Fold(doc_->TextContent(id)).find("javascript") != std::string::npos) {
      shell = true;
    }
    if (const std::string* v = doc_->Attr(id, "id")) {
      for (std::string_view m : kMountIds) shell = shell || *v == m;
    }
  }
  needs_rendering_ = shell;
  return *needs_rendering_;
}

std::string PageView::Selector(dom::NodeId id) const {
  if (doc_ == nullptr || id >= doc_->size() || !doc_->node(id).is_element()) return {};
  return doc_->Selector(id);
}

std::string PageView::Snippet(dom::NodeId id, size_t max_bytes) const {
  if (doc_ == nullptr || id >= doc_->size()) return {};
  return doc_->Snippet(id, max_bytes);
}

uint32_t PageView::Line(dom::NodeId id) const {
  return doc_ == nullptr || id >= doc_->size() ? 0 : doc_->node(id).line;
}

uint32_t PageView::Column(dom::NodeId id) const {
  return doc_ == nullptr || id >= doc_->size() ? 0 : doc_->node(id).column;
}

}  // namespace verifica::rules::decl
