#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/app.h"
#include "cli/commands.h"
#include "findings/findings_json.h"

namespace verifica::cli {

namespace {

struct RulesOptions {
  std::string format = "text";
  std::string lang = "es";
};

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

int RunRules(const RulesOptions& o) {
  auto reg = BuildRegistry();
  if (!reg.ok()) {
    std::cerr << "verifica: " << reg.status().message() << "\n";
    return kExitCannotRun;
  }
  if (o.format == "json") {
    nlohmann::json rules = nlohmann::json::array();
    for (const auto& r : (*reg)->rules()) {
      const rules::RuleMeta& m = r->meta();
      nlohmann::json lb = nlohmann::json::array();
      for (const auto& b : m.legal_basis) {
        nlohmann::json item = {
            {"norm", b.norm}, {"article", b.article}, {"status", findings::ToString(b.status)}};
        const findings::LocalizedText& mark = findings::BasisStatusMark(b.status);
        if (!mark.es.empty()) item["mark"] = {{"es", mark.es}, {"en", mark.en}};
        lb.push_back(std::move(item));
      }
      rules.push_back({{"id", m.id},
                       {"pack", m.pack},
                       {"title", {{"es", m.title.es}, {"en", m.title.en}}},
                       {"description", {{"es", m.description.es}, {"en", m.description.en}}},
                       {"help", {{"es", m.help.es}, {"en", m.help.en}}},
                       {"wcag", m.wcag},
                       {"level", m.level},
                       {"act", m.act},
                       {"impact", findings::ToString(m.impact)},
                       {"tags", m.tags},
                       {"legal_basis", lb}});
    }
    nlohmann::json doc = {{"tool", findings::ToolJson()}, {"rules", rules}};
    std::cout << doc.dump(2) << "\n";
    return kExitOk;
  }
  for (const auto& r : (*reg)->rules()) {
    const rules::RuleMeta& m = r->meta();
    std::cout << m.id << "\n  " << m.title.Get(o.lang) << "\n  ";
    if (!m.wcag.empty()) std::cout << "WCAG " << Join(m.wcag, ", ") << " (" << m.level << ")  ";
    if (!m.act.empty()) std::cout << "ACT " << Join(m.act, ", ") << "  ";
    std::cout << findings::ToString(m.impact) << "\n";
    // Each citation on its own line with its status: never an unconfirmed one shown as settled.
    for (const auto& b : m.legal_basis) {
      std::string status;
      switch (b.status) {
        case findings::BasisStatus::kConfirmed:
          status = o.lang == "en" ? "confirmed" : "confirmada";
          break;
        case findings::BasisStatus::kToConfirm:
        case findings::BasisStatus::kGoodPractice:
          status = findings::BasisStatusMark(b.status).Get(o.lang);
          break;
      }
      std::cout << "  " << (o.lang == "en" ? "Legal basis: " : "Fundamento: ") << b.norm
                << (b.article.empty() ? "" : ", " + b.article) << " [" << status << "]\n";
    }
  }
  std::cout << (*reg)->rules().size() << (o.lang == "en" ? " rules\n" : " reglas\n");
  return kExitOk;
}

}  // namespace

Command AddRulesCommand(CLI::App& app) {
  auto opts = std::make_shared<RulesOptions>();
  CLI::App* sub = app.add_subcommand("rules", "List the rule catalog");
  sub->add_option("--format", opts->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--lang", opts->lang, "Language of titles: es or en")
      ->check(CLI::IsMember({"es", "en"}));
  return {sub, [opts] { return RunRules(*opts); }};
}

}  // namespace verifica::cli
