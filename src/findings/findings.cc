#include "findings/findings.h"

namespace verifica::findings {

std::string_view ToString(Outcome o) {
  switch (o) {
    case Outcome::kInapplicable:
      return "inapplicable";
    case Outcome::kPassed:
      return "passed";
    case Outcome::kCantTell:
      return "cantTell";
    case Outcome::kFailed:
      return "failed";
  }
  return "inapplicable";
}

std::optional<Outcome> OutcomeFromString(std::string_view s) {
  if (s == "inapplicable") return Outcome::kInapplicable;
  if (s == "passed") return Outcome::kPassed;
  if (s == "cantTell") return Outcome::kCantTell;
  if (s == "failed") return Outcome::kFailed;
  return std::nullopt;
}

std::string_view ToString(Impact i) {
  switch (i) {
    case Impact::kMinor:
      return "minor";
    case Impact::kModerate:
      return "moderate";
    case Impact::kSerious:
      return "serious";
    case Impact::kCritical:
      return "critical";
  }
  return "moderate";
}

std::optional<Impact> ImpactFromString(std::string_view s) {
  if (s == "minor") return Impact::kMinor;
  if (s == "moderate") return Impact::kModerate;
  if (s == "serious") return Impact::kSerious;
  if (s == "critical") return Impact::kCritical;
  return std::nullopt;
}

OutcomeCounts CountOutcomes(const std::vector<RuleResult>& rules) {
  OutcomeCounts c;
  for (const RuleResult& r : rules) {
    switch (r.outcome) {
      case Outcome::kInapplicable:
        ++c.inapplicable;
        break;
      case Outcome::kPassed:
        ++c.passed;
        break;
      case Outcome::kCantTell:
        ++c.cant_tell;
        break;
      case Outcome::kFailed:
        ++c.failed;
        break;
    }
  }
  return c;
}

}  // namespace verifica::findings
