// verifica: the command-line entry point.
#include "cli/app.h"
#include "fetch/fetch_one.h"

int main(int argc, char** argv) {
  verifica::fetch::CurlGlobal curl;
  return verifica::cli::Main(argc, argv);
}
