#include "report/gate.h"

#include <algorithm>

namespace verifica::report {

uint64_t CountGatedFailures(const findings::EntityReport& report, findings::Impact fail_on,
                            const ReportDiff* diff) {
  uint64_t n = 0;
  if (diff != nullptr) {
    for (const DiffEntry& e : diff->added) {
      if (e.outcome == findings::Outcome::kFailed && e.impact >= fail_on) ++n;
    }
    return n;
  }
  auto visit = [&](const findings::RuleResult& r) {
    if (r.outcome == findings::Outcome::kFailed && r.impact >= fail_on) {
      n += std::max<uint64_t>(r.failed, 1);
    }
  };
  for (const findings::PageReport& p : report.pages) {
    for (const findings::RuleResult& r : p.rules) visit(r);
  }
  for (const findings::RuleResult& r : report.entity_rules) visit(r);
  return n;
}

}  // namespace verifica::report
