// Throughput of parsing and of the rules (Google Benchmark; `make bench`, not part of ctest).
//
// Corpora, loaded into memory before timing: every fixtures/**/*.html of this repository, and
// every ../shared/act/**/*.html W3C ACT test case when that folder exists, and the generated
// portal in $VERIFICA_BENCH_SITE when set. For each corpus:
//   BM_Parse/<corpus>          html::Parse of every page (UTF-8 decoding, Gumbo, dom build)
//   BM_ParseAndRules/<corpus>  the same plus every registered rule on every page
//   BM_ParseAndWcagRules/<corpus>  the same with the C++ WCAG rules only
// Both report pages/s and MB/s as rate counters (over CPU time). At the end the program prints,
// per corpus, the ratio of parse+rules throughput to parse-only throughput (medians over the
// repetitions), and the cost of each rule alone over the pre-parsed pages, so a slow rule is
// easy to find. Usual --benchmark_* flags override the defaults (5 repetitions, aggregates only).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "html/parser.h"
#include "rules/engine/registry.h"
#include "rules/engine/runner.h"

namespace verifica::bench {
namespace {

namespace fs = std::filesystem;

struct Page {
  std::string url;
  std::string bytes;
};

struct Corpus {
  std::string name;
  std::vector<Page> pages;
  size_t bytes = 0;
};

Corpus LoadCorpus(std::string name, const fs::path& root) {
  Corpus c;
  c.name = std::move(name);
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return c;
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec),
       end;
       it != end && !ec; it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".html") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    std::ifstream f(p, std::ios::binary);
    if (!f) continue;
    Page page{"file://" + p.string(),
              std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>())};
    c.bytes += page.bytes.size();
    c.pages.push_back(std::move(page));
  }
  return c;
}

const std::vector<Corpus>& Corpora() {
  static const std::vector<Corpus>* corpora = [] {
    auto* v = new std::vector<Corpus>();
    const fs::path src = VERIFICA_SOURCE_DIR;
    v->push_back(LoadCorpus("fixtures", src / "fixtures"));
    v->push_back(LoadCorpus("act", src / ".." / "shared" / "act"));
    // A generated portal (bench/crawl/gen_site.py N DIR), the pages issue 3's crawl benchmark
    // checks: VERIFICA_BENCH_SITE=DIR adds it as the "site" corpus.
    if (const char* site = std::getenv("VERIFICA_BENCH_SITE"); site != nullptr && *site) {
      v->push_back(LoadCorpus("site", site));
    }
    std::erase_if(*v, [](const Corpus& c) { return c.pages.empty(); });
    return v;
  }();
  return *corpora;
}

struct Rules {
  std::unique_ptr<rules::RuleRegistry> registry;
  std::vector<const rules::Rule*> all;   // every registered rule (WCAG and obligation packs)
  std::vector<const rules::Rule*> wcag;  // the C++ WCAG rules only
  std::string error;
};

const Rules& AllRules() {
  static const Rules* r = [] {
    auto* out = new Rules();
    auto reg = cli::BuildRegistry();
    if (!reg.ok()) {
      out->error = reg.status().message();
      return out;
    }
    out->registry = std::move(reg).value();
    for (const auto& rule : out->registry->rules()) {
      out->all.push_back(rule.get());
      if (rule->meta().pack == "wcag") out->wcag.push_back(rule.get());
    }
    return out;
  }();
  return *r;
}

html::ParseResult ParsePage(const Page& p) {
  html::ParseOptions po;
  po.content_type = "text/html";
  po.url = p.url;
  return html::Parse(p.bytes, po);
}

// Rates over CPU time (the library's default), displayed as "pages 12.3k/s" and "MB 7.5/s".
void SetRates(benchmark::State& state, const Corpus& c) {
  const double iterations = static_cast<double>(state.iterations());
  state.counters["pages"] = benchmark::Counter(iterations * static_cast<double>(c.pages.size()),
                                               benchmark::Counter::kIsRate);
  state.counters["MB"] = benchmark::Counter(iterations * static_cast<double>(c.bytes) / 1e6,
                                            benchmark::Counter::kIsRate);
}

void BM_Parse(benchmark::State& state, const Corpus* c) {
  for (auto _ : state) {
    for (const Page& p : c->pages) {
      html::ParseResult r = ParsePage(p);
      benchmark::DoNotOptimize(r.document.size());
    }
  }
  SetRates(state, *c);
}

void ParseAndRun(benchmark::State& state, const Corpus* c, bool wcag_only) {
  const Rules& rules = AllRules();
  if (!rules.error.empty()) {
    state.SkipWithError(rules.error.c_str());
    return;
  }
  const std::vector<const rules::Rule*>& selected = wcag_only ? rules.wcag : rules.all;
  const rules::RunOptions ro;
  for (auto _ : state) {
    for (const Page& p : c->pages) {
      html::ParseResult r = ParsePage(p);
      if (!r.ok) continue;
      std::vector<findings::RuleResult> results = rules::RunRules(r.document, selected, ro);
      benchmark::DoNotOptimize(results.data());
    }
  }
  SetRates(state, *c);
}

void BM_ParseAndRules(benchmark::State& state, const Corpus* c) { ParseAndRun(state, c, false); }
void BM_ParseAndWcagRules(benchmark::State& state, const Corpus* c) { ParseAndRun(state, c, true); }

// Keeps the median pages/s of every benchmark while printing as usual.
class RecordingReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const Run& run : runs) {
      if (run.error_occurred) continue;
      auto it = run.counters.find("pages");
      if (it == run.counters.end()) continue;
      const std::string name = run.run_name.str();
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name == "median") {
        medians_[name] = it->second.value;
      } else if (run.run_type == Run::RT_Iteration) {
        singles_[name] = it->second.value;  // used when there are no repetitions
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }

  double PagesPerSecond(const std::string& name) const {
    if (auto it = medians_.find(name); it != medians_.end()) return it->second;
    if (auto it = singles_.find(name); it != singles_.end()) return it->second;
    return 0;
  }

 private:
  std::map<std::string, double> medians_;
  std::map<std::string, double> singles_;
};

double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// CPU time of each rule alone over the pre-parsed pages of a corpus: median of 5 passes.
void PrintRuleCosts(const Corpus& c, double parse_pages_per_s) {
  const Rules& rules = AllRules();
  if (!rules.error.empty() || parse_pages_per_s <= 0) return;
  std::vector<dom::Document> docs;
  for (const Page& p : c.pages) {
    html::ParseResult r = ParsePage(p);
    if (r.ok) docs.push_back(std::move(r.document));
  }
  const double parse_s = static_cast<double>(c.pages.size()) / parse_pages_per_s;
  struct Cost {
    std::string id;
    double seconds;
  };
  std::vector<Cost> costs;
  const rules::RunOptions ro;
  for (const rules::Rule* rule : rules.all) {
    const rules::Rule* one[] = {rule};
    std::vector<double> passes;
    for (int pass = 0; pass < 5; ++pass) {
      const double start = CpuSeconds();
      for (const dom::Document& d : docs) {
        std::vector<findings::RuleResult> results = rules::RunRules(d, one, ro);
        benchmark::DoNotOptimize(results.data());
      }
      passes.push_back(CpuSeconds() - start);
    }
    std::nth_element(passes.begin(), passes.begin() + 2, passes.end());
    costs.push_back({rule->id(), passes[2]});
  }
  std::sort(costs.begin(), costs.end(),
            [](const Cost& a, const Cost& b) { return a.seconds > b.seconds; });
  std::printf("\nCost of each rule alone on the %s corpus (CPU, median of 5; %% of parse time):\n",
              c.name.c_str());
  for (const Cost& k : costs) {
    std::printf("  %-32s %8.2f ms  %6.1f%%\n", k.id.c_str(), k.seconds * 1e3,
                100 * k.seconds / parse_s);
  }
}

}  // namespace
}  // namespace verifica::bench

int main(int argc, char** argv) {
  using verifica::bench::AllRules;
  using verifica::bench::Corpora;
  // Defaults first; flags given on the command line come later and win.
  std::vector<char*> args(argv, argv + argc);
  std::string reps = "--benchmark_repetitions=5";
  std::string aggr = "--benchmark_report_aggregates_only=true";
  args.insert(args.begin() + 1, {reps.data(), aggr.data()});
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  if (benchmark::ReportUnrecognizedArguments(n, args.data())) return 1;

  if (Corpora().empty()) {
    std::fprintf(stderr, "verifica_bench: no pages found under fixtures/ or ../shared/act\n");
    return 1;
  }
  for (const auto& c : Corpora()) {
    std::fprintf(stderr, "corpus %-9s %5zu pages, %6.2f MB\n", c.name.c_str(), c.pages.size(),
                 static_cast<double>(c.bytes) / 1e6);
    benchmark::RegisterBenchmark(("BM_Parse/" + c.name).c_str(), verifica::bench::BM_Parse, &c)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_ParseAndRules/" + c.name).c_str(),
                                 verifica::bench::BM_ParseAndRules, &c)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_ParseAndWcagRules/" + c.name).c_str(),
                                 verifica::bench::BM_ParseAndWcagRules, &c)
        ->Unit(benchmark::kMillisecond);
  }
  if (!AllRules().error.empty()) {
    std::fprintf(stderr, "verifica_bench: rules: %s\n", AllRules().error.c_str());
  } else {
    std::fprintf(stderr, "rules: %zu registered, %zu of them WCAG\n", AllRules().all.size(),
                 AllRules().wcag.size());
  }

  verifica::bench::RecordingReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  std::printf("\nThroughput with rules relative to parse only (median pages/s):\n");
  for (const auto& c : Corpora()) {
    const double parse = reporter.PagesPerSecond("BM_Parse/" + c.name);
    for (const char* which : {"BM_ParseAndRules/", "BM_ParseAndWcagRules/"}) {
      const double both = reporter.PagesPerSecond(which + c.name);
      if (parse <= 0 || both <= 0) continue;
      // Time per page: parse 1/parse, rules 1/both - 1/parse.
      std::printf(
          "  %-9s parse %9.1f pages/s, %-25s %9.1f pages/s, ratio %.3f "
          "(rules cost %.0f%% of parse time)\n",
          c.name.c_str(), parse, (std::string(which) + c.name).c_str() + 3, both, both / parse,
          100 * (parse / both - 1));
    }
  }
  for (const auto& c : Corpora()) {
    verifica::bench::PrintRuleCosts(c, reporter.PagesPerSecond("BM_Parse/" + c.name));
  }
  return 0;
}
