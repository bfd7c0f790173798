// The entities file of a campaign (DESIGN.md "Entities file"): CSV with a header row (id, name,
// url required; kind, profiles, max_pages, jurisdiction (also "jurisdiccion") optional) or a
// JSON array of objects with the same keys. A malformed file is rejected whole: every problem
// is reported with its line number and nothing is scanned. Also: where a crawl starts for a URL, file:// URL or local directory.
#ifndef VERIFICA_CLI_ENTITIES_H_
#define VERIFICA_CLI_ENTITIES_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"
#include "util/status.h"

namespace verifica::cli {

// Where a crawl starts.
struct StartPoint {
  std::string url;                       // canonical http(s) or file:// URL
  std::vector<std::string> extra_seeds;  // a directory without index.html: its pages
  std::string scope_root;                // file crawls: the directory URL (ends in '/')
};

// A command-line or entities-file target: http(s) URL, file:// URL, or local path (a file or a
// directory; relative paths are taken from `base_dir`). A directory starts at its index.html
// (or index.htm); without one, every .html/.htm page under it is a seed.
Result<StartPoint> ResolveStart(std::string_view target, const std::filesystem::path& base_dir);

struct Entity {
  std::string id;    // filesystem-safe slug, unique (case-insensitively) in the file
  std::string name;
  std::string url;   // as written in the file
  std::string kind;
  std::vector<std::string> profiles;
  std::optional<int> max_pages;
  // Whose law applies (rules/decl/jurisdictions.h): "federal" or an entidad federativa
  // ("MX-CMX"); federal, with `jurisdiction_defaulted`, when the file names none.
  std::string jurisdiction = "federal";
  findings::LocalizedText jurisdiction_name = {"Federación", "Federal"};
  bool jurisdiction_defaulted = true;
  findings::LocalizedText guarantor;  // the authority its portal should name (scan date)
  StartPoint start;
  int line = 0;      // line of the file where it is defined
};

// True for ids usable as a folder name everywhere: 1–100 characters from [A-Za-z0-9._-],
// starting with a letter or digit, not a name the report layout uses or Windows reserves.
bool IsSafeId(std::string_view id);

// A slug id for a scan of one URL or path ("www.sep.gob.mx", "sitio-local").
std::string IdForTarget(std::string_view target);

// Parses an entities file's text. `file_name` prefixes error messages; relative local paths in
// the url column are taken from `base_dir`. The error lists every problem found, one per line,
// each as "FILE:LINE: reason".
Result<std::vector<Entity>> ParseEntities(std::string_view text, std::string_view file_name,
                                          const std::filesystem::path& base_dir);

// Reads and parses `path` (JSON when it starts with '[' after white space, CSV otherwise).
Result<std::vector<Entity>> LoadEntitiesFile(const std::string& path);

}  // namespace verifica::cli

#endif  // VERIFICA_CLI_ENTITIES_H_
