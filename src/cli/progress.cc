#include "cli/progress.h"

#include <unistd.h>

#include <cstdlib>

namespace verifica::cli {

using Clock = std::chrono::steady_clock;

Progress::Mode Progress::ModeFor(std::FILE* stream, bool quiet) {
  if (quiet) return Mode::kNone;
  const char* term = std::getenv("TERM");
  const bool dumb = term != nullptr && std::string(term) == "dumb";
  return ::isatty(fileno(stream)) && !dumb ? Mode::kTerminal : Mode::kLog;
}

Progress::Progress(Mode mode, std::FILE* stream, std::chrono::milliseconds log_interval)
    : mode_(mode), out_(stream), interval_(log_interval), start_(Clock::now()), last_(start_) {}

Progress::~Progress() { Clear(); }

double Progress::Rate(uint64_t pages) const {
  const double secs = std::chrono::duration<double>(Clock::now() - start_).count();
  return secs > 0 ? static_cast<double>(pages) / secs : 0.0;
}

std::string Progress::Line(const ProgressSnapshot& s) const {
  char buf[320];
  std::snprintf(buf, sizeof buf,
                "%zu/%zu entities, %llu pages (%.1f/s), %llu page errors, %llu documents, %llu "
                "broken links",
                s.entities_done, s.entities_total, static_cast<unsigned long long>(s.pages),
                Rate(s.pages), static_cast<unsigned long long>(s.page_errors),
                static_cast<unsigned long long>(s.documents),
                static_cast<unsigned long long>(s.broken_links));
  std::string line = buf;
  if (s.external > 0) line += ", " + std::to_string(s.external) + " off-site links checked";
  if (!s.active.empty()) line += " - " + s.active;
  return line;
}

void Progress::Clear() {
  if (mode_ == Mode::kTerminal && drawn_) {
    std::fputs("\r\033[K", out_);
    std::fflush(out_);
    drawn_ = false;
  }
}

void Progress::Update(const ProgressSnapshot& s) {
  const auto now = Clock::now();
  if (mode_ == Mode::kTerminal) {
    if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    std::string line = Line(s);
    if (line.size() > 110) line = line.substr(0, 107) + "...";
    std::fprintf(out_, "\r\033[K%s", line.c_str());
    std::fflush(out_);
    drawn_ = true;
  } else if (mode_ == Mode::kLog) {
    if (now - last_ < interval_) return;
    last_ = now;
    std::fprintf(out_, "verifica: %s\n", Line(s).c_str());
    std::fflush(out_);
  }
}

void Progress::Message(const std::string& line) {
  if (mode_ == Mode::kNone) return;
  Clear();
  std::fprintf(out_, "verifica: %s\n", line.c_str());
  std::fflush(out_);
}

void Progress::Finish(const ProgressSnapshot& s) {
  if (mode_ == Mode::kNone) return;
  Clear();
  std::fprintf(out_, "verifica: %s\n", Line(s).c_str());
  std::fflush(out_);
}

}  // namespace verifica::cli
