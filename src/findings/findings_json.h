// JSON conversion of the findings types (the report JSON of DESIGN.md). Reading validates
// shape and types and reports the JSON pointer of the first problem.
#ifndef VERIFICA_FINDINGS_FINDINGS_JSON_H_
#define VERIFICA_FINDINGS_FINDINGS_JSON_H_

#include <nlohmann/json_fwd.hpp>
#include <string_view>

#include "findings/findings.h"
#include "util/status.h"

namespace verifica::findings {

void to_json(nlohmann::json& j, const Finding& f);
void to_json(nlohmann::json& j, const RuleResult& r);
void to_json(nlohmann::json& j, const PageReport& p);
void to_json(nlohmann::json& j, const EntityReport& e);
void from_json(const nlohmann::json& j, Finding& f);
void from_json(const nlohmann::json& j, RuleResult& r);
void from_json(const nlohmann::json& j, PageReport& p);
void from_json(const nlohmann::json& j, EntityReport& e);

// The tool object written in every report: {"name": "verifica", "version": "..."}.
nlohmann::json ToolJson();

// Parses a saved report.json (schema verifica-report/1). Errors name what is wrong.
Result<EntityReport> ParseEntityReport(std::string_view json_text);

}  // namespace verifica::findings

#endif  // VERIFICA_FINDINGS_FINDINGS_JSON_H_
