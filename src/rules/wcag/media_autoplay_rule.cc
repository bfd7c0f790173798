// wcag-media-autoplay: Audio and video that start playing with sound on their own can be
// paused or silenced with their own controls.
//
// WCAG 1.4.2 (A); heuristics of ACT 80f0bf, not its test cases (they need playback).
#include "rules/wcag/fault_rules.h"
#include "util/url.h"
#include "rules/wcag/name_rules.h"

namespace verifica::rules {

namespace {

// The media file for messages: src, else the first <source src>.
std::string MediaFile(const dom::Document& doc, dom::NodeId id) {
  if (const std::string* src = doc.Attr(id, "src")) return names::FileName(*src);
  for (dom::NodeId c : doc.node(id).children) {
    if (!doc.IsElement(c, "source")) continue;
    if (const std::string* src = doc.Attr(c, "src")) return names::FileName(*src);
  }
  return "<" + doc.node(id).tag + ">";
}

}  // namespace

std::vector<std::string> MediaAutoplayRule::Tags() const { return {"audio", "video"}; }

std::optional<Verdict> MediaAutoplayRule::Check(dom::NodeId node, PageContext& ctx) const {
  const dom::Document& doc = ctx.doc;
  if (!doc.IsElement(node, "audio") && !doc.IsElement(node, "video")) return std::nullopt;
  // Without autoplay nothing plays by itself; muted media starts without sound. Hidden media
  // still plays, so visibility does not matter here.
  if (!doc.HasAttr(node, "autoplay") || doc.HasAttr(node, "muted")) return std::nullopt;
  const std::string file = MediaFile(doc, node);
  if (doc.HasAttr(node, "controls")) return Pass("pass-controls", {file});
  const bool loops = doc.HasAttr(node, "loop");
  // An element that loops plays for ever; with no controls and no script on the page there is
  // no way to pause or silence it other than the system volume. Only the audio of an <audio>
  // element is certain: a <video> may be silent.
  if (loops && doc.IsElement(node, "audio") && !faults::PageHasScript(doc)) {
    return Fail("fail-loop-no-control", {file});
  }
  return Review(loops ? "review-loop" : "review", {file});
}

}  // namespace verifica::rules
