// Status and Result<T>: errors as values, in the shape of absl::Status / absl::StatusOr.
// verifica's own code throws nothing; fallible functions return one of these.
#ifndef VERIFICA_UTIL_STATUS_H_
#define VERIFICA_UTIL_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace verifica {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input from the user (flags, files, packs)
  kNotFound,
  kIoError,          // reading or writing a file failed
  kNetworkError,     // a fetch failed
  kTooLarge,         // a configured limit was exceeded
  kUnsupported,      // valid input we do not handle (e.g. a content type)
  kInternal,         // a bug or a library failure
  kCancelled,
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status InternalError(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// Holds a value or a non-OK Status. Check ok() before value().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "Result built from an OK status without a value");
    if (status_.ok()) status_ = InternalError("Result built from OK status without a value");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace verifica

#endif  // VERIFICA_UTIL_STATUS_H_
