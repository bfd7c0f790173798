// Text of PDF documents (avisos de privacidad are often PDFs), extracted with poppler-cpp in
// reading order. A PDF that parses but has no text layer (a scan) is "not machine-readable":
// rules then say cantTell, never that an element is absent.
#ifndef VERIFICA_RULES_DECL_PDF_TEXT_H_
#define VERIFICA_RULES_DECL_PDF_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace verifica::rules::decl {

struct PdfText {
  bool parsed = false;          // poppler could open it (not damaged, not locked)
  bool has_text_layer = false;  // some page has text
  int pages = 0;
  std::string title;  // document information Title, UTF-8
  std::string text;   // pages in order, separated by form feeds, UTF-8
  std::string error;  // why it could not be opened, in English
};

struct PdfLimits {
  int max_pages = 300;                      // later pages are not read
  size_t max_text_bytes = size_t{8} << 20;  // text beyond this is cut
  size_t max_input_bytes = size_t{64} << 20;
};

// Never throws; thread-safe (calls into poppler are serialised).
PdfText ExtractPdfText(std::string_view bytes, const PdfLimits& limits = {});

// True when `bytes` start like a PDF ("%PDF-" within the first 1024 bytes).
bool LooksLikePdf(std::string_view bytes);

}  // namespace verifica::rules::decl

#endif  // VERIFICA_RULES_DECL_PDF_TEXT_H_
