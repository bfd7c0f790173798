#include "findings/findings.h"

#include <utility>

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

std::string_view ToString(BasisStatus s) {
  switch (s) {
    case BasisStatus::kConfirmed:
      return "confirmed";
    case BasisStatus::kToConfirm:
      return "to-confirm";
    case BasisStatus::kGoodPractice:
      return "good-practice";
  }
  return "to-confirm";
}

std::optional<BasisStatus> BasisStatusFromString(std::string_view s) {
  if (s == "confirmed") return BasisStatus::kConfirmed;
  if (s == "to-confirm") return BasisStatus::kToConfirm;
  if (s == "good-practice") return BasisStatus::kGoodPractice;
  return std::nullopt;
}

const LocalizedText& BasisStatusMark(BasisStatus s) {
  static const LocalizedText kNone;
  static const LocalizedText kToConfirm = {"cita por confirmar", "citation to be confirmed"};
  static const LocalizedText kGoodPractice = {"buena práctica, sin obligación legal",
                                              "good practice, not a legal obligation"};
  switch (s) {
    case BasisStatus::kConfirmed:
      return kNone;
    case BasisStatus::kToConfirm:
      return kToConfirm;
    case BasisStatus::kGoodPractice:
      return kGoodPractice;
  }
  return kToConfirm;
}

std::string CitationText(const LegalBasis& b, std::string_view lang) {
  std::string out = b.norm;
  if (!b.article.empty()) out += (out.empty() ? "" : ", ") + b.article;
  const std::string& mark = BasisStatusMark(b.status).Get(lang);
  if (!mark.empty()) out += " (" + mark + ")";
  return out;
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

std::optional<PageErrorKind> PageErrorKindFromString(std::string_view s) {
  static constexpr std::pair<std::string_view, PageErrorKind> kKinds[] = {
      {"dns", PageErrorKind::kDns},
      {"connect", PageErrorKind::kConnect},
      {"connection-refused", PageErrorKind::kConnectionRefused},
      {"timeout", PageErrorKind::kTimeout},
      {"tls", PageErrorKind::kTls},
      {"reset", PageErrorKind::kReset},
      {"network", PageErrorKind::kNetwork},
      {"http", PageErrorKind::kHttp},
      {"robots", PageErrorKind::kRobots},
      {"robots-unreachable", PageErrorKind::kRobotsUnreachable},
      {"private-address", PageErrorKind::kPrivateAddress},
      {"redirect", PageErrorKind::kRedirect},
      {"redirect-loop", PageErrorKind::kRedirectLoop},
      {"redirects", PageErrorKind::kTooManyRedirects},
      {"scheme", PageErrorKind::kScheme},
      {"not-found", PageErrorKind::kNotFound},
      {"too-large", PageErrorKind::kTooLarge},
      {"too-deep", PageErrorKind::kTooDeep},
      {"empty", PageErrorKind::kEmpty},
      {"not-html", PageErrorKind::kNotHtml},
      {"encoding", PageErrorKind::kEncoding},
      {"unreadable", PageErrorKind::kUnreadable},
      {"io", PageErrorKind::kIo},
      {"sitemap", PageErrorKind::kSitemap},
      {"refused", PageErrorKind::kRefused},
      {"internal", PageErrorKind::kInternal},
  };
  for (const auto& [name, kind] : kKinds) {
    if (name == s) return kind;
  }
  return std::nullopt;
}

std::string_view ToString(PortalState s) {
  switch (s) {
    case PortalState::kReadable:
      return "readable";
    case PortalState::kUnreachable:
      return "unreachable";
    case PortalState::kNeedsRendering:
      return "needs-rendering";
  }
  return "readable";
}

std::optional<PortalState> PortalStateFromString(std::string_view s) {
  if (s == "readable") return PortalState::kReadable;
  if (s == "unreachable") return PortalState::kUnreachable;
  if (s == "needs-rendering") return PortalState::kNeedsRendering;
  return std::nullopt;
}

}  // namespace verifica::findings
