// Initial skeleton of PageAria; the full HTML-AAM / accname implementation replaces it.
#include "aria/aria.h"

namespace verifica::aria {

struct PageAria::Cache {
  std::string empty;
};

PageAria::PageAria(const dom::Document& doc) : doc_(doc), cache_(std::make_unique<Cache>()) {}
PageAria::~PageAria() = default;

std::string_view PageAria::ExplicitRole(dom::NodeId) { return {}; }
std::string_view PageAria::ImplicitRole(dom::NodeId) { return {}; }
std::string_view PageAria::Role(dom::NodeId) { return {}; }
const std::string& PageAria::Name(dom::NodeId) { return cache_->empty; }
std::string_view PageAria::NameSource(dom::NodeId) { return {}; }
Tri PageAria::IsHidden(dom::NodeId) { return Tri::kNo; }
Tri PageAria::IsInvisible(dom::NodeId) { return Tri::kNo; }
bool PageAria::IsFocusable(dom::NodeId) { return false; }
bool PageAria::IsTabbable(dom::NodeId) { return false; }
bool PageAria::IsDisabled(dom::NodeId) { return false; }
bool PageAria::IsInert(dom::NodeId) { return false; }

}  // namespace verifica::aria
