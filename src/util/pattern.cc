#include "util/pattern.h"

#include <re2/re2.h>

namespace verifica {

Pattern::Pattern(std::string source, std::unique_ptr<re2::RE2> re)
    : source_(std::move(source)), re_(std::move(re)) {}

Pattern::~Pattern() = default;

Result<std::shared_ptr<const Pattern>> Pattern::Compile(std::string_view pattern, Options opts) {
  re2::RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(!opts.case_insensitive);
  o.set_max_mem(opts.max_mem);
  o.set_encoding(re2::RE2::Options::EncodingUTF8);
  auto re = std::make_unique<re2::RE2>(re2::StringPiece(pattern.data(), pattern.size()), o);
  if (!re->ok()) {
    std::string msg = "invalid pattern: " + re->error();
    if (!re->error_arg().empty()) msg += " (at '" + re->error_arg() + "')";
    return InvalidArgument(std::move(msg));
  }
  return std::shared_ptr<const Pattern>(new Pattern(std::string(pattern), std::move(re)));
}

bool Pattern::PartialMatch(std::string_view text) const {
  return re2::RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

bool Pattern::FullMatch(std::string_view text) const {
  return re2::RE2::FullMatch(re2::StringPiece(text.data(), text.size()), *re_);
}

std::optional<std::pair<size_t, size_t>> Pattern::Find(std::string_view text) const {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  if (!re_->Match(input, 0, input.size(), re2::RE2::UNANCHORED, &match, 1)) return std::nullopt;
  return std::make_pair(static_cast<size_t>(match.data() - input.data()), match.size());
}

}  // namespace verifica
