// wcag-table-headers: A data table marks its header cells (th, or cells with the role
// columnheader or rowheader), so the relation between headers and data is in the markup.
//
// WCAG 1.3.1 (A); no ACT rule.
#include <algorithm>

#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// What the markup of one table says, its own rows and cells only (not those of nested tables).
struct TableShape {
  size_t rows = 0;
  size_t max_cells = 0;       // cells in the widest row
  bool header_cell = false;   // th, or role columnheader/rowheader
  bool nested_table = false;  // a table inside a cell: the usual layout idiom
  bool data_markup = false;   // caption, summary, thead/tfoot, col/colgroup, td[headers|scope]
  bool block_content = false; // cells holding block content, forms or images: layout-like
};

bool IsBlockContent(std::string_view tag) {
  static constexpr std::string_view kTags[] = {
      "div", "p", "ul", "ol", "dl", "form", "img", "picture", "iframe", "h1", "h2", "h3",
      "h4", "h5", "h6", "nav", "section", "article", "aside", "header", "footer", "video",
      "object", "embed", "fieldset", "blockquote", "hr", "input", "select", "textarea"};
  return std::find(std::begin(kTags), std::end(kTags), tag) != std::end(kTags);
}

TableShape Shape(PageContext& ctx, dom::NodeId table) {
  const dom::Document& doc = ctx.doc;
  TableShape s;
  if (const std::string* summary = doc.Attr(table, "summary");
      summary != nullptr && !text::IsBlank(*summary)) {
    s.data_markup = true;
  }
  const dom::NodeId end = doc.node(table).subtree_end;
  dom::NodeId row = dom::kNoNode;
  size_t cells_in_row = 0;
  for (dom::NodeId i = table + 1; i < end; ++i) {
    const dom::Node& n = doc.node(i);
    if (!n.is_element() || n.ns != dom::Namespace::kHtml) continue;
    if (n.tag == "table" || n.tag == "template") {
      s.nested_table = s.nested_table || n.tag == "table";
      i = n.subtree_end - 1;
      continue;
    }
    if (n.tag == "caption" || n.tag == "thead" || n.tag == "tfoot" || n.tag == "col" ||
        n.tag == "colgroup") {
      if (n.tag != "caption" || !text::IsBlank(doc.TextContent(i))) s.data_markup = true;
    } else if (n.tag == "tr") {
      row = i;
      cells_in_row = 0;
      ++s.rows;
    } else if ((n.tag == "td" || n.tag == "th") && row != dom::kNoNode &&
               i < doc.node(row).subtree_end) {
      s.max_cells = std::max(s.max_cells, ++cells_in_row);
      const std::string_view role = ctx.aria.Role(i);
      if (role == "columnheader" || role == "rowheader") s.header_cell = true;
      if (doc.HasAttr(i, "headers") || doc.HasAttr(i, "scope")) s.data_markup = true;
    } else if (IsBlockContent(n.tag)) {
      s.block_content = true;
    }
  }
  return s;
}

}  // namespace

std::vector<std::string> TableHeadersRule::Tags() const { return {"table"}; }

std::optional<Verdict> TableHeadersRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!doc.IsElement(node, "table")) return std::nullopt;
  if (ctx.aria.IsHidden(node) == aria::Tri::kYes) return std::nullopt;
  // role="presentation"/"none" (when it holds) or any other role than a table's: the author
  // said it is not a data table.
  const std::string_view role = ctx.aria.Role(node);
  if (role != "table" && role != "grid" && role != "treegrid") return std::nullopt;
  const TableShape s = Shape(ctx, node);
  const std::string size = std::to_string(s.rows) + "×" + std::to_string(s.max_cells);
  if (s.header_cell) return Pass("pass", {size});
  // One row or one column: a list laid out as a table, or layout; nothing to relate.
  if (s.rows < 2 || s.max_cells < 2) return std::nullopt;
  if (s.data_markup) return Fail("fail-data-markup", {size});
  if (s.nested_table) return std::nullopt;  // layout grid holding other tables
  if (s.block_content) return Review("review-layout", {size});
  return Fail("fail", {size});
}

}  // namespace verifica::rules
