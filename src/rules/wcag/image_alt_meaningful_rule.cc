// wcag-image-alt-meaningful: An image's text alternative is not a file name or a stock word
// such as "imagen", "foto" or "image", which say nothing about what the image shows.
//
// WCAG 1.1.1 (A), failure F30; no ACT rule.
#include <algorithm>

#include "rules/wcag/fault_rules.h"
#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

// Words (folded, Spanish and English) that name the kind of thing rather than what it shows.
constexpr std::string_view kStockWords[] = {
    "imagen", "imagenes", "image", "images", "img", "foto", "fotos", "fotografia",
    "fotografias", "photo", "photos", "photograph", "picture", "pic", "grafico", "graphic",
    "icono", "icon", "ilustracion", "illustration", "dibujo", "drawing", "banner", "spacer",
    "espaciador", "blank", "sin titulo", "untitled", "alt", "alt text", "texto alternativo",
    "placeholder", "null", "undefined", "descripcion", "description", "insertar imagen",
    "insert image"};

constexpr std::string_view kImageExtensions[] = {".jpg", ".jpeg", ".png", ".gif", ".svg",
                                                 ".webp", ".bmp", ".tif", ".tiff", ".avif",
                                                 ".ico", ".heic", ".jfif"};

// Prefixes cameras and phones give their files, followed by a number (IMG_0012, DSC01234).
constexpr std::string_view kCameraPrefixes[] = {"img", "dsc", "dscn", "dscf", "pxl", "gopr",
                                                "mvimg", "wp", "sam", "p"};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The words of the name without numbers ("foto 3", "imagen1" → "foto", "imagen").
std::string WithoutNumbers(std::string_view name) {
  std::string out;
  for (std::string w : text::LetterDigitWords(name)) {
    while (!w.empty() && w.back() >= '0' && w.back() <= '9') w.pop_back();
    if (w.empty()) continue;
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

bool IsStockWord(std::string_view name) {
  const std::string words = WithoutNumbers(name);
  return std::find(std::begin(kStockWords), std::end(kStockWords), words) !=
         std::end(kStockWords);
}

// A file name: one word ending in an image extension, a camera file name, or the image's own
// file name without its extension when that has the _ or - of a file name.
bool IsFileName(std::string_view name, std::string_view file) {
  const std::string n = text::AsciiLower(text::TrimHtmlSpace(name));
  if (n.find(' ') != std::string::npos) return false;
  for (std::string_view ext : kImageExtensions) {
    if (EndsWith(n, ext) && n.size() > ext.size()) return true;
  }
  for (std::string_view prefix : kCameraPrefixes) {
    if (n.rfind(prefix, 0) != 0) continue;
    std::string_view rest = std::string_view(n).substr(prefix.size());
    if (!rest.empty() && (rest.front() == '_' || rest.front() == '-')) rest.remove_prefix(1);
    if (rest.size() >= 3 && IsDigits(rest.substr(0, 3))) return true;
  }
  const std::string f = text::AsciiLower(file);
  const size_t dot = f.rfind('.');
  const std::string stem = dot == std::string::npos ? f : f.substr(0, dot);
  return !stem.empty() && n == stem && n.find_first_of("_-") != std::string::npos;
}

}  // namespace

std::vector<std::string> ImageAltMeaningfulRule::Tags() const { return {"img", "input", "area"}; }

std::optional<Verdict> ImageAltMeaningfulRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  const bool img = doc.IsElement(node, "img");
  const bool area = doc.IsElement(node, "area");
  const bool image_button = doc.IsElement(node, "input") && doc.Attr(node, "type") != nullptr &&
                            text::EqualsIgnoreAsciiCase(text::TrimHtmlSpace(*doc.Attr(node, "type")),
                                                        "image");
  if (!img && !area && !image_button) return std::nullopt;
  if (ctx.aria.IsHidden(node) == aria::Tri::kYes) return std::nullopt;
  const std::string_view role = ctx.aria.Role(node);
  if (role == "none" || role == "presentation") return std::nullopt;
  const std::string& name = ctx.aria.Name(node);
  // No name at all is wcag-image-alt's finding; the browser's default name of an image button
  // is not the author's.
  if (text::IsBlank(name) || ctx.aria.NameSource(node) == "default") return std::nullopt;
  const std::string* src = doc.Attr(node, area ? "href" : "src");
  const std::string file = src != nullptr ? names::FileName(*src) : std::string();
  const std::string shown = names::Clip(name, 80);
  const std::string what = file.empty() ? names::TagLabel(doc, node) : file;
  if (IsFileName(name, file)) return Fail("fail-file-name", {shown, what});
  if (IsStockWord(name)) return Fail("fail-stock-word", {shown, what});
  return Pass("pass", {shown, what});
}

}  // namespace verifica::rules
