#include "style/sheets.h"

namespace verifica::style {

bool SheetSet::AnyUnloaded() const {
  for (const auto& sheet : sheets) {
    if (sheet != nullptr && sheet->load != SheetLoad::kLoaded) return true;
  }
  return false;
}

}  // namespace verifica::style
