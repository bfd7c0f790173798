// The documentation page of an obligation pack (docs/packs/<pack-id>.md), written from the pack
// itself: for each rule what it checks, on which pages, its legal basis (saying plainly when an
// article is still to be confirmed), its impact, what makes it fail or need review, and its known
// false-positive risks. Spanish first, then English. tests/decl/pack_doc_test.cc keeps the files
// in docs/packs/ equal to this output (VERIFICA_UPDATE_PACK_DOCS=1 rewrites them).
#ifndef VERIFICA_RULES_DECL_PACK_DOC_H_
#define VERIFICA_RULES_DECL_PACK_DOC_H_

#include <string>

#include "rules/decl/catalog.h"
#include "rules/decl/pack.h"

namespace verifica::rules::decl {

// Markdown for `pack`; `catalog` resolves the titles of the rules it includes from other packs.
std::string RenderPackDoc(const PackSpec& pack, const PackCatalog& catalog);

}  // namespace verifica::rules::decl

#endif  // VERIFICA_RULES_DECL_PACK_DOC_H_
