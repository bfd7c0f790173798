// The crawler tests' HTTP server (tests/fetch/test_server.cc), compiled into the CLI test
// program too: scan tests run the verifica binary against servers this process starts.
#include "fetch/test_server.cc"  // NOLINT(bugprone-suspicious-include)
