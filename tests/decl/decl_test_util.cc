#include "decl/decl_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "html/parser.h"
#include "rules/engine/runner.h"

namespace verifica::decltest {

namespace fs = std::filesystem;
using namespace rules::decl;

std::string ReadSource(std::string_view relative) {
  const fs::path p = fs::path(VERIFICA_SOURCE_DIR) / std::string(relative);
  std::ifstream f(p, std::ios::binary);
  EXPECT_TRUE(f.good()) << "cannot read " << p;
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

std::vector<PackSource> SourceTreePacks() {
  std::vector<PackSource> out;
  for (const auto& dir : fs::directory_iterator(fs::path(VERIFICA_SOURCE_DIR) / "rules")) {
    const fs::path p = dir.path() / "pack.json";
    if (!fs::exists(p)) continue;
    out.push_back({"rules/" + dir.path().filename().string() + "/pack.json",
                   ReadSource("rules/" + dir.path().filename().string() + "/pack.json")});
  }
  std::sort(out.begin(), out.end(),
            [](const PackSource& a, const PackSource& b) { return a.file < b.file; });
  return out;
}

std::shared_ptr<const PackCatalog> SourceCatalog() {
  static std::shared_ptr<const PackCatalog> cat = [] {
    LoadResult r = LoadPacks(SourceTreePacks(), LoadOptions{});
    for (const PackError& e : r.errors) ADD_FAILURE() << e.ToString();
    return std::make_shared<const PackCatalog>(r.packs);
  }();
  return cat;
}

std::shared_ptr<const RuleSpec> SourceRule(std::string_view id) {
  for (const auto& p : SourceCatalog()->packs()) {
    for (const auto& r : p->rules) {
      if (r->info.id == id) return r;
    }
  }
  ADD_FAILURE() << "no pack rule " << id;
  return nullptr;
}

std::vector<PackError> ErrorsOf(std::string_view json) {
  std::vector<PackSource> src = SourceTreePacks();
  src.push_back({"test.json", std::string(json)});
  LoadResult r = LoadPacks(src, LoadOptions{});
  std::vector<PackError> out;
  for (const PackError& e : r.errors) {
    if (e.file == "test.json") out.push_back(e);
  }
  return out;
}

dom::Document Parse(std::string_view html, std::string_view url) {
  html::ParseOptions po;
  po.url = std::string(url);
  po.content_type = "text/html";
  html::ParseResult r = html::Parse(html, po);
  EXPECT_TRUE(r.ok) << r.error.message;
  return std::move(r.document);
}

findings::RuleResult RunPageRule(std::string_view id, std::string_view html, CivilDate today) {
  auto spec = SourceRule(id);
  if (!spec) return {};
  PackPageRule rule(spec, today);
  dom::Document doc = Parse(html);
  std::vector<const rules::Rule*> one = {&rule};
  rules::RunOptions ro;
  ro.include_passes = true;
  return rules::RunRules(doc, one, ro).at(0);
}

Judgement JudgeOnPages(const RuleSpec& rule, const std::vector<std::string_view>& htmls,
                       CivilDate today) {
  std::vector<RuleObservations> obs;
  int n = 0;
  for (std::string_view h : htmls) {
    dom::Document doc = Parse(h, "https://ejemplo.gob.mx/p" + std::to_string(n++));
    PageView view(doc);
    EvalContext ctx;
    ctx.today = today;
    obs.push_back(ObserveRule(rule, view, ctx));
  }
  // Fixture convention: link targets whose URL contains "/roto" were not fetched (HTTP 404).
  std::unordered_map<std::string, BrokenLink> broken;
  for (const auto& o : obs) {
    for (const auto* list : {&o.all, &o.any, &o.none}) {
      for (const Observation& ob : *list) {
        for (const Observation& t : ob.targets) {
          if (t.text.find("/roto") != std::string::npos) broken[t.text] = BrokenLink{404, "http"};
        }
      }
    }
  }
  EvalContext ctx;
  ctx.today = today;
  ctx.broken = &broken;
  for (auto& o : obs) ResolveRule(rule, &o, ctx);
  std::vector<const RuleObservations*> ptrs;
  for (const auto& o : obs) ptrs.push_back(&o);
  return Judge(rule, ptrs);
}

std::string Describe(const Judgement& j) {
  std::string out(findings::ToString(j.outcome));
  std::string ids;
  for (const JudgedFinding& f : j.findings) {
    if (f.outcome != j.outcome) continue;
    ids += (ids.empty() ? "" : ", ") + f.message_id;
  }
  if (!ids.empty()) out += ": " + ids;
  return out;
}

}  // namespace verifica::decltest
