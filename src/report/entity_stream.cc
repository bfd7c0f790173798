#include "report/entity_stream.h"

#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "report/formats.h"

namespace verifica::report {

namespace fs = std::filesystem;
using findings::Outcome;

void EntityTally::Seen(const findings::RuleResult& r) {
  if (rules_.count(r.id) > 0) return;
  findings::RuleResult meta;
  meta.id = r.id;
  meta.outcome = r.outcome;
  meta.wcag = r.wcag;
  meta.act = r.act;
  meta.impact = r.impact;
  rules_.emplace(r.id, std::move(meta));
}

EntityStreamInput WholeReportInput(const findings::EntityReport& report, const Catalog& catalog,
                                   std::string_view lang, EntityTally& tally) {
  tally.SetCatalog(&catalog);
  tally.SetPortal(report.portal);
  for (const findings::PageReport& p : report.pages) tally.AddPage(p);
  tally.AddEntityRules(report.entity_rules);
  EntityStreamInput in;
  in.head = &report;
  in.pages = report.pages.size();
  in.tally = &tally;
  in.ctx = FingerprintContext::For(report.pages, report.entity_rules);
  in.catalog = &catalog;
  in.lang = std::string(lang);
  return in;
}

void EntityTally::AddPage(const findings::PageReport& page) {
  summary_.AddPage(page);
  ++pages_;
  if (page.error) ++page_errors_;
  for (const findings::RuleResult& r : page.rules) {
    Seen(r);
    if (!r.error.empty()) {
      ++broken_;
    } else {
      ++by_outcome_[static_cast<size_t>(r.outcome)];
    }
  }
}

void EntityTally::AddEntityRules(const std::vector<findings::RuleResult>& rules) {
  summary_.AddEntityRules(rules);
  for (const findings::RuleResult& r : rules) Seen(r);
}

std::unique_ptr<EntityWriter> MakeEntityWriter(std::string_view format, std::ostream& out,
                                               const EntityStreamInput& in) {
  if (format == "json") return MakeJsonEntityWriter(out, in);
  if (format == "html") return MakeHtmlEntityWriter(out, in);
  if (format == "sarif") return MakeSarifEntityWriter(out, in);
  if (format == "junit") return MakeJunitEntityWriter(out, in);
  if (format == "csv") return MakeCsvEntityWriter(out, in);
  if (format == "earl") return MakeEarlEntityWriter(out, in);
  return nullptr;
}

struct EntityFilesWriter::File {
  fs::path path;
  fs::path tmp;
  std::ofstream out;
  std::unique_ptr<EntityWriter> writer;
};

Result<std::unique_ptr<EntityFilesWriter>> EntityFilesWriter::Open(
    const fs::path& dir, const std::vector<std::string>& formats, const EntityStreamInput& in,
    bool with_json) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return IoError("cannot create " + dir.string() + ": " + ec.message());
  std::unique_ptr<EntityFilesWriter> w(new EntityFilesWriter());
  std::vector<std::string> names;
  if (with_json) names.push_back("json");
  for (const std::string& f : formats) {
    if (FindFormat(f) == nullptr) return InvalidArgument("unknown report format '" + f + "'");
    if (std::find(names.begin(), names.end(), f) == names.end()) names.push_back(f);
  }
  for (const std::string& name : names) {
    auto file = std::make_unique<File>();
    file->path = dir / FindFormat(name)->file;
    file->tmp = file->path.string() + ".tmp-" + std::to_string(::getpid());
    if (fs::is_directory(file->path, ec)) {
      return IoError("cannot write " + file->path.string() + ": a folder has that name");
    }
    file->out.open(file->tmp, std::ios::binary | std::ios::trunc);
    // Registered before the check, so that the destructor removes what was created.
    w->files_.push_back(std::move(file));
    File& f = *w->files_.back();
    if (!f.out) {
      return IoError("cannot write " + f.path.string() + ": folder missing or not writable");
    }
    f.writer = MakeEntityWriter(name, f.out, in);
    if (name != "json") w->needs_pages_ = true;
  }
  return w;
}

EntityFilesWriter::~EntityFilesWriter() {
  if (finished_) return;
  std::error_code ec;
  for (auto& f : files_) {
    f->out.close();
    fs::remove(f->tmp, ec);
  }
}

void EntityFilesWriter::Page(const findings::PageReport* page, std::string_view rendered_json) {
  static const findings::PageReport kNone;
  for (auto& f : files_) f->writer->Page(page != nullptr ? *page : kNone, rendered_json);
}

Status EntityFilesWriter::Finish() {
  Status status;
  for (auto& f : files_) {
    f->writer->Finish();
    f->out.flush();
    if (!f->out && status.ok()) {
      status = IoError("writing " + f->path.string() + " failed (disk full?)");
    }
    f->out.close();
  }
  if (!status.ok()) return status;  // the destructor removes the temporary files
  // report.json, the source of truth, is renamed last.
  std::stable_partition(files_.begin(), files_.end(), [](const std::unique_ptr<File>& f) {
    return f->path.filename() != "report.json";
  });
  for (size_t i = 0; i < files_.size(); ++i) {
    std::error_code ec;
    fs::rename(files_[i]->tmp, files_[i]->path, ec);
    if (ec) {
      for (size_t k = i; k < files_.size(); ++k) fs::remove(files_[k]->tmp, ec);
      finished_ = true;
      return IoError("cannot write " + files_[i]->path.string() + ": " + ec.message());
    }
  }
  finished_ = true;
  return Status::Ok();
}

SpillBuffer::~SpillBuffer() {
  if (file_ != nullptr) std::fclose(file_);
}

void SpillBuffer::Append(std::string_view s) {
  size_ += s.size();
  if (file_ == nullptr) {
    mem_.append(s);
    if (mem_.size() <= kMemoryLimit) return;
    file_ = std::tmpfile();
    if (file_ == nullptr) return;  // no temporary folder: keep it in memory
    s = mem_;
  }
  std::fwrite(s.data(), 1, s.size(), file_);
  if (!mem_.empty()) {
    mem_.clear();
    mem_.shrink_to_fit();
  }
}

void SpillBuffer::CopyTo(std::ostream& out) {
  if (file_ == nullptr) {
    out << mem_;
    return;
  }
  std::fflush(file_);
  std::rewind(file_);
  std::string buf(1 << 16, '\0');
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), file_)) > 0) {
    out.write(buf.data(), static_cast<std::streamsize>(n));
  }
  std::fseek(file_, 0, SEEK_END);
}

JsonSplice SpliceJson(const std::string& text, std::string_view placeholder) {
  JsonSplice s;
  const std::string quoted = "\"" + std::string(placeholder) + "\"";
  const size_t at = text.rfind(quoted);
  if (at == std::string::npos) {
    s.before = text;
    return s;
  }
  s.found = true;
  s.before = text.substr(0, at);
  s.after = text.substr(at + quoted.size());
  const size_t line = s.before.rfind('\n');
  s.indent = s.before.substr(line == std::string::npos ? 0 : line + 1);
  return s;
}

std::string IndentedElement(const std::string& one, std::string_view indent) {
  std::string out;
  out.reserve(one.size() + one.size() / 16);
  for (char c : one) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

}  // namespace verifica::report
