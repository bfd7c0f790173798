#include "rules/decl/pdf_text.h"

#include <algorithm>
#include <memory>
#include <mutex>

#include "util/text.h"

// VERIFICA_HAVE_POPPLER is defined by the build when poppler-cpp is linked.
#if defined(VERIFICA_HAVE_POPPLER)
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#endif

namespace verifica::rules::decl {

namespace {

#if defined(VERIFICA_HAVE_POPPLER)
// poppler reports damaged files on stderr by default; the caller reports them instead.
void QuietPoppler(const std::string&, void*) {}

std::string ToUtf8(const poppler::ustring& s) {
  poppler::byte_array b = s.to_utf8();
  return std::string(b.begin(), b.end());
}
#endif

}  // namespace

bool LooksLikePdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

PdfText ExtractPdfText(std::string_view bytes, const PdfLimits& limits) {
  PdfText out;
  if (!LooksLikePdf(bytes)) {
    out.error = "not a PDF (no %PDF- header)";
    return out;
  }
  if (bytes.size() > limits.max_input_bytes) {
    out.error = "PDF larger than " + std::to_string(limits.max_input_bytes) + " bytes";
    return out;
  }
#if defined(VERIFICA_HAVE_POPPLER)
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  static const bool quiet = [] {
    poppler::set_debug_error_function(&QuietPoppler, nullptr);
    return true;
  }();
  (void)quiet;
  try {
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) {
      out.error = "poppler could not open the PDF (damaged or not a PDF)";
      return out;
    }
    if (doc->is_locked()) {
      out.error = "the PDF is password-protected";
      return out;
    }
    out.parsed = true;
    out.pages = doc->pages();
    out.title = text::SanitizeUtf8(ToUtf8(doc->get_title()));
    const int n = std::min(out.pages, limits.max_pages);
    for (int i = 0; i < n && out.text.size() < limits.max_text_bytes; ++i) {
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      if (!page) continue;
      std::string t = ToUtf8(page->text(poppler::rectf(), poppler::page::raw_order_layout));
      if (!out.text.empty()) out.text.push_back('\f');
      out.text += t;
    }
    if (out.text.size() > limits.max_text_bytes) {
      out.text.resize(text::TruncateUtf8(out.text, limits.max_text_bytes).size());
    }
    out.text = text::SanitizeUtf8(out.text);
    // Form feeds separate pages; anything else that is not blank is text.
    out.has_text_layer = !text::IsBlank(out.text);
  } catch (const std::exception& e) {
    out.parsed = false;
    out.error = std::string("poppler failed: ") + e.what();
  } catch (...) {
    out.parsed = false;
    out.error = "poppler failed";
  }
#else
  out.error = "built without poppler-cpp: PDF text cannot be read";
#endif
  return out;
}

}  // namespace verifica::rules::decl
