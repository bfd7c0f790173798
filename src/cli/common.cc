#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/campaign_rules.h"
#include "cli/commands.h"
#include "rules/wcag/wcag_module.h"

namespace verifica::cli {

Result<std::unique_ptr<rules::RuleRegistry>> BuildRegistry(const PacksArgs& packs) {
  auto reg = std::make_unique<rules::RuleRegistry>();
  if (Status s = rules::RegisterWcagRules(*reg); !s.ok()) return s;
  if (Status s = RegisterCrawlRules(*reg); !s.ok()) return s;
  if (Status s = RegisterPacks(*reg, packs); !s.ok()) return s;
  return reg;
}

int ExitCodeFor(const std::vector<findings::PageReport>& pages, findings::Impact fail_on) {
  for (const findings::PageReport& p : pages) {
    for (const findings::RuleResult& r : p.rules) {
      if (r.outcome == findings::Outcome::kFailed && r.impact >= fail_on) return 1;
    }
  }
  return 0;
}

bool WriteOutput(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return true;
  }
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path tmp = target.string() + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) {
      std::cerr << "verifica: cannot write " << path
                << ": the folder does not exist or is not writable\n";
      return false;
    }
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    f.flush();
    if (!f) {
      std::cerr << "verifica: writing " << path << " failed (disk full?)\n";
      std::error_code ec;
      fs::remove(tmp, ec);
      return false;
    }
  }
  std::error_code ec;
  fs::rename(tmp, target, ec);
  if (ec) {
    std::cerr << "verifica: cannot write " << path << ": " << ec.message() << "\n";
    fs::remove(tmp, ec);
    return false;
  }
  return true;
}

std::vector<std::string> ImpactNames() { return {"minor", "moderate", "serious", "critical"}; }

}  // namespace verifica::cli
