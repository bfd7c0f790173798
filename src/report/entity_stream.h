// Writing an entity's report files from its pages one at a time, so that memory does not grow
// with the number of pages times the number of rules:
//   1. while pages finish (in any order), an EntityTally collects what the writers need to know
//      before the first page: the score, the rules that ran, the JUnit totals;
//   2. the pages are then read back one at a time, in report order, and each format writer
//      (report/formats.h) writes what it can of them at once; the HTML report keeps a compact
//      model (per page: URL, status, error and counts; per rule: tallies and the first pages and
//      elements it lists), the others keep nothing per page.
// RenderEntityFormat and WriteEntityOutputs go through the same writers, so a report rendered
// from a whole EntityReport and one streamed from a scan's spool are the same text.
#ifndef VERIFICA_REPORT_ENTITY_STREAM_H_
#define VERIFICA_REPORT_ENTITY_STREAM_H_

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"
#include "report/check_output.h"
#include "report/fingerprint.h"
#include "report/outputs.h"
#include "util/status.h"

namespace verifica::report {

// What is known of an entity's pages before they are written: collected one page at a time, in
// any order. Holds nothing per page.
class EntityTally {
 public:
  // Before the first page: obligation rules and packs are told apart by `catalog` (kept).
  void SetCatalog(const Catalog* catalog) { summary_.SetCatalog(catalog); }
  // Before Finish: the portal state the scan recorded (EntityReport::portal).
  void SetPortal(const std::optional<findings::PortalStatus>& portal) {
    summary_.SetPortal(portal);
  }
  void AddPage(const findings::PageReport& page);
  void AddEntityRules(const std::vector<findings::RuleResult>& rules);

  const SummaryBuilder& summary() const { return summary_; }
  // Every rule that ran (its first result, without findings), by id.
  const std::map<std::string, findings::RuleResult>& rules() const { return rules_; }
  uint64_t pages() const { return pages_; }
  uint64_t page_errors() const { return page_errors_; }
  // Page rule results (entity rules not included) that broke (RuleResult::error), and the others
  // by outcome (index = Outcome).
  uint64_t page_results_broken() const { return broken_; }
  const std::array<uint64_t, 4>& page_results_by_outcome() const { return by_outcome_; }

 private:
  void Seen(const findings::RuleResult& r);
  SummaryBuilder summary_;
  std::map<std::string, findings::RuleResult> rules_;
  uint64_t pages_ = 0, page_errors_ = 0, broken_ = 0;
  std::array<uint64_t, 4> by_outcome_{};
};

// What every format writer is given before the pages.
struct EntityStreamInput {
  // The report without its pages (entity, crawl, entity rules, documents, page roles); its
  // `pages` are not read.
  const findings::EntityReport* head = nullptr;
  uint64_t pages = 0;  // how many pages will be given
  const EntityTally* tally = nullptr;
  FingerprintContext ctx;
  const Catalog* catalog = nullptr;
  std::string lang = "es";
};

// The input for writing a report held whole in memory (`verifica check`, tests): `tally` is
// filled from its pages and entity rules, and must outlive the returned input.
EntityStreamInput WholeReportInput(const findings::EntityReport& report, const Catalog& catalog,
                                   std::string_view lang, EntityTally& tally);

// One format of one entity, written to `out` as pages are given in report order.
class EntityWriter {
 public:
  virtual ~EntityWriter() = default;
  // `rendered_json` is the page's report.json element when the caller has it (only the JSON
  // writer reads it; the others read `page`).
  virtual void Page(const findings::PageReport& page, std::string_view rendered_json) = 0;
  // Writes the rest (entity rules, closing text).
  virtual void Finish() = 0;
};

// The writer of `format` ("json", "html", "sarif", "junit", "csv", "earl"); nullptr for an unknown
// name. `in` and `out` must outlive it.
std::unique_ptr<EntityWriter> MakeEntityWriter(std::string_view format, std::ostream& out,
                                               const EntityStreamInput& in);

// Writes an entity folder: report.json and `formats`, each to a temporary name while pages are
// given, then renamed into place together (report.json last); nothing is replaced on failure.
class EntityFilesWriter {
 public:
  // `with_json`: report.json is written even when `formats` does not name "json".
  static Result<std::unique_ptr<EntityFilesWriter>> Open(const std::filesystem::path& dir,
                                                         const std::vector<std::string>& formats,
                                                         const EntityStreamInput& in,
                                                         bool with_json = true);
  ~EntityFilesWriter();
  EntityFilesWriter(const EntityFilesWriter&) = delete;
  EntityFilesWriter& operator=(const EntityFilesWriter&) = delete;

  // False when only report.json is written and every page comes pre-rendered: the caller need
  // not parse its pages.
  bool needs_pages() const { return needs_pages_; }
  // `page` may be nullptr when !needs_pages() and `rendered_json` is given.
  void Page(const findings::PageReport* page, std::string_view rendered_json);
  Status Finish();

 private:
  EntityFilesWriter() = default;
  struct File;
  std::vector<std::unique_ptr<File>> files_;
  bool needs_pages_ = false;
  bool finished_ = false;
};

// Text that may grow large (a format's body written before its head is known): kept in memory up
// to a limit, then in an anonymous temporary file.
class SpillBuffer {
 public:
  SpillBuffer() = default;
  ~SpillBuffer();
  SpillBuffer(const SpillBuffer&) = delete;
  SpillBuffer& operator=(const SpillBuffer&) = delete;
  void Append(std::string_view s);
  bool empty() const { return size_ == 0; }
  // Copies everything appended to `out`.
  void CopyTo(std::ostream& out);

 private:
  static constexpr size_t kMemoryLimit = 4u << 20;
  std::string mem_;
  std::FILE* file_ = nullptr;
  uint64_t size_ = 0;
};

// The writers behind MakeEntityWriter, one per format (defined next to each format's renderer).
std::unique_ptr<EntityWriter> MakeJsonEntityWriter(std::ostream& out, const EntityStreamInput& in);
std::unique_ptr<EntityWriter> MakeHtmlEntityWriter(std::ostream& out, const EntityStreamInput& in);
std::unique_ptr<EntityWriter> MakeSarifEntityWriter(std::ostream& out, const EntityStreamInput& in);
std::unique_ptr<EntityWriter> MakeJunitEntityWriter(std::ostream& out, const EntityStreamInput& in);
std::unique_ptr<EntityWriter> MakeCsvEntityWriter(std::ostream& out, const EntityStreamInput& in);
std::unique_ptr<EntityWriter> MakeEarlEntityWriter(std::ostream& out, const EntityStreamInput& in);

// JSON documents written around a streamed array: `doc` holds, somewhere, an array whose only
// element is the string `placeholder`; the text of `doc` is split there.
struct JsonSplice {
  std::string before;
  std::string after;
  std::string indent;  // of the array's elements
  bool found = false;
};
JsonSplice SpliceJson(const std::string& dumped_doc, std::string_view placeholder);
// One array element as dump(2) text, each line after the first indented by `indent`.
std::string IndentedElement(const std::string& dumped_element, std::string_view indent);

}  // namespace verifica::report

#endif  // VERIFICA_REPORT_ENTITY_STREAM_H_
