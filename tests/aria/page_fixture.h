// Test helper for the aria tests: a parsed page with its PageAria, and lookup by id.
#ifndef VERIFICA_TESTS_ARIA_PAGE_FIXTURE_H_
#define VERIFICA_TESTS_ARIA_PAGE_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>

#include "aria/aria.h"
#include "dom/document.h"
#include "html/parser.h"

namespace verifica::aria::testing {

class Page {
 public:
  explicit Page(std::string_view html) {
    html::ParseOptions opts;
    opts.content_type = "text/html";
    html::ParseResult r = html::Parse(html, opts);
    EXPECT_TRUE(r.ok) << r.error.message;
    doc_ = std::move(r.document);
    aria_ = std::make_unique<PageAria>(doc_);
  }

  const dom::Document& doc() const { return doc_; }
  PageAria& aria() { return *aria_; }

  // The element with this id; fails the test when there is none.
  dom::NodeId Id(std::string_view id) const {
    const dom::NodeId n = doc_.GetElementById(id);
    EXPECT_NE(n, dom::kNoNode) << "no element with id " << id;
    return n;
  }
  // The first element with this tag.
  dom::NodeId Tag(std::string_view tag) const {
    for (dom::NodeId i = 0; i < doc_.size(); ++i) {
      if (doc_.node(i).is_element() && doc_.node(i).tag == tag) return i;
    }
    ADD_FAILURE() << "no <" << tag << ">";
    return dom::kNoNode;
  }

  std::string Name(std::string_view id) { return aria_->Name(Id(id)); }
  std::string Source(std::string_view id) { return std::string(aria_->NameSource(Id(id))); }
  std::string Role(std::string_view id) { return std::string(aria_->Role(Id(id))); }
  Tri Hidden(std::string_view id) { return aria_->IsHidden(Id(id)); }

 private:
  dom::Document doc_;
  std::unique_ptr<PageAria> aria_;
};

}  // namespace verifica::aria::testing

#endif  // VERIFICA_TESTS_ARIA_PAGE_FIXTURE_H_
