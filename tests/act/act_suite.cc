#include "act/act_suite.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "html/parser.h"
#include "rules/engine/runner.h"
#include "testing/rule_harness.h"

namespace verifica::act {

namespace {

std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    *ok = false;
    return {};
  }
  // One bulk read: character iterators are slow in the sanitized Debug build, and the
  // manifest is read by every test process.
  std::ostringstream buffer;
  buffer << f.rdbuf();
  *ok = !f.bad();
  return std::move(buffer).str();
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

bool IsActRuleId(std::string_view id) {
  if (id.size() != 6) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

ActCase CaseFromJson(const nlohmann::json& c) {
  ActCase a;
  a.rule_id = c.at("rule_id").get<std::string>();
  a.file = c.at("file").get<std::string>();
  a.expected = c.at("expected").get<std::string>();
  a.n = c.at("n").get<int>();
  a.testcase_id = c.value("testcase_id", std::string());
  a.description = c.value("description", std::string());
  return a;
}

// The whole manifest through the JSON parser.
void ParseWhole(const std::string& text, Manifest* m) {
  const nlohmann::json j = nlohmann::json::parse(text);
  for (const auto& r : j.at("rules")) {
    m->rule_names[r.at("rule_id").get<std::string>()] = r.at("rule_name").get<std::string>();
  }
  if (j.contains("deprecated_rules")) {
    for (const auto& r : j.at("deprecated_rules")) {
      m->deprecated_rules.insert(r.at("rule_id").get<std::string>());
    }
  }
  for (const auto& c : j.at("cases")) m->cases.push_back(CaseFromJson(c));
}

// Fast path for the manifest's documented layout (one rule or one case per line): only the
// cases of `wanted` ACT rules go through the JSON parser, which matters because every test
// process of the sanitized build reads the manifest. Returns false when the layout or the
// counts do not match; the caller then parses the whole file.
bool ParseByLines(const std::string& text, const std::set<std::string>& wanted, Manifest* m) {
  enum class Section { kOther, kRules, kDeprecated, kCases };
  Section section = Section::kOther;
  int64_t want_rules = -1, want_cases = -1, seen_rules = 0, seen_cases = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("\"counts\":", 0) == 0) {
      std::string obj = line.substr(line.find(':') + 1);
      if (!obj.empty() && obj.back() == ',') obj.pop_back();
      const nlohmann::json counts = nlohmann::json::parse(obj);
      want_rules = counts.at("rules").get<int64_t>();
      want_cases = counts.at("cases").get<int64_t>();
      continue;
    }
    if (line.rfind("\"", 0) == 0) {
      section = line.rfind("\"rules\": [", 0) == 0              ? Section::kRules
                : line.rfind("\"deprecated_rules\": [", 0) == 0 ? Section::kDeprecated
                : line.rfind("\"cases\": [", 0) == 0            ? Section::kCases
                                                                : Section::kOther;
      continue;
    }
    const std::string item = Trim(line);
    if (item.empty() || item[0] != '{' || section == Section::kOther) continue;
    std::string_view obj = item;
    if (obj.back() == ',') obj.remove_suffix(1);
    if (section == Section::kCases) {
      ++seen_cases;
      static constexpr std::string_view kPrefix = "{\"rule_id\": \"";
      if (obj.substr(0, kPrefix.size()) != kPrefix) return false;
      const std::string id(obj.substr(kPrefix.size(), 6));
      if (wanted.count(id)) m->cases.push_back(CaseFromJson(nlohmann::json::parse(obj)));
      continue;
    }
    const nlohmann::json r = nlohmann::json::parse(obj);
    if (section == Section::kRules) {
      ++seen_rules;
      m->rule_names[r.at("rule_id").get<std::string>()] = r.at("rule_name").get<std::string>();
    } else {
      m->deprecated_rules.insert(r.at("rule_id").get<std::string>());
    }
  }
  return want_cases >= 0 && seen_cases == want_cases && seen_rules == want_rules;
}

Manifest LoadManifest(const std::set<std::string>& wanted) {
  Manifest m;
  const std::string path = ActDir() + "/manifest.json";
  if (!std::filesystem::exists(path)) return m;
  m.present = true;
  bool ok = false;
  const std::string text = ReadFile(path, &ok);
  if (!ok) {
    m.error = "cannot read " + path;
    return m;
  }
  try {
    if (!ParseByLines(text, wanted, &m)) {
      m.rule_names.clear();
      m.deprecated_rules.clear();
      m.cases.clear();
      ParseWhole(text, &m);
    }
  } catch (const nlohmann::json::exception& e) {
    m.error = path + ": " + e.what();
    m.cases.clear();
  }
  return m;
}

}  // namespace

std::string ActDir() { return std::string(VERIFICA_SOURCE_DIR) + "/../shared/act"; }

std::string ActCase::Url() const {
  std::string ext;
  if (size_t dot = file.rfind('.'); dot != std::string::npos) ext = file.substr(dot);
  if (testcase_id.empty()) return std::string(kTestcaseUrlPrefix) + file;
  return std::string(kTestcaseUrlPrefix) + rule_id + "/" + testcase_id + ext;
}

std::vector<const ActCase*> Manifest::CasesOf(std::string_view act_rule_id) const {
  std::vector<const ActCase*> out;
  for (const ActCase& c : cases) {
    if (c.rule_id == act_rule_id) out.push_back(&c);
  }
  return out;
}

const Manifest& GetManifest() {
  static const Manifest* m = [] {
    // The cases of the ACT rules that registered rules name or that exceptions list.
    std::set<std::string> wanted;
    for (const auto& r : testing::Registry().rules()) {
      wanted.insert(r->meta().act.begin(), r->meta().act.end());
    }
    for (const CantTellException& e : GetExceptions().entries) wanted.insert(e.act_rule_id);
    return new Manifest(LoadManifest(wanted));
  }();
  return *m;
}

const CantTellException* ExceptionList::Find(std::string_view act_rule_id,
                                             std::string_view file) const {
  for (const CantTellException& e : entries) {
    if (e.act_rule_id == act_rule_id && e.file == file) return &e;
  }
  return nullptr;
}

ExceptionList ParseExceptions(std::string_view text) {
  ExceptionList list;
  std::istringstream in{std::string(text)};
  std::string raw;
  int line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    const std::string line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    const std::string where = "line " + std::to_string(line_no) + ": ";
    const size_t sp1 = line.find_first_of(" \t");
    const size_t f_start = sp1 == std::string::npos ? sp1 : line.find_first_not_of(" \t", sp1);
    const size_t sp2 = f_start == std::string::npos ? f_start : line.find_first_of(" \t", f_start);
    if (sp2 == std::string::npos) {
      list.errors.push_back(where + "expected '<act-rule-id> <case file> <reason>'");
      continue;
    }
    CantTellException e;
    e.act_rule_id = line.substr(0, sp1);
    e.file = line.substr(f_start, sp2 - f_start);
    e.reason = Trim(std::string_view(line).substr(sp2));
    e.line = line_no;
    if (!IsActRuleId(e.act_rule_id)) {
      list.errors.push_back(where + "'" + e.act_rule_id +
                            "' is not an ACT rule id (six lower-case letters or digits)");
      continue;
    }
    if (e.file.rfind(e.act_rule_id + "/", 0) != 0) {
      list.errors.push_back(where + "case file '" + e.file + "' is not under '" + e.act_rule_id +
                            "/'");
      continue;
    }
    if (e.reason.empty()) {
      list.errors.push_back(where + "a reason is required");
      continue;
    }
    if (const CantTellException* prev = list.Find(e.act_rule_id, e.file)) {
      list.errors.push_back(where + "duplicate of line " + std::to_string(prev->line));
      continue;
    }
    list.entries.push_back(std::move(e));
  }
  return list;
}

const ExceptionList& GetExceptions() {
  static const ExceptionList* list = [] {
    const std::string path =
        std::string(VERIFICA_SOURCE_DIR) + "/tests/act/cant_tell_exceptions.txt";
    bool ok = false;
    const std::string text = ReadFile(path, &ok);
    auto* l = new ExceptionList(ParseExceptions(text));
    if (!ok) l->errors.push_back("cannot read " + path);
    return l;
  }();
  return *list;
}

CaseRun RunCase(const rules::Rule& rule, const ActCase& c) {
  CaseRun run;
  run.result.id = rule.id();
  bool ok = false;
  const std::string path = ActDir() + "/" + c.file;
  const std::string bytes = ReadFile(path, &ok);
  if (!ok) {
    run.problem = "cannot read " + path;
    return run;
  }
  html::ParseOptions po;
  po.url = c.Url();
  po.content_type = html::ContentTypeForPath(c.file);
  html::ParseResult parsed = html::Parse(bytes, po);
  if (!parsed.ok) {
    run.problem = "did not parse (" + parsed.error.kind + "): " + parsed.error.message;
    return run;
  }
  const rules::Rule* one[] = {&rule};
  rules::RunOptions ro;
  ro.include_passes = true;
  std::vector<findings::RuleResult> results = rules::RunRules(parsed.document, one, ro);
  run.result = std::move(results.at(0));
  run.ran = true;
  return run;
}

bool IsAcceptable(Consistency c) {
  return c == Consistency::kConsistent || c == Consistency::kMixup ||
         c == Consistency::kListedCantTell;
}

std::string_view ToString(Consistency c) {
  switch (c) {
    case Consistency::kConsistent:
      return "consistent";
    case Consistency::kMixup:
      return "consistent (passed/inapplicable mix-up)";
    case Consistency::kListedCantTell:
      return "cantTell (listed exception)";
    case Consistency::kInconsistent:
      return "INCONSISTENT";
    case Consistency::kUnlistedCantTell:
      return "cantTell NOT LISTED in tests/act/cant_tell_exceptions.txt";
    case Consistency::kStaleException:
      return "STALE exception: the rule now decides this case";
    case Consistency::kNotRun:
      return "NOT RUN";
  }
  return "?";
}

Consistency Judge(const ActCase& c, const CaseRun& run, const CantTellException* exception) {
  if (!run.ran) return Consistency::kNotRun;
  const findings::Outcome got = run.result.outcome;
  if (got == findings::Outcome::kCantTell) {
    return exception ? Consistency::kListedCantTell : Consistency::kUnlistedCantTell;
  }
  if (exception) return Consistency::kStaleException;
  const std::optional<findings::Outcome> want = findings::OutcomeFromString(c.expected);
  if (!want) return Consistency::kNotRun;
  if (*want == findings::Outcome::kFailed) {
    return got == findings::Outcome::kFailed ? Consistency::kConsistent
                                             : Consistency::kInconsistent;
  }
  if (got == findings::Outcome::kFailed) return Consistency::kInconsistent;
  return got == *want ? Consistency::kConsistent : Consistency::kMixup;
}

std::string Explain(const rules::Rule& rule, const ActCase& c, const CaseRun& run,
                    Consistency verdict) {
  std::string s = rule.id() + " on ACT " + c.rule_id + " " + c.file + ": expected " + c.expected;
  if (run.ran) {
    s += ", got " + std::string(findings::ToString(run.result.outcome));
  } else {
    s += ", " + run.problem;
  }
  s += " — " + std::string(ToString(verdict));
  if (!run.result.error.empty()) s += "\n  rule error: " + run.result.error;
  if (!IsAcceptable(verdict) && run.ran) {
    for (const findings::Finding& f : run.result.findings) {
      if (f.outcome == findings::Outcome::kPassed) continue;
      s += "\n  " + std::string(findings::ToString(f.outcome)) + " " +
           (f.selector.empty() ? std::string("(page)") : f.selector) + ": " + f.message.en;
    }
    if (!c.description.empty()) s += "\n  case: " + c.description;
  }
  return s;
}

}  // namespace verifica::act
