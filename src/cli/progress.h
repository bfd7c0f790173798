// Progress of a scan on stderr: on a terminal, one line redrawn in place (entities done/total,
// pages, pages/s, page errors, documents, broken links, off-site links checked); otherwise a
// plain log line every `interval`; nothing with --quiet. Used from one thread.
// The counts are defined as the per-entity lines and the summary table count them, so that at
// the end of a campaign the totals are the sums of the entity lines.
#ifndef VERIFICA_CLI_PROGRESS_H_
#define VERIFICA_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace verifica::cli {

struct ProgressSnapshot {
  size_t entities_done = 0;
  size_t entities_total = 0;
  uint64_t pages = 0;         // pages on record: fetched, or failed to fetch
  uint64_t page_errors = 0;   // pages that could not be fetched or checked
  uint64_t documents = 0;     // documents of the sites found reachable
  uint64_t broken_links = 0;  // link targets (pages, documents, off-site) that do not work
  uint64_t external = 0;      // off-site links checked
  std::string active;         // ids of the entities being crawled, short
};

class Progress {
 public:
  enum class Mode { kNone, kTerminal, kLog };
  // kTerminal when `stream` is a TTY, kLog otherwise, kNone when quiet.
  static Mode ModeFor(std::FILE* stream, bool quiet);

  Progress(Mode mode, std::FILE* stream,
           std::chrono::milliseconds log_interval = std::chrono::seconds(10));
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // Redraws (terminal, at most every 200 ms) or logs (every log_interval) the current state.
  void Update(const ProgressSnapshot& s);
  // A line that stays (an entity finished, a warning): printed above the progress line.
  void Message(const std::string& line);
  // Clears the progress line.
  void Finish(const ProgressSnapshot& s);

  // "45.2" pages per second since the start.
  double Rate(uint64_t pages) const;

 private:
  std::string Line(const ProgressSnapshot& s) const;
  void Clear();

  Mode mode_;
  std::FILE* out_;
  std::chrono::milliseconds interval_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

}  // namespace verifica::cli

#endif  // VERIFICA_CLI_PROGRESS_H_
