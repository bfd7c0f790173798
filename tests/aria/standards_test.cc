#include "aria/standards.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "util/embedded.h"

namespace verifica::aria {
namespace {

bool Valid(std::string_view attr, std::string_view value) {
  const AttributeSpec* a = FindAttribute(attr);
  EXPECT_NE(a, nullptr) << attr;
  return a != nullptr && IsValidValue(*a, value);
}

bool Allowed(std::string_view role, std::string_view attr) {
  const RoleSpec* r = FindRole(role);
  EXPECT_NE(r, nullptr) << role;
  return r != nullptr && IsAttributeAllowed(*r, attr);
}

bool Contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(StandardsTest, Local_TablesLoadAndAreConsistent) {
  ASSERT_TRUE(TablesLoaded());
  std::set<std::string> attrs;
  for (const AttributeSpec& a : AllAttributes()) {
    EXPECT_TRUE(attrs.insert(a.name).second) << "duplicate " << a.name;
    EXPECT_EQ(a.name.rfind("aria-", 0), 0u) << a.name;
    const bool tokens = a.type == ValueType::kToken || a.type == ValueType::kTokenList;
    EXPECT_EQ(tokens, !a.values.empty()) << a.name;
  }
  for (const RoleSpec& r : AllRoles()) {
    for (const std::string& s : r.superclasses) {
      EXPECT_NE(FindRole(s), nullptr) << r.name << " superclass " << s;
    }
    for (const auto* list : {&r.required, &r.supported, &r.prohibited}) {
      for (const std::string& a : *list) {
        EXPECT_NE(FindAttribute(a), nullptr) << r.name << " attribute " << a;
      }
    }
    for (const std::string& c : r.required_context) {
      EXPECT_NE(FindRole(c), nullptr) << r.name << " context " << c;
    }
    for (const std::string& o : r.required_owned) {
      const size_t gt = o.find(" > ");
      const std::string last = gt == std::string::npos ? o : o.substr(gt + 3);
      EXPECT_NE(FindRole(last), nullptr) << r.name << " owned " << o;
      if (gt != std::string::npos) {
        EXPECT_NE(FindRole(o.substr(0, gt)), nullptr) << o;
      }
    }
    // Every role but roletype descends from roletype.
    EXPECT_TRUE(IsSubclassOf(r, "roletype")) << r.name;
  }
}

// A misspelled key in the data file would silently drop a characteristic: every key must be one
// the loader reads, and every value type one it knows.
TEST(StandardsTest, Local_DataFileUsesOnlyKnownKeys) {
  const auto data = embedded::Find("src/aria/data/aria-1.2.json");
  ASSERT_TRUE(data.has_value());
  const nlohmann::json doc = nlohmann::json::parse(*data, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(doc.is_object());
  const std::set<std::string> top = {"about", "draft", "attributes", "roles"};
  const std::set<std::string> attr_keys = {"type", "values", "global", "deprecated"};
  const std::set<std::string> types = {"true/false", "true/false/undefined",
                                       "tristate",   "idref",
                                       "idrefs",     "integer",
                                       "number",     "string",
                                       "token",      "tokens"};
  const std::set<std::string> role_keys = {"abstract",
                                           "superclasses",
                                           "required",
                                           "supported",
                                           "prohibited",
                                           "nameFrom",
                                           "nameRequired",
                                           "childrenPresentational",
                                           "requiredContext",
                                           "requiredOwned",
                                           "deprecated",
                                           "spec",
                                           "note"};
  for (const auto& [k, v] : doc.items()) EXPECT_TRUE(top.count(k)) << k;
  for (const auto& [name, a] : doc["attributes"].items()) {
    for (const auto& [k, v] : a.items()) EXPECT_TRUE(attr_keys.count(k)) << name << "." << k;
    ASSERT_TRUE(a.contains("type")) << name;
    EXPECT_TRUE(types.count(a["type"].get<std::string>())) << name;
  }
  for (const auto& [name, r] : doc["roles"].items()) {
    for (const auto& [k, v] : r.items()) EXPECT_TRUE(role_keys.count(k)) << name << "." << k;
    if (r.contains("nameFrom")) {
      const std::string nf = r["nameFrom"].get<std::string>();
      EXPECT_TRUE(nf == "contents" || nf == "prohibited") << name << " nameFrom " << nf;
    }
  }
  for (const auto& name : doc["draft"]["attributes"]) {
    EXPECT_EQ(FindAttribute(name.get<std::string>()), nullptr) << name;
    EXPECT_TRUE(IsDraftAttribute(name.get<std::string>())) << name;
  }
  for (const auto& name : doc["draft"]["roles"]) {
    EXPECT_EQ(FindRole(name.get<std::string>()), nullptr) << name;
    EXPECT_TRUE(IsDraftRole(name.get<std::string>())) << name;
  }
  EXPECT_FALSE(IsDraftAttribute("aria-label"));
  EXPECT_FALSE(IsDraftRole("button"));
}

TEST(StandardsTest, Aria_RoleCounts) {
  // WAI-ARIA 1.2: 82 concrete and 12 abstract roles; DPUB-ARIA 1.0 (39) + 1.1 (2); Graphics 3.
  size_t aria = 0, abstract = 0, dpub = 0, graphics = 0;
  for (const RoleSpec& r : AllRoles()) {
    if (r.name.rfind("doc-", 0) == 0) {
      ++dpub;
    } else if (r.name.rfind("graphics-", 0) == 0) {
      ++graphics;
    } else {
      ++aria;
      if (r.abstract) ++abstract;
    }
  }
  EXPECT_EQ(aria, 94u);
  EXPECT_EQ(abstract, 12u);
  EXPECT_EQ(dpub, 41u);
  EXPECT_EQ(graphics, 3u);
}

TEST(StandardsTest, Local_CopiesOfRoleSpecsWork) {
  const RoleSpec copy = *FindRole("searchbox");
  EXPECT_TRUE(IsSubclassOf(copy, "textbox"));
  EXPECT_TRUE(IsAttributeAllowed(copy, "aria-placeholder"));
}

TEST(StandardsTest, Aria_AllAria12StatesAndProperties) {
  // WAI-ARIA 1.2 §6.7 defines 48 states and properties.
  EXPECT_EQ(AllAttributes().size(), 48u);
  for (std::string_view a : {"aria-activedescendant",
                             "aria-atomic",
                             "aria-autocomplete",
                             "aria-busy",
                             "aria-checked",
                             "aria-colcount",
                             "aria-colindex",
                             "aria-colspan",
                             "aria-controls",
                             "aria-current",
                             "aria-describedby",
                             "aria-details",
                             "aria-disabled",
                             "aria-dropeffect",
                             "aria-errormessage",
                             "aria-expanded",
                             "aria-flowto",
                             "aria-grabbed",
                             "aria-haspopup",
                             "aria-hidden",
                             "aria-invalid",
                             "aria-keyshortcuts",
                             "aria-label",
                             "aria-labelledby",
                             "aria-level",
                             "aria-live",
                             "aria-modal",
                             "aria-multiline",
                             "aria-multiselectable",
                             "aria-orientation",
                             "aria-owns",
                             "aria-placeholder",
                             "aria-posinset",
                             "aria-pressed",
                             "aria-readonly",
                             "aria-relevant",
                             "aria-required",
                             "aria-roledescription",
                             "aria-rowcount",
                             "aria-rowindex",
                             "aria-rowspan",
                             "aria-selected",
                             "aria-setsize",
                             "aria-sort",
                             "aria-valuemax",
                             "aria-valuemin",
                             "aria-valuenow",
                             "aria-valuetext"}) {
    EXPECT_NE(FindAttribute(a), nullptr) << a;
  }
  EXPECT_EQ(FindAttribute("aria-labeledby"), nullptr);
  EXPECT_EQ(FindAttribute("aria-not-checked"), nullptr);
  EXPECT_EQ(FindAttribute("role"), nullptr);
  EXPECT_NE(FindAttribute("ARIA-Label"), nullptr);  // look-ups are ASCII case-insensitive
}

TEST(StandardsTest, Aria_GlobalAndDeprecatedFlags) {
  EXPECT_TRUE(FindAttribute("aria-label")->global);
  EXPECT_TRUE(FindAttribute("aria-hidden")->global);
  EXPECT_TRUE(FindAttribute("aria-disabled")->global);
  EXPECT_FALSE(FindAttribute("aria-checked")->global);
  EXPECT_FALSE(FindAttribute("aria-modal")->global);
  EXPECT_TRUE(FindAttribute("aria-grabbed")->deprecated);
  EXPECT_TRUE(FindAttribute("aria-dropeffect")->deprecated);
  EXPECT_FALSE(FindAttribute("aria-label")->deprecated);
}

TEST(StandardsTest, Aria_RolesOfTheThreeSpecifications) {
  for (std::string_view r :
       {"alert", "button", "checkbox", "combobox", "generic", "searchbox", "switch", "treegrid",
        "none", "presentation", "doc-abstract", "doc-toc", "doc-noteref", "graphics-document",
        "graphics-object", "graphics-symbol"}) {
    const RoleSpec* spec = FindRole(r);
    ASSERT_NE(spec, nullptr) << r;
    EXPECT_FALSE(spec->abstract) << r;
  }
  for (std::string_view r : {"command", "composite", "input", "landmark", "range", "roletype",
                             "section", "sectionhead", "select", "structure", "widget", "window"}) {
    const RoleSpec* spec = FindRole(r);
    ASSERT_NE(spec, nullptr) << r;
    EXPECT_TRUE(spec->abstract) << r;
  }
  EXPECT_EQ(FindRole("lnik"), nullptr);
  EXPECT_EQ(FindRole("doc-lnik"), nullptr);
  EXPECT_NE(FindRole("BUTTON"), nullptr);
}

TEST(StandardsTest, Aria_Superclasses) {
  EXPECT_TRUE(IsSubclassOf(*FindRole("searchbox"), "textbox"));
  EXPECT_TRUE(IsSubclassOf(*FindRole("searchbox"), "input"));
  EXPECT_TRUE(IsSubclassOf(*FindRole("searchbox"), "widget"));
  EXPECT_TRUE(IsSubclassOf(*FindRole("navigation"), "landmark"));
  EXPECT_TRUE(IsSubclassOf(*FindRole("doc-toc"), "landmark"));
  EXPECT_TRUE(IsSubclassOf(*FindRole("treegrid"), "composite"));
  EXPECT_FALSE(IsSubclassOf(*FindRole("heading"), "widget"));
  EXPECT_FALSE(IsSubclassOf(*FindRole("separator"), "landmark"));
}

TEST(StandardsTest, Aria_RequiredStates) {
  EXPECT_TRUE(Contains(FindRole("checkbox")->required, "aria-checked"));
  EXPECT_TRUE(Contains(FindRole("heading")->required, "aria-level"));
  EXPECT_TRUE(Contains(FindRole("combobox")->required, "aria-expanded"));
  EXPECT_TRUE(Contains(FindRole("scrollbar")->required, "aria-valuenow"));
  EXPECT_TRUE(Contains(FindRole("slider")->required, "aria-valuenow"));
  // ARIA 1.2 made aria-selected supported, not required, on option (and so on treeitem).
  EXPECT_TRUE(RequiredAttributes(*FindRole("option")).empty());
  EXPECT_TRUE(RequiredAttributes(*FindRole("treeitem")).empty());
  // Inherited requirements: menuitemradio → menuitemcheckbox/radio → aria-checked.
  EXPECT_TRUE(Contains(RequiredAttributes(*FindRole("menuitemradio")), "aria-checked"));
  EXPECT_TRUE(Contains(RequiredAttributes(*FindRole("switch")), "aria-checked"));
  EXPECT_TRUE(RequiredAttributes(*FindRole("button")).empty());
}

TEST(StandardsTest, Aria_AllowedAttributes) {
  EXPECT_TRUE(Allowed("dialog", "aria-modal"));
  EXPECT_TRUE(Allowed("alertdialog", "aria-modal"));      // inherited from dialog
  EXPECT_TRUE(Allowed("searchbox", "aria-placeholder"));  // inherited from textbox
  EXPECT_TRUE(Allowed("article", "aria-label"));          // global
  EXPECT_TRUE(Allowed("checkbox", "aria-checked"));
  EXPECT_FALSE(Allowed("heading", "aria-checked"));
  EXPECT_FALSE(Allowed("button", "aria-modal"));
  EXPECT_FALSE(Allowed("generic", "aria-label"));  // prohibited
  EXPECT_FALSE(Allowed("paragraph", "aria-labelledby"));
  EXPECT_TRUE(Allowed("generic", "aria-describedby"));
  EXPECT_FALSE(Allowed("button", "aria-bogus"));
  EXPECT_TRUE(IsProhibited(*FindRole("code"), "aria-label"));
  EXPECT_FALSE(IsProhibited(*FindRole("button"), "aria-label"));
}

TEST(StandardsTest, Aria_NameFromAndChildrenPresentational) {
  EXPECT_EQ(FindRole("button")->name_from, NameFrom::kContentsAndAuthor);
  EXPECT_EQ(FindRole("link")->name_from, NameFrom::kContentsAndAuthor);
  EXPECT_EQ(FindRole("dialog")->name_from, NameFrom::kAuthor);
  EXPECT_EQ(FindRole("generic")->name_from, NameFrom::kProhibited);
  EXPECT_TRUE(FindRole("img")->name_required);
  EXPECT_FALSE(FindRole("generic")->name_required);
  EXPECT_TRUE(FindRole("button")->children_presentational);
  EXPECT_FALSE(FindRole("link")->children_presentational);
  EXPECT_FALSE(FindRole("math")->children_presentational);  // changed in ARIA 1.2
  EXPECT_TRUE(FindRole("meter")->children_presentational);
  EXPECT_TRUE(Contains(FindRole("option")->required_context, "listbox"));
  EXPECT_TRUE(Contains(FindRole("list")->required_owned, "listitem"));
}

TEST(StandardsTest, Aria_ValueTypes) {
  EXPECT_EQ(FindAttribute("aria-checked")->type, ValueType::kTristate);
  EXPECT_EQ(FindAttribute("aria-expanded")->type, ValueType::kTrueFalseUndefined);
  EXPECT_EQ(FindAttribute("aria-required")->type, ValueType::kTrueFalse);
  EXPECT_EQ(FindAttribute("aria-labelledby")->type, ValueType::kIdRefList);
  EXPECT_EQ(FindAttribute("aria-activedescendant")->type, ValueType::kIdRef);
  EXPECT_EQ(FindAttribute("aria-level")->type, ValueType::kInteger);
  EXPECT_EQ(FindAttribute("aria-valuenow")->type, ValueType::kNumber);
  EXPECT_EQ(FindAttribute("aria-relevant")->type, ValueType::kTokenList);
  EXPECT_EQ(FindAttribute("aria-live")->type, ValueType::kToken);
  EXPECT_EQ(FindAttribute("aria-label")->type, ValueType::kString);
}

TEST(StandardsTest, Aria_TrueFalseValues) {
  EXPECT_TRUE(Valid("aria-required", "true"));
  EXPECT_TRUE(Valid("aria-required", "false"));
  EXPECT_TRUE(Valid("aria-required", "TRUE"));
  EXPECT_FALSE(Valid("aria-required", "undefined"));
  EXPECT_FALSE(Valid("aria-required", "yes"));
  EXPECT_FALSE(Valid("aria-required", ""));
  EXPECT_TRUE(Valid("aria-expanded", "undefined"));
  EXPECT_FALSE(Valid("aria-expanded", "collapsed"));
  EXPECT_TRUE(Valid("aria-pressed", "mixed"));
  EXPECT_TRUE(Valid("aria-checked", "undefined"));
  EXPECT_FALSE(Valid("aria-pressed", "horizontal"));
  EXPECT_FALSE(Valid("aria-hidden", "mixed"));
}

TEST(StandardsTest, Aria_NumericValues) {
  EXPECT_TRUE(Valid("aria-rowindex", "2"));
  EXPECT_TRUE(Valid("aria-level", "-1"));
  EXPECT_TRUE(Valid("aria-level", " 3 "));
  EXPECT_FALSE(Valid("aria-rowindex", "2.5"));
  EXPECT_FALSE(Valid("aria-rowindex", "dos"));
  EXPECT_FALSE(Valid("aria-rowindex", "-"));
  EXPECT_TRUE(Valid("aria-valuenow", "3.5"));
  EXPECT_TRUE(Valid("aria-valuenow", "-0.25"));
  EXPECT_TRUE(Valid("aria-valuenow", ".5"));
  EXPECT_TRUE(Valid("aria-valuenow", "1e3"));
  EXPECT_TRUE(Valid("aria-valuemax", "100"));
  EXPECT_FALSE(Valid("aria-valuenow", "cien"));
  EXPECT_FALSE(Valid("aria-valuenow", "1."));
  EXPECT_FALSE(Valid("aria-valuenow", "1e"));
  EXPECT_FALSE(Valid("aria-valuenow", "50%"));
}

TEST(StandardsTest, Aria_TokenValues) {
  EXPECT_TRUE(Valid("aria-current", "page"));
  EXPECT_TRUE(Valid("aria-current", "Page"));
  EXPECT_FALSE(Valid("aria-live", "page"));
  EXPECT_TRUE(Valid("aria-live", "polite"));
  EXPECT_TRUE(Valid("aria-relevant", "text removals"));
  EXPECT_FALSE(Valid("aria-relevant", "text always"));
  EXPECT_FALSE(Valid("aria-relevant", "   "));
  EXPECT_TRUE(Valid("aria-haspopup", "dialog"));
  EXPECT_FALSE(Valid("aria-haspopup", "popup"));
  EXPECT_TRUE(Valid("aria-invalid", "spelling"));
  EXPECT_TRUE(Valid("aria-autocomplete", "both"));
  EXPECT_FALSE(Valid("aria-autocomplete", "both list"));
}

TEST(StandardsTest, Aria_IdReferenceShape) {
  EXPECT_TRUE(Valid("aria-errormessage", "error-curp"));
  EXPECT_FALSE(Valid("aria-errormessage", "error curp"));
  EXPECT_FALSE(Valid("aria-errormessage", " "));
  EXPECT_TRUE(Valid("aria-owns", "opcion-1 opcion-2"));
  EXPECT_FALSE(Valid("aria-owns", ""));
  EXPECT_TRUE(Valid("aria-label", "Nombre completo"));
  EXPECT_TRUE(Valid("aria-label", ""));
}

}  // namespace
}  // namespace verifica::aria
