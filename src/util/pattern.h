// A compiled RE2 pattern behind a small interface: the one place that includes re2.h.
// Linear-time matching with a memory budget, safe to share read-only across threads.
#ifndef VERIFICA_UTIL_PATTERN_H_
#define VERIFICA_UTIL_PATTERN_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "util/status.h"

namespace re2 {
class RE2;
}

namespace verifica {

class Pattern {
 public:
  struct Options {
    bool case_insensitive = false;
    // RE2's max_mem: a pattern whose program would need more is rejected at compile time.
    int64_t max_mem = 8 << 20;
  };

  // Compiles `pattern` (RE2 syntax). The error names the offending fragment.
  static Result<std::shared_ptr<const Pattern>> Compile(std::string_view pattern, Options opts);
  static Result<std::shared_ptr<const Pattern>> Compile(std::string_view pattern) {
    return Compile(pattern, Options{});
  }

  ~Pattern();
  Pattern(const Pattern&) = delete;
  Pattern& operator=(const Pattern&) = delete;

  // True when the pattern matches somewhere in `text`.
  bool PartialMatch(std::string_view text) const;
  // True when the pattern matches the whole of `text`.
  bool FullMatch(std::string_view text) const;
  // Offset and length of the leftmost match, if any.
  std::optional<std::pair<size_t, size_t>> Find(std::string_view text) const;

  const std::string& source() const { return source_; }

 private:
  Pattern(std::string source, std::unique_ptr<re2::RE2> re);
  std::string source_;
  std::unique_ptr<re2::RE2> re_;
};

}  // namespace verifica

#endif  // VERIFICA_UTIL_PATTERN_H_
