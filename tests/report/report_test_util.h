// Helpers for the report tests: fixture reports and catalog, golden files, temporary folders,
// running the verifica binary and other programs.
#ifndef VERIFICA_TESTS_REPORT_REPORT_TEST_UTIL_H_
#define VERIFICA_TESTS_REPORT_REPORT_TEST_UTIL_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"
#include "report/check_output.h"

namespace verifica::testing {

// A file under the source tree (VERIFICA_SOURCE_DIR), or "" (and a test failure) if unreadable.
std::string ReadSource(std::string_view relative);
std::string ReadFileOrEmpty(const std::filesystem::path& path);
std::filesystem::path SourcePath(std::string_view relative);

// fixtures/report/catalog.json, parsed with the rules module's metadata parser.
const report::Catalog& FixtureCatalog();

// fixtures/report/campaign/<id>/report.json.
findings::EntityReport FixtureReport(std::string_view entity_id);

// A report whose every page-derived string is hostile: markup, quotes, script end tags,
// javascript:/data: URLs, control characters, escape sequences and ill-formed UTF-8.
findings::EntityReport HostileReport();

// Compares `actual` with tests/report/golden/<name>; with VERIFICA_UPDATE_GOLDEN=1 in the
// environment, rewrites the golden file instead.
void ExpectGolden(std::string_view name, const std::string& actual);

// A fresh folder under the system temporary folder, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (no shell), optionally in `cwd`, with stdout and stderr captured.
RunResult Run(const std::vector<std::string>& argv, const std::filesystem::path& cwd = {},
              int timeout_seconds = 120);

// The verifica binary under test.
std::string VerificaBinary();
// The build folder (where the binary is).
std::filesystem::path BuildDir();

// True when `s` is well-formed UTF-8.
bool IsUtf8(std::string_view s);

}  // namespace verifica::testing

#endif  // VERIFICA_TESTS_REPORT_REPORT_TEST_UTIL_H_
