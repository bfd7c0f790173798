// wcag-object-name: Every <object> in the accessibility tree without an
// explicit role that embeds an image, audio or video resource has a non-empty
// accessible name.
//
// WCAG 1.1.1 (A); ACT 8fc3b6.
#include <array>

#include "rules/wcag/name_rules.h"
#include "util/text.h"

namespace verifica::rules {

namespace {

enum class Media : uint8_t { kImage, kAudio, kVideo, kOther, kUnknown };

struct Extension {
  std::string_view ext;
  Media media;
};

// File extensions whose MIME type is known without fetching the resource.
// Extensions not here (and URLs without one, such as "/recurso?id=7") leave the
// type unknown.
constexpr std::array<Extension, 52> kExtensions = {{
    {"png", Media::kImage},  {"apng", Media::kImage},  {"jpg", Media::kImage},
    {"jpeg", Media::kImage}, {"jpe", Media::kImage},   {"jfif", Media::kImage},
    {"gif", Media::kImage},  {"webp", Media::kImage},  {"avif", Media::kImage},
    {"svg", Media::kImage},  {"svgz", Media::kImage},  {"bmp", Media::kImage},
    {"ico", Media::kImage},  {"tif", Media::kImage},   {"tiff", Media::kImage},
    {"mp3", Media::kAudio},  {"wav", Media::kAudio},   {"oga", Media::kAudio},
    {"ogg", Media::kAudio},  {"opus", Media::kAudio},  {"m4a", Media::kAudio},
    {"aac", Media::kAudio},  {"flac", Media::kAudio},  {"weba", Media::kAudio},
    {"mid", Media::kAudio},  {"midi", Media::kAudio},  {"wma", Media::kAudio},
    {"mp4", Media::kVideo},  {"m4v", Media::kVideo},   {"webm", Media::kVideo},
    {"ogv", Media::kVideo},  {"mov", Media::kVideo},   {"avi", Media::kVideo},
    {"mpeg", Media::kVideo}, {"mpg", Media::kVideo},   {"mkv", Media::kVideo},
    {"3gp", Media::kVideo},  {"wmv", Media::kVideo},   {"html", Media::kOther},
    {"htm", Media::kOther},  {"xhtml", Media::kOther}, {"php", Media::kOther},
    {"asp", Media::kOther},  {"aspx", Media::kOther},  {"jsp", Media::kOther},
    {"pdf", Media::kOther},  {"swf", Media::kOther},   {"txt", Media::kOther},
    {"xml", Media::kOther},  {"json", Media::kOther},  {"doc", Media::kOther},
    {"docx", Media::kOther},
}};

Media FromMime(std::string_view mime) {
  const std::string m = text::AsciiLower(text::TrimHtmlSpace(mime.substr(0, mime.find(';'))));
  if (m.empty()) return Media::kUnknown;
  if (m.starts_with("image/")) return Media::kImage;
  if (m.starts_with("audio/") || m == "application/ogg") return Media::kAudio;
  if (m.starts_with("video/")) return Media::kVideo;
  return Media::kOther;
}

// The kind of resource the object embeds: the author's `type` attribute first,
// then the MIME type of a data: URL, then the file extension of the data URL.
Media EmbeddedMedia(const dom::Document& doc, dom::NodeId id) {
  // Without data the object loads nothing and shows its fallback content.
  const std::string* data = doc.Attr(id, "data");
  if (data == nullptr || text::IsBlank(*data)) return Media::kOther;
  if (const std::string* type = doc.Attr(id, "type"); type != nullptr && !text::IsBlank(*type)) {
    return FromMime(*type);
  }
  std::string_view url = text::TrimHtmlSpace(*data);
  if (text::StartsWithIgnoreAsciiCase(url, "data:")) {
    url.remove_prefix(5);
    const size_t end = url.find_first_of(";,");
    return FromMime(url.substr(0, end == std::string_view::npos ? 0 : end));
  }
  if (size_t cut = url.find_first_of("?#"); cut != std::string_view::npos) url = url.substr(0, cut);
  const size_t slash = url.find_last_of('/');
  const std::string_view last = slash == std::string_view::npos ? url : url.substr(slash + 1);
  const size_t dot = last.find_last_of('.');
  if (dot == std::string_view::npos) return Media::kUnknown;
  const std::string ext = text::AsciiLower(last.substr(dot + 1));
  for (const Extension& e : kExtensions) {
    if (e.ext == ext) return e.media;
  }
  return Media::kUnknown;
}

}  // namespace

std::vector<std::string> ObjectNameRule::Tags() const { return {"object"}; }

std::optional<Verdict> ObjectNameRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!doc.IsElement(node, "object")) return std::nullopt;
  const names::Inclusion inclusion = names::InTree(ctx, node);
  if (inclusion == names::Inclusion::kExcluded) return std::nullopt;
  // With an explicit role (img, presentation...) other rules apply.
  if (!ctx.aria.ExplicitRole(node).empty()) return std::nullopt;
  const Media media = EmbeddedMedia(doc, node);
  if (media == Media::kOther) return std::nullopt;

  const std::string* data = doc.Attr(node, "data");
  const std::string file = data != nullptr && !text::IsBlank(*data) ? names::FileName(*data)
                                                                    : names::TagLabel(doc, node);
  const std::string& name = ctx.aria.Name(node);
  if (!text::IsBlank(name)) return Pass("pass", {names::Clip(name), file});
  // Whether it applies at all depends on a MIME type only the server can tell.
  if (media == Media::kUnknown) return Review("review-unknown-type", {file});

  const char* kind_fail = media == Media::kImage   ? "fail-image"
                          : media == Media::kAudio ? "fail-audio"
                                                   : "fail-video";
  Verdict fail = Fail(kind_fail, {file});
  bool has_fallback = false;
  const dom::Node& n = doc.node(node);
  for (dom::NodeId i = node + 1; i < n.subtree_end && !has_fallback; ++i) {
    const dom::Node& d = doc.node(i);
    has_fallback = d.is_element() ? d.tag != "param" : d.is_text() && !text::IsBlank(d.text);
  }
  const std::string* title = doc.Attr(node, "title");
  if (std::optional<Verdict> aria_problem = names::DiagnoseAriaNaming(ctx, node)) {
    fail = std::move(*aria_problem);
  } else if (title != nullptr) {
    fail = Fail("fail-blank-title", {file});
  } else if (const std::string* alt = doc.Attr(node, "alt");
             alt != nullptr && !text::IsBlank(*alt)) {
    fail = Fail("fail-alt-ignored", {file});
  } else if (has_fallback) {
    fail = Fail("fail-fallback-ignored", {file});
  }
  return names::FailOrReview(inclusion, std::move(fail), file);
}

}  // namespace verifica::rules
