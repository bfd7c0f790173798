// verifica validate-rules FILE...: validates obligation packs (rules/<pack>/pack.json or a user's
// own) and reports every error at once, each with the file, the JSON pointer and the reason.
// The files are checked together with the built-in packs (a file with a built-in pack's id
// replaces it), so roles, `extends` and `include` resolve as they would in a scan.
// Exit 0 when every pack is valid, 2 otherwise.
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/packs_options.h"
#include "findings/findings_json.h"
#include "rules/decl/pack.h"

namespace verifica::cli {

namespace {

struct ValidateArgs {
  std::vector<std::string> files;
  std::string format = "text";
};

// How many legal-basis entries of the pack's rules have each status.
nlohmann::json CitationCounts(const rules::decl::PackSpec& p) {
  nlohmann::json counts = {{"confirmed", 0}, {"to-confirm", 0}, {"good-practice", 0}};
  for (const auto& rule : p.rules) {
    for (const auto& b : rule->info.legal_basis) {
      nlohmann::json& n = counts[std::string(findings::ToString(b.status))];
      n = n.get<int>() + 1;
    }
  }
  return counts;
}

int RunValidate(const ValidateArgs& a) {
  auto reg = BuildRegistry();
  rules::decl::LoadOptions options;
  if (reg.ok()) {
    for (const auto& r : (*reg)->rules()) {
      bool from_pack = false;
      for (const std::string& t : r->meta().tags) from_pack = from_pack || t.rfind("pack:", 0) == 0;
      if (!from_pack) options.reserved_ids.push_back(r->id());
    }
  }
  std::vector<rules::decl::PackError> read_errors;
  std::vector<rules::decl::PackSource> given = rules::decl::ReadPackFiles(a.files, &read_errors);
  std::set<std::string> given_files;
  for (const auto& s : given) given_files.insert(s.file);
  rules::decl::LoadResult r = rules::decl::LoadAllPacks(a.files, options);
  // LoadAllPacks reads the files again and reports read errors itself.
  const bool ok = r.ok();
  if (a.format == "json") {
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& e : r.errors) {
      errors.push_back({{"file", e.file}, {"pointer", e.pointer}, {"reason", e.reason}});
    }
    nlohmann::json packs = nlohmann::json::array();
    for (const auto& p : r.packs) {
      if (!given_files.count(p->file)) continue;
      packs.push_back({{"file", p->file},
                       {"id", p->id},
                       {"version", p->version},
                       {"jurisdiction", p->jurisdiction},
                       {"supersedes", p->supersedes},
                       {"citations", CitationCounts(*p)},
                       {"effective", p->effective},
                       {"rules", p->rules.size()}});
    }
    nlohmann::json doc = {
        {"tool", findings::ToolJson()}, {"valid", ok}, {"errors", errors}, {"packs", packs}};
    std::cout << doc.dump(2) << "\n";
    return ok ? kExitOk : kExitUsage;
  }
  for (const auto& e : r.errors) std::cout << e.ToString() << "\n";
  for (const auto& p : r.packs) {
    if (!given_files.count(p->file)) continue;
    size_t entity = 0;
    for (const auto& rule : p->rules) entity += rule->scope == rules::decl::Scope::kEntity;
    std::cout << p->file << ": valid: pack " << p->id << " " << p->version << " ("
              << p->jurisdiction << ", from " << p->effective << "), " << p->rules.size()
              << " rules (" << entity << " entity, " << p->rules.size() - entity << " page); "
              << "citations: ";
    const nlohmann::json counts = CitationCounts(*p);
    std::cout << counts["confirmed"].get<int>() << " confirmed, " << counts["to-confirm"].get<int>()
              << " to confirm, " << counts["good-practice"].get<int>() << " good practice\n";
  }
  if (!ok) {
    std::cerr << "verifica: " << r.errors.size() << (r.errors.size() == 1 ? " error" : " errors")
              << " in obligation packs\n";
  }
  return ok ? kExitOk : kExitUsage;
}

}  // namespace

Command AddValidateRulesCommand(CLI::App& app) {
  auto a = std::make_shared<ValidateArgs>();
  CLI::App* sub = app.add_subcommand(
      "validate-rules",
      "Check obligation packs (.json files or folders): every error with file, JSON pointer and "
      "reason; exit 2 on errors");
  sub->add_option("files", a->files, "FILE|DIR...")->required();
  sub->add_option("--format", a->format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  return {sub, [a] { return RunValidate(*a); }};
}

}  // namespace verifica::cli
