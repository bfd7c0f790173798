// Jurisdictions of obligated entities and their guarantor authorities, as data
// (rules/jurisdictions.json, embedded): "federal" and the 32 entidades federativas under their
// ISO 3166-2 codes ("MX-CMX" is Mexico City). An entity's jurisdiction decides which packs apply
// (PackCatalog::Select); a pack declares the jurisdiction of its law ("general" for a Ley General,
// binding everywhere). Each jurisdiction lists the guarantor authority its portals should name,
// with the dates it is in force, so one edit of the file updates every rule text that names it
// ("{garante:CODE}" in a pack's texts, replaced at load).
#ifndef VERIFICA_RULES_DECL_JURISDICTIONS_H_
#define VERIFICA_RULES_DECL_JURISDICTIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"
#include "rules/decl/dates.h"
#include "util/status.h"

namespace verifica::rules::decl {

// The jurisdiction of an entity that names none.
inline constexpr std::string_view kFederal = "federal";
// The jurisdiction of a pack whose law is general (LGTAIP, LGPDPPSO): it applies to entities of
// every jurisdiction.
inline constexpr std::string_view kGeneral = "general";

// A guarantor authority over the days it is in force (both ends inclusive; unset = open).
struct Guarantor {
  findings::LocalizedText name;
  std::optional<CivilDate> from;
  std::optional<CivilDate> until;
  findings::LegalBasis basis;  // where the law names it
  findings::LocalizedText note;
  bool InForce(CivilDate day) const { return (!from || *from <= day) && (!until || day <= *until); }
};

struct Jurisdiction {
  std::string code;  // "federal", "MX-CMX"
  findings::LocalizedText name;
  std::vector<std::string> aliases;  // folded ("cdmx", "ciudad de mexico")
  std::vector<Guarantor> guarantors;
};

class JurisdictionTable {
 public:
  // Parses rules/jurisdictions.json; `file` names it in errors.
  static Result<JurisdictionTable> Parse(std::string_view text, std::string_view file);
  // The embedded table (parsed once). An error means the build embedded a broken file.
  static Result<const JurisdictionTable*> Embedded();

  const std::vector<Jurisdiction>& all() const { return all_; }
  // By what a person writes: the code ("MX-CMX", "cmx", "federal"), an alias ("cdmx") or the
  // name ("Ciudad de México"), in any case and with or without accents.
  const Jurisdiction* Find(std::string_view text) const;
  // By canonical code only.
  const Jurisdiction* FindCode(std::string_view code) const;
  // The guarantor of `code` in force on `day`; nullptr when the table names none.
  const Guarantor* GuarantorOn(std::string_view code, CivilDate day) const;
  // "federal, MX-AGU (Aguascalientes), …" for error messages.
  std::string KnownValues() const;

 private:
  std::vector<Jurisdiction> all_;
};

// The jurisdiction of an entity from what a file or option says ("" = not given: federal, and
// `defaulted` set). Unknown text is an error that lists the known values.
struct EntityJurisdiction {
  const Jurisdiction* jurisdiction = nullptr;
  bool defaulted = false;
};
Result<EntityJurisdiction> ResolveJurisdiction(std::string_view text);

}  // namespace verifica::rules::decl

#endif  // VERIFICA_RULES_DECL_JURISDICTIONS_H_
