#include "cli/entities.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "fetch/scope.h"
#include "rules/decl/jurisdictions.h"
#include "util/text.h"
#include "util/url.h"

namespace verifica::cli {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxSeeds = 100000;
constexpr int kMaxPagesLimit = 1000000;
constexpr size_t kMaxErrors = 50;

bool IsHtmlFile(const fs::path& p) {
  const std::string ext = text::AsciiLower(p.extension().string());
  return ext == ".html" || ext == ".htm" || ext == ".xhtml";
}

Result<StartPoint> StartForPath(const fs::path& path) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return InvalidArgument(path.string() + ": no such file or directory");
  StartPoint sp;
  if (!fs::is_directory(st)) {
    sp.url = url::FromPath(path.string());
    sp.scope_root = url::FromPath(path.parent_path().string()) + "/";
    return sp;
  }
  const fs::path dir = fs::absolute(path, ec).lexically_normal();
  std::string root = url::FromPath(dir.string());
  if (root.empty() || root.back() != '/') root += "/";
  sp.scope_root = root;
  for (const char* index : {"index.html", "index.htm"}) {
    if (fs::is_regular_file(dir / index, ec)) {
      sp.url = url::FromPath((dir / index).string());
      return sp;
    }
  }
  // No index page: every page under the directory is a seed, shallowest first.
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec),
       end;
       it != end && !ec && files.size() < kMaxSeeds; it.increment(ec)) {
    if (it->is_regular_file(ec) && IsHtmlFile(it->path())) files.push_back(it->path());
  }
  if (ec) return InvalidArgument(path.string() + ": cannot list the directory: " + ec.message());
  if (files.empty()) {
    return InvalidArgument(path.string() + ": no index.html and no .html or .htm pages in it");
  }
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    const auto da = std::distance(a.begin(), a.end()), db = std::distance(b.begin(), b.end());
    return da != db ? da < db : a < b;
  });
  sp.url = url::FromPath(files.front().string());
  for (size_t i = 1; i < files.size(); ++i) sp.extra_seeds.push_back(url::FromPath(files[i].string()));
  return sp;
}

std::string Lower(std::string_view s) { return text::AsciiLower(s); }

// One CSV record and the line it starts on.
struct Record {
  std::vector<std::string> fields;
  int line = 0;
};

// RFC 4180 CSV: quoted fields may hold the delimiter, quotes ("") and line breaks.
Result<std::vector<Record>> ReadCsv(std::string_view text, char delim, std::string_view file) {
  std::vector<Record> out;
  Record rec;
  std::string field;
  int line = 1;
  rec.line = 1;
  bool in_quotes = false, field_started = false, quoted_field = false;
  auto end_field = [&] {
    rec.fields.push_back(quoted_field ? field : std::string(text::TrimHtmlSpace(field)));
    field.clear();
    field_started = quoted_field = false;
  };
  auto end_record = [&] {
    end_field();
    const bool blank = rec.fields.size() == 1 && rec.fields[0].empty();
    if (!blank) out.push_back(std::move(rec));
    rec = Record();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && !field_started) {
      in_quotes = quoted_field = field_started = true;
      field.clear();
    } else if (c == delim) {
      end_field();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_record();
      ++line;
      rec.line = line;
    } else if (quoted_field) {
      if (c != ' ' && c != '\t') {
        return InvalidArgument(std::string(file) + ":" + std::to_string(line) +
                               ": text after a closing quote");
      }
    } else {
      field.push_back(c);
      if (c != ' ' && c != '\t') field_started = true;
    }
  }
  if (in_quotes) {
    return InvalidArgument(std::string(file) + ":" + std::to_string(rec.line) +
                           ": a quoted field is never closed");
  }
  if (field_started || !field.empty() || !rec.fields.empty()) end_record();
  return out;
}

// Line numbers of the objects of a top-level JSON array, in order (strings and nesting aware).
std::vector<int> ArrayItemLines(std::string_view text) {
  std::vector<int> lines;
  int line = 1, depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') ++line;
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      if (depth == 1) lines.push_back(line);  // a string item (rejected later)
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (depth == 1) lines.push_back(line);
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (depth == 1 && c != ',' && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      lines.push_back(line);  // a scalar item: still an item (rejected later)
      while (i + 1 < text.size() && text[i + 1] != ',' && text[i + 1] != ']' &&
             text[i + 1] != '\n') {
        ++i;
      }
    }
  }
  return lines;
}

std::vector<std::string> SplitProfiles(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ';' || c == '|' || c == ',' || text::IsHtmlSpace(c)) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

const std::vector<std::string>& KnownColumns() {
  static const std::vector<std::string> kCols = {
      "id", "name", "url", "kind", "profiles", "max_pages", "jurisdiction", "jurisdiccion",
      "jurisdicción"};
  return kCols;
}

// Values of one entity before validation.
struct RawEntity {
  std::map<std::string, std::string> values;
  std::vector<std::string> profiles;
  bool profiles_given = false;
  int line = 0;
};

class Validator {
 public:
  Validator(std::string_view file, fs::path base_dir) : file_(file), base_dir_(std::move(base_dir)) {}

  void Error(int line, const std::string& message) {
    if (errors_.size() < kMaxErrors) {
      errors_.push_back(file_ + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": " +
                        message);
    } else if (errors_.size() == kMaxErrors) {
      errors_.push_back(file_ + ": (more errors not shown)");
    }
  }
  bool ok() const { return errors_.empty(); }
  Status status() const {
    std::string all;
    for (const std::string& e : errors_) all += (all.empty() ? "" : "\n") + e;
    return InvalidArgument(all);
  }

  void Add(RawEntity raw, std::vector<Entity>* out) {
    Entity e;
    e.line = raw.line;
    auto get = [&](const char* k) {
      auto it = raw.values.find(k);
      return it == raw.values.end() ? std::string() : it->second;
    };
    e.id = get("id");
    e.name = get("name");
    e.url = get("url");
    e.kind = get("kind");
    bool good = true;
    if (e.id.empty()) {
      Error(raw.line, "empty id");
      good = false;
    } else if (!IsSafeId(e.id)) {
      Error(raw.line, "id '" + std::string(text::TruncateUtf8(e.id, 80)) +
                          "' is not a safe file name (use letters, digits, '.', '_' and '-', "
                          "starting with a letter or digit, at most 100 characters)");
      good = false;
    } else if (auto [it, inserted] = ids_.emplace(Lower(e.id), raw.line); !inserted) {
      Error(raw.line, "duplicate id '" + e.id + "' (first on line " + std::to_string(it->second) +
                          ")");
      good = false;
    }
    if (text::IsBlank(e.name)) {
      Error(raw.line, "empty name");
      good = false;
    }
    if (e.url.empty()) {
      Error(raw.line, "empty url");
      good = false;
    } else {
      auto start = ResolveStart(e.url, base_dir_);
      if (!start.ok()) {
        Error(raw.line, "bad url: " + start.status().message());
        good = false;
      } else {
        e.start = std::move(start).value();
      }
    }
    if (const std::string mp = get("max_pages"); !mp.empty()) {
      const bool digits = std::all_of(mp.begin(), mp.end(), [](char c) { return c >= '0' && c <= '9'; });
      long v = digits && mp.size() <= 9 ? std::stol(mp) : -1;
      if (v < 1 || v > kMaxPagesLimit) {
        Error(raw.line, "max_pages '" + std::string(text::TruncateUtf8(mp, 40)) +
                            "' is not a whole number from 1 to " + std::to_string(kMaxPagesLimit));
        good = false;
      } else {
        e.max_pages = static_cast<int>(v);
      }
    }
    std::vector<std::string> profiles =
        raw.profiles_given ? raw.profiles : SplitProfiles(get("profiles"));
    for (const std::string& p : profiles) {
      if (!IsSafeId(p)) {
        Error(raw.line, "profile '" + std::string(text::TruncateUtf8(p, 60)) +
                            "' is not a valid pack name");
        good = false;
      }
    }
    e.profiles = std::move(profiles);
    {
      std::string given;
      for (const char* col : {"jurisdiction", "jurisdiccion", "jurisdicción"}) {
        if (const std::string v = get(col); !text::IsBlank(v)) given = v;
      }
      auto j = rules::decl::ResolveJurisdiction(given);
      if (!j.ok()) {
        Error(raw.line, j.status().message());
        good = false;
      } else {
        e.jurisdiction = j->jurisdiction->code;
        e.jurisdiction_name = j->jurisdiction->name;
        e.jurisdiction_defaulted = j->defaulted;
      }
    }
    if (good) out->push_back(std::move(e));
  }

 private:
  std::string file_;
  fs::path base_dir_;
  std::vector<std::string> errors_;
  std::map<std::string, int> ids_;
};

Result<std::vector<Entity>> ParseCsv(std::string_view text, std::string_view file,
                                     const fs::path& base_dir) {
  // The delimiter: ',' unless the header has ';' and no ',' (spreadsheets set to Spanish).
  std::string_view header_line = text.substr(0, text.find_first_of("\r\n"));
  const char delim =
      header_line.find(',') == std::string_view::npos && header_line.find(';') != std::string_view::npos
          ? ';'
          : ',';
  auto records = ReadCsv(text, delim, file);
  if (!records.ok()) return records.status();
  Validator v(file, base_dir);
  if (records->empty()) {
    v.Error(1, "empty file: expected a header row with id,name,url");
    return v.status();
  }
  const Record& header = records->front();
  std::vector<std::string> cols;
  std::set<std::string> seen;
  for (const std::string& f : header.fields) {
    std::string c = Lower(text::TrimHtmlSpace(f));
    const auto& known = KnownColumns();
    if (std::find(known.begin(), known.end(), c) == known.end()) {
      v.Error(header.line,
              "unknown column '" + std::string(text::TruncateUtf8(c, 60)) +
                  "' (columns: id, name, url, kind, profiles, max_pages, jurisdiction)");
    } else if (!seen.insert(c).second) {
      v.Error(header.line, "column '" + c + "' appears twice");
    }
    cols.push_back(std::move(c));
  }
  for (const char* required : {"id", "name", "url"}) {
    if (!seen.count(required)) {
      v.Error(header.line, std::string("missing column '") + required + "'");
    }
  }
  if (!v.ok()) return v.status();
  std::vector<Entity> out;
  for (size_t i = 1; i < records->size(); ++i) {
    const Record& r = (*records)[i];
    if (r.fields.size() != cols.size()) {
      v.Error(r.line, std::to_string(r.fields.size()) + " fields, but the header has " +
                          std::to_string(cols.size()));
      continue;
    }
    RawEntity raw;
    raw.line = r.line;
    for (size_t c = 0; c < cols.size(); ++c) raw.values[cols[c]] = r.fields[c];
    v.Add(std::move(raw), &out);
  }
  if (!v.ok()) return v.status();
  if (out.empty()) {
    v.Error(header.line, "no entities after the header row");
    return v.status();
  }
  return out;
}

Result<std::vector<Entity>> ParseJson(std::string_view text, std::string_view file,
                                      const fs::path& base_dir) {
  Validator v(file, base_dir);
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const size_t at = std::min<size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
    v.Error(line, "not valid JSON");
    return v.status();
  }
  if (!doc.is_array()) {
    v.Error(1, "expected a JSON array of entity objects");
    return v.status();
  }
  const std::vector<int> lines = ArrayItemLines(text);
  std::vector<Entity> out;
  for (size_t i = 0; i < doc.size(); ++i) {
    const int line = i < lines.size() ? lines[i] : 0;
    const nlohmann::json& item = doc[i];
    if (!item.is_object()) {
      v.Error(line, "entity " + std::to_string(i + 1) + " is not an object");
      continue;
    }
    RawEntity raw;
    raw.line = line;
    bool good = true;
    for (const char* required : {"id", "name", "url"}) {
      if (!item.contains(required)) {
        v.Error(line, "entity " + std::to_string(i + 1) + ": missing \"" + required + "\"");
        good = false;
      }
    }
    for (auto it = item.begin(); it != item.end(); ++it) {
      const std::string& key = it.key();
      const auto& known = KnownColumns();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        v.Error(line, "entity " + std::to_string(i + 1) + ": unknown key \"" +
                          std::string(text::TruncateUtf8(key, 60)) +
                          "\" (keys: id, name, url, kind, profiles, max_pages, jurisdiction)");
        good = false;
        continue;
      }
      const nlohmann::json& val = it.value();
      if (key == "profiles" && val.is_array()) {
        raw.profiles_given = true;
        for (const auto& p : val) {
          if (!p.is_string()) {
            v.Error(line, "entity " + std::to_string(i + 1) + ": profiles must be strings");
            good = false;
            break;
          }
          raw.profiles.push_back(p.get<std::string>());
        }
      } else if (key == "max_pages" && val.is_number_integer()) {
        raw.values[key] = std::to_string(val.get<int64_t>());
      } else if (val.is_string()) {
        raw.values[key] = val.get<std::string>();
      } else if (val.is_null() && key != "id" && key != "name" && key != "url") {
        // an absent optional value
      } else {
        v.Error(line, "entity " + std::to_string(i + 1) + ": \"" + key + "\" must be " +
                          (key == "max_pages" ? "a whole number"
                                              : key == "profiles" ? "a list of strings" : "a string"));
        good = false;
      }
    }
    if (good) v.Add(std::move(raw), &out);
  }
  if (!v.ok()) return v.status();
  if (out.empty()) {
    v.Error(1, "the array holds no entities");
    return v.status();
  }
  return out;
}

}  // namespace

Result<StartPoint> ResolveStart(std::string_view target, const fs::path& base_dir) {
  const std::string t(text::TrimHtmlSpace(target));
  if (url::IsHttp(t)) {
    auto canon = fetch::CanonicalUrl("", t);
    if (!canon.ok()) return canon.status();
    StartPoint sp;
    sp.url = *canon;
    return sp;
  }
  if (text::StartsWithIgnoreAsciiCase(t, "file://")) {
    auto p = url::ToPath(t);
    if (!p.ok()) return p.status();
    return StartForPath(fs::path(*p));
  }
  if (t.find("://") != std::string::npos) {
    return InvalidArgument("'" + std::string(text::TruncateUtf8(t, 100)) +
                           "': only http, https and file URLs can be scanned");
  }
  if (t.empty()) return InvalidArgument("empty URL");
  fs::path p(t);
  if (p.is_relative()) p = base_dir / p;
  return StartForPath(p);
}

bool IsSafeId(std::string_view id) {
  if (id.empty() || id.size() > 100) return false;
  const unsigned char first = static_cast<unsigned char>(id.front());
  if (!std::isalnum(first)) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  // Names the report layout uses at the top of OUT, and device names Windows reserves.
  static const std::set<std::string> kLayout = {"summary.json", "summary.csv", "index.html"};
  static const std::set<std::string> kDevices = {"con",  "prn",  "aux",  "nul",  "com1",
                                                 "com2", "com3", "com4", "lpt1", "lpt2", "lpt3"};
  const std::string lower = Lower(id);
  return !kLayout.count(lower) && !kDevices.count(lower.substr(0, lower.find('.')));
}

std::string IdForTarget(std::string_view target) {
  std::string base;
  if (url::IsHttp(target)) {
    auto parts = url::Split(target);
    if (parts.ok()) base = parts->host;
  }
  if (base.empty()) {
    std::string t(target);
    if (text::StartsWithIgnoreAsciiCase(t, "file://")) {
      auto p = url::ToPath(t);
      if (p.ok()) t = *p;
    }
    fs::path p(t);
    std::error_code ec;
    fs::path abs = fs::absolute(p, ec).lexically_normal();
    if (!abs.has_filename()) abs = abs.parent_path();
    base = abs.filename().string();
    if (fs::is_regular_file(abs, ec)) base = abs.parent_path().filename().string();
  }
  std::string out;
  for (char c : base) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    out.push_back(ok ? c : '-');
  }
  while (!out.empty() && !std::isalnum(static_cast<unsigned char>(out.front()))) out.erase(0, 1);
  if (out.size() > 100) out.resize(100);
  if (!IsSafeId(out)) out = "sitio";
  return out;
}

Result<std::vector<Entity>> ParseEntities(std::string_view text, std::string_view file_name,
                                          const fs::path& base_dir) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!text::IsValidUtf8(text)) {
    return InvalidArgument(std::string(file_name) +
                           ": not UTF-8 text (save the file as UTF-8 CSV or JSON)");
  }
  std::string_view trimmed = text::TrimHtmlSpace(text);
  if (!trimmed.empty() && trimmed.front() == '[') return ParseJson(text, file_name, base_dir);
  return ParseCsv(text, file_name, base_dir);
}

Result<std::vector<Entity>> LoadEntitiesFile(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return InvalidArgument(path + ": no such file");
  std::ifstream f(path, std::ios::binary);
  if (!f) return InvalidArgument(path + ": cannot be read");
  std::ostringstream ss;
  ss << f.rdbuf();
  const fs::path base = fs::absolute(fs::path(path), ec).parent_path();
  return ParseEntities(ss.str(), path, base);
}

}  // namespace verifica::cli
