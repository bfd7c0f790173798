// The stylesheets a page links to (<link rel=stylesheet>, @import), as loaded by whoever fetched
// the page (the crawler during `scan`, the file reader or a fetch during `check`). The `style`
// module reads them as text; it never does I/O itself. A sheet that could not be loaded stays in
// the set with its reason, so that a value only it could decide is reported as "cannot tell"
// instead of guessed, and so that reports can list what was not loaded.
#ifndef VERIFICA_STYLE_SHEETS_H_
#define VERIFICA_STYLE_SHEETS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace verifica::style {

// Why a linked sheet has no text. Handled by `switch` without `default`.
enum class SheetLoad : uint8_t {
  kLoaded,
  kFetchFailed,    // network or HTTP error (see `error`)
  kRefused,        // robots.txt, private address, scheme, or outside the crawl's rules
  kOverBudget,     // the per-entity cap on sheets or bytes was reached
  kNotStylesheet,  // the body is not CSS (HTML error page, binary)
};

struct LinkedSheet {
  std::string url;     // absolute URL after resolution (the href as written when unresolvable)
  std::string media;   // the <link media> or @import media list, empty for all
  std::string text;    // UTF-8 CSS text when kLoaded
  SheetLoad load = SheetLoad::kLoaded;
  std::string error;   // human detail when not loaded (e.g. "HTTP 404", "robots.txt")
  int import_depth = 0;  // 0 for <link>, n for a sheet reached through n @import steps
};

// The sheets of one page, in document order (a sheet's imports come before the sheet itself,
// as CSS orders them). Shared read-only between the pages of an entity that link the same sheet.
struct SheetSet {
  std::vector<std::shared_ptr<const LinkedSheet>> sheets;

  // True when at least one linked sheet could not be loaded.
  [[nodiscard]] bool AnyUnloaded() const;
};

}  // namespace verifica::style

#endif  // VERIFICA_STYLE_SHEETS_H_
