// Reading a saved report.json one page at a time: the document is parsed as a stream (nlohmann's
// SAX interface), each element of "pages" is handed over as soon as it is complete and then
// dropped, so a report of 10,000 pages is never held whole. Checks as
// findings::ParseEntityReport does (JSON, schema verifica-report/1, field types).
#ifndef VERIFICA_REPORT_REPORT_READER_H_
#define VERIFICA_REPORT_REPORT_READER_H_

#include <filesystem>
#include <functional>

#include "findings/findings.h"
#include "util/status.h"

namespace verifica::report {

// Reads `file`: calls `on_page` with each page in the order of the file, and returns the rest of
// the report (its `pages` empty). A page is given before the whole file is checked: a caller
// that must not act on a bad report reads it once to check it, then again to act.
Result<findings::EntityReport> ReadEntityReport(
    const std::filesystem::path& file, const std::function<void(findings::PageReport&&)>& on_page);

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_REPORT_READER_H_
