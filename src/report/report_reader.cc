#include "report/report_reader.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "findings/findings_json.h"

namespace verifica::report {

namespace {

using nlohmann::json;

// Builds the document as nlohmann's own DOM parser would, except that each element of the
// top-level "pages" array is handed to `on_page` when complete and removed.
class PagesSax {
 public:
  explicit PagesSax(std::function<bool(json&&)> on_page) : on_page_(std::move(on_page)) {}

  bool null() { return Value(nullptr); }
  bool boolean(bool b) { return Value(b); }
  bool number_integer(json::number_integer_t v) { return Value(v); }
  bool number_unsigned(json::number_unsigned_t v) { return Value(v); }
  bool number_float(json::number_float_t v, const json::string_t&) { return Value(v); }
  bool string(json::string_t& s) { return Value(std::move(s)); }
  bool binary(json::binary_t& b) { return Value(json::binary(std::move(b))); }
  bool start_object(std::size_t) { return Open(json::object()); }
  bool key(json::string_t& k) {
    key_ = std::move(k);
    return true;
  }
  bool end_object() { return Close(); }
  bool start_array(std::size_t) { return Open(json::array()); }
  bool end_array() { return Close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

  json& root() { return root_; }

 private:
  json* Insert(json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    json& top = *stack_.back();
    if (top.is_object()) {
      json& slot = top[key_];
      slot = std::move(v);
      return &slot;
    }
    top.push_back(std::move(v));
    return &top.back();
  }
  bool Value(json v) {
    Insert(std::move(v));
    return true;
  }
  bool Open(json container) {
    const bool pages = stack_.size() == 1 && container.is_array() && key_ == "pages";
    stack_.push_back(Insert(std::move(container)));
    if (pages) pages_ = stack_.back();
    return true;
  }
  bool Close() {
    json* done = stack_.back();
    stack_.pop_back();
    if (pages_ != nullptr && !stack_.empty() && stack_.back() == pages_) {
      json page = std::move(*done);
      pages_->erase(pages_->size() - 1);
      return on_page_(std::move(page));
    }
    if (done == pages_) pages_ = nullptr;
    return true;
  }

  std::function<bool(json&&)> on_page_;
  json root_;
  std::vector<json*> stack_;
  json* pages_ = nullptr;
  std::string key_;
};

}  // namespace

Result<findings::EntityReport> ReadEntityReport(
    const std::filesystem::path& file, const std::function<void(findings::PageReport&&)>& on_page) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return InvalidArgument(file.string() + ": cannot read the file");
  std::string page_error;
  PagesSax sax([&](json&& j) {
    try {
      findings::PageReport page;
      findings::from_json(j, page);
      on_page(std::move(page));
      return true;
    } catch (const json::exception& ex) {
      page_error = std::string("malformed report: ") + ex.what();
      return false;
    }
  });
  bool parsed = false;
  try {
    parsed = json::sax_parse(in, &sax);
  } catch (const json::exception& ex) {
    parsed = false;
  }
  if (!page_error.empty()) return InvalidArgument(file.string() + ": " + page_error);
  if (!parsed) {
    return InvalidArgument(file.string() + ": not valid JSON (truncated or corrupt report)");
  }
  json& j = sax.root();
  if (!j.is_object() || !j.contains("schema")) {
    return InvalidArgument(file.string() + ": not a verifica report: no \"schema\" field");
  }
  if (!j["schema"].is_string() || j["schema"].get<std::string>() != "verifica-report/1") {
    return InvalidArgument(file.string() + ": unsupported report schema " + j["schema"].dump() +
                           " (this verifica reads verifica-report/1)");
  }
  try {
    findings::EntityReport e;
    findings::from_json(j, e);
    return e;
  } catch (const json::exception& ex) {
    return InvalidArgument(file.string() + ": malformed report: " + ex.what());
  }
}

}  // namespace verifica::report
