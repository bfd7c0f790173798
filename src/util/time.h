// Wall-clock timestamps for reports (RFC 3339, UTC).
#ifndef VERIFICA_UTIL_TIME_H_
#define VERIFICA_UTIL_TIME_H_

#include <chrono>
#include <string>

namespace verifica {

// "2026-11-28T12:00:00Z" for `t` (seconds precision, UTC).
std::string Rfc3339(std::chrono::system_clock::time_point t);
inline std::string NowRfc3339() { return Rfc3339(std::chrono::system_clock::now()); }

}  // namespace verifica

#endif  // VERIFICA_UTIL_TIME_H_
