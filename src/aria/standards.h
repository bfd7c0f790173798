// WAI-ARIA 1.2 tables (with DPUB-ARIA 1.0 and Graphics-ARIA 1.0 roles) as data: roles with their
// superclasses, required / supported / prohibited states and properties, name-from rules,
// children-presentational flag; attributes with their value types and allowed tokens.
#ifndef VERIFICA_ARIA_STANDARDS_H_
#define VERIFICA_ARIA_STANDARDS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace verifica::aria {

enum class ValueType : uint8_t {
  kTrueFalse,           // "true" | "false"
  kTrueFalseUndefined,  // "true" | "false" | "undefined"
  kTristate,            // "true" | "false" | "mixed"
  kIdRef,
  kIdRefList,
  kInteger,
  kNumber,
  kString,
  kToken,      // one of `values`
  kTokenList,  // space-separated tokens, each one of `values`
};

struct AttributeSpec {
  std::string name;
  ValueType type = ValueType::kString;
  std::vector<std::string> values;  // allowed tokens for kToken / kTokenList
  bool global = false;              // applies to every role
  bool deprecated = false;          // deprecated in ARIA 1.2 (still defined)
};

enum class NameFrom : uint8_t { kContentsAndAuthor, kAuthor, kProhibited };

struct RoleSpec {
  std::string name;
  bool abstract = false;
  std::vector<std::string> superclasses;
  std::vector<std::string> required;     // required states and properties
  std::vector<std::string> supported;    // supported (not inherited)
  std::vector<std::string> prohibited;   // prohibited states and properties
  NameFrom name_from = NameFrom::kAuthor;
  bool name_required = false;
  bool children_presentational = false;
  std::vector<std::string> required_context;  // required context roles
  std::vector<std::string> required_owned;    // required owned elements
};

const AttributeSpec* FindAttribute(std::string_view name);
const RoleSpec* FindRole(std::string_view name);
std::span<const AttributeSpec> AllAttributes();
std::span<const RoleSpec> AllRoles();

// True when `attr` is a global attribute or supported/required by `role` or an ancestor role,
// and not prohibited on it.
bool IsAttributeAllowed(const RoleSpec& role, std::string_view attr);

// Whether the value is valid for the attribute's value type (ID references are checked for
// shape only; whether the ids exist is the caller's business).
bool IsValidValue(const AttributeSpec& attr, std::string_view value);

// Whether the tables loaded (they are embedded, so a failure is a build defect; tests check it).
bool TablesLoaded();

// True when `role` is `ancestor` or has it among its superclasses, transitively
// (e.g. IsSubclassOf(searchbox, "input"), IsSubclassOf(navigation, "landmark")).
bool IsSubclassOf(const RoleSpec& role, std::string_view ancestor);

// The role's required states and properties, its own and those of its superclasses, without
// duplicates, in table order (e.g. menuitemradio → aria-checked).
std::vector<std::string> RequiredAttributes(const RoleSpec& role);

// True when the role or one of its superclasses prohibits `attr`.
bool IsProhibited(const RoleSpec& role, std::string_view attr);

// Names defined only by the WAI-ARIA 1.3 working draft (aria-description, role="mark", ...):
// not WAI-ARIA 1.2, so not in the tables above, but not typos either.
bool IsDraftAttribute(std::string_view name);
bool IsDraftRole(std::string_view name);

}  // namespace verifica::aria

#endif  // VERIFICA_ARIA_STANDARDS_H_
