// Hashes used for page identity (sha256 of the bytes fetched) and finding fingerprints.
#ifndef VERIFICA_UTIL_HASH_H_
#define VERIFICA_UTIL_HASH_H_

#include <string>
#include <string_view>

namespace verifica {

// Lower-case hex SHA-256 of `data` (OpenSSL).
std::string Sha256Hex(std::string_view data);

}  // namespace verifica

#endif  // VERIFICA_UTIL_HASH_H_
