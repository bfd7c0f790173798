// Tiny PDF files written by the tests themselves: one page per entry of `pages`, each line of
// text set in Helvetica with WinAnsiEncoding (so Spanish accents survive), or, for scans, a page
// with a filled rectangle and no text at all. Enough for poppler to read; nothing more.
#ifndef VERIFICA_TESTS_DECL_PDF_WRITER_H_
#define VERIFICA_TESTS_DECL_PDF_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace verifica::testpdf {

// UTF-8 → WinAnsi (Latin-1 range only), escaped for a PDF literal string.
inline std::string PdfLiteral(std::string_view utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = c;
    if (c >= 0xC0 && c < 0xE0 && i + 1 < utf8.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3Fu);
    }
    if (cp == '(' || cp == ')' || cp == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp <= 0xFF) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", cp);
      out += buf;
    } else {
      out.push_back('?');
    }
  }
  return out;
}

// `pages`: the lines of each page; an empty page list entry means a page with no text layer.
inline std::string MakePdf(const std::vector<std::vector<std::string>>& pages,
                           std::string_view title = {}) {
  std::vector<std::string> objects;  // object n+1 at index n
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  const size_t first_page = 4;  // 1 catalog, 2 pages, 3 font, then page/content pairs
  for (size_t i = 0; i < pages.size(); ++i) {
    kids += std::to_string(first_page + 2 * i) + " 0 R ";
  }
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) +
                    " >>");
  objects.push_back(
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (size_t i = 0; i < pages.size(); ++i) {
    std::string content;
    if (pages[i].empty()) {
      content = "0.6 0.6 0.6 rg 72 300 450 400 re f";  // a "scanned" image stand-in
    } else {
      content = "BT /F1 11 Tf 14 TL 56 780 Td";
      for (const std::string& line : pages[i]) content += " (" + PdfLiteral(line) + ") Tj T*";
      content += " ET";
    }
    objects.push_back(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Resources << /Font << "
        "/F1 3 0 R >> >> /Contents " +
        std::to_string(first_page + 2 * i + 1) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "\nendstream");
  }
  if (!title.empty()) objects.push_back("<< /Title (" + PdfLiteral(title) + ") >>");
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t off : offsets) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
    pdf += buf;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R";
  if (!title.empty()) pdf += " /Info " + std::to_string(objects.size()) + " 0 R";
  pdf += " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace verifica::testpdf

#endif  // VERIFICA_TESTS_DECL_PDF_WRITER_H_
