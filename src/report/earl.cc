#include "report/earl.h"

#include <nlohmann/json.hpp>
#include <sstream>

#include "findings/findings_json.h"
#include "report/entity_stream.h"

namespace verifica::report {

using findings::Outcome;
using nlohmann::json;

namespace {

json AssertorJson() {
  const json tool = findings::ToolJson();
  return {{"@type", json::array({"Assertor", "Software"})},
          {"name", tool.value("name", std::string("verifica"))},
          {"release", {{"@type", "Version"}, {"revision", tool.value("version", std::string())}}}};
}

// Where the rule's outcome comes from: the elements reported with that outcome. Whole-page
// findings have no selector and so no pointer.
json Pointers(const findings::RuleResult& r) {
  json out = json::array();
  for (const findings::Finding& f : r.findings) {
    if (f.outcome == r.outcome && !f.selector.empty()) out.push_back(f.selector);
  }
  return out;
}

json ResultJson(const findings::RuleResult& r) {
  json result = {{"@type", "TestResult"}, {"outcome", EarlOutcome(r.outcome)}};
  json pointers = Pointers(r);
  if (!pointers.empty()) result["pointer"] = std::move(pointers);
  if (!r.error.empty()) result["info"] = r.error;
  return result;
}

json AssertionJson(const json& assertor, const findings::RuleResult& r, const std::string* act_id) {
  json test = {{"@type", "TestCase"}, {"title", r.id}};
  if (act_id != nullptr) test["@id"] = std::string(kActRuleUrlPrefix) + *act_id + "/";
  return {{"@type", "Assertion"},
          {"assertedBy", assertor},
          {"mode", "earl:automatic"},
          {"test", std::move(test)},
          {"result", ResultJson(r)}};
}

}  // namespace

std::string EarlOutcome(Outcome o) { return "earl:" + std::string(findings::ToString(o)); }

namespace {

constexpr std::string_view kGraphPlaceholder = "verifica:earl-graph";

json SubjectJson(const json& assertor, const findings::PageReport& p) {
  json assertions = json::array();
  for (const findings::RuleResult& r : p.rules) {
    if (r.act.empty()) {
      assertions.push_back(AssertionJson(assertor, r, nullptr));
    } else {
      for (const std::string& id : r.act) assertions.push_back(AssertionJson(assertor, r, &id));
    }
  }
  json subject = {{"@type", json::array({"TestSubject", "WebPage"})},
                  {"source", p.url},
                  {"assertions", std::move(assertions)}};
  if (!p.final_url.empty() && p.final_url != p.url) subject["redirectedTo"] = p.final_url;
  if (p.error) subject["info"] = p.error->kind + ": " + p.error->message;
  return subject;
}

std::string Dump(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

// One subject per page, written as the page comes.
class EarlEntityWriter : public EntityWriter {
 public:
  explicit EarlEntityWriter(std::ostream& out) : out_(out), assertor_(AssertorJson()) {}
  void Page(const findings::PageReport& page, std::string_view) override {
    if (pages_++ == 0) {
      const json doc = {{"@context", std::string(kEarlContext)},
                        {"@graph", json::array({std::string(kGraphPlaceholder)})}};
      splice_ = SpliceJson(Dump(doc) + "\n", kGraphPlaceholder);
      out_ << splice_.before;
    } else {
      out_ << ",\n" << splice_.indent;
    }
    out_ << IndentedElement(Dump(SubjectJson(assertor_, page)), splice_.indent);
  }
  void Finish() override {
    if (pages_ > 0) {
      out_ << splice_.after;
      return;
    }
    const json doc = {{"@context", std::string(kEarlContext)}, {"@graph", json::array()}};
    out_ << Dump(doc) << "\n";
  }

 private:
  std::ostream& out_;
  const json assertor_;
  JsonSplice splice_;
  uint64_t pages_ = 0;
};

}  // namespace

std::unique_ptr<EntityWriter> MakeEarlEntityWriter(std::ostream& out, const EntityStreamInput&) {
  return std::make_unique<EarlEntityWriter>(out);
}

std::string RenderEarl(const std::vector<findings::PageReport>& pages) {
  std::ostringstream out;
  EarlEntityWriter w(out);
  for (const findings::PageReport& p : pages) w.Page(p, {});
  w.Finish();
  return std::move(out).str();
}

}  // namespace verifica::report
