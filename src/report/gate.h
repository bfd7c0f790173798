// CI gating: which failures make a run exit 1. A failure counts when its rule failed with impact
// at or above --fail-on; with a baseline only new failed findings count. The run fails when the
// count exceeds --max-failures (default 0). "Needs review" never counts.
#ifndef VERIFICA_REPORT_GATE_H_
#define VERIFICA_REPORT_GATE_H_

#include <cstdint>

#include "findings/findings.h"
#include "report/baseline.h"

namespace verifica::report {

struct GateOptions {
  findings::Impact fail_on = findings::Impact::kSerious;
  uint64_t max_failures = 0;
};

// Failed elements at or above `fail_on`: without a diff, every failed element of the report
// (counts include elements beyond the runner's listing cap; a failed rule with no element counts
// one); with a diff, its new failed entries.
uint64_t CountGatedFailures(const findings::EntityReport& report, findings::Impact fail_on,
                            const ReportDiff* diff = nullptr);

inline bool GateFails(uint64_t counted, const GateOptions& o) { return counted > o.max_failures; }

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_GATE_H_
