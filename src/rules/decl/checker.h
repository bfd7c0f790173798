// Reads pack JSON with typed accessors that never throw and record every problem as a
// PackError (file, JSON pointer, reason), so one pass reports all of a pack's errors.
#ifndef VERIFICA_RULES_DECL_CHECKER_H_
#define VERIFICA_RULES_DECL_CHECKER_H_

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "findings/findings.h"
#include "rules/decl/pack.h"
#include "util/pattern.h"

namespace verifica::rules::decl {

// "/rules/3" + "evidence" → "/rules/3/evidence" (RFC 6901 escaping of ~ and /).
std::string PointerJoin(std::string_view base, std::string_view key);
std::string PointerJoin(std::string_view base, size_t index);

class Checker {
 public:
  Checker(std::string file, const LoadOptions& options, std::vector<PackError>* errors)
      : file_(std::move(file)), options_(options), errors_(errors) {}

  void Error(std::string pointer, std::string reason);
  size_t error_count() const { return count_; }
  const std::string& file() const { return file_; }

  // Each key of `obj` must be in `allowed`; others are reported as unknown (typos).
  void AllowKeys(const nlohmann::json& obj, const std::string& ptr,
                 std::initializer_list<std::string_view> allowed);

  std::optional<std::string> String(const nlohmann::json& obj, std::string_view key,
                                    const std::string& ptr, bool required);
  std::optional<int64_t> Int(const nlohmann::json& obj, std::string_view key,
                             const std::string& ptr, bool required, int64_t min, int64_t max);
  std::optional<bool> Bool(const nlohmann::json& obj, std::string_view key, const std::string& ptr);
  std::optional<std::vector<std::string>> Strings(const nlohmann::json& obj, std::string_view key,
                                                  const std::string& ptr, bool required);
  // {"es": "...", "en": "..."}, both non-empty.
  std::optional<findings::LocalizedText> Text(const nlohmann::json& obj, std::string_view key,
                                              const std::string& ptr, bool required);
  // An RE2 pattern meant for folded text: compiled within the memory budget, rejected when it
  // has upper-case or accented letters (they can never match folded text) or matches nothing
  // but the empty text.
  std::shared_ptr<const Pattern> PatternAt(const nlohmann::json& obj, std::string_view key,
                                           const std::string& ptr, bool required);

 private:
  std::string file_;
  const LoadOptions& options_;
  std::vector<PackError>* errors_;
  size_t count_ = 0;
};

// Why `pattern` cannot match folded text, or "" when it can (exposed for tests).
std::string FoldedPatternProblem(std::string_view pattern);

}  // namespace verifica::rules::decl

#endif  // VERIFICA_RULES_DECL_CHECKER_H_
