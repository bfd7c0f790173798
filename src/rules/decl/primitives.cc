#include "rules/decl/primitives.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_set>

#include "rules/decl/checker.h"
#include "util/text.h"

namespace verifica::rules::decl {

using nlohmann::json;

namespace {

// Bounds that keep hostile pages (huge text, 10,000 links) linear and short.
constexpr size_t kMaxMatchesScanned = 5000;
constexpr size_t kMaxEvidenceBytes = 200;
constexpr size_t kMaxLinkTargets = 1000;
constexpr size_t kMaxMore = 50;

std::string Short(std::string_view s, size_t max = kMaxEvidenceBytes) {
  std::string_view t = text::TruncateUtf8(s, max);
  std::string out(t);
  if (t.size() < s.size()) out += "…";
  return out;
}

// A UTF-8-safe slice [begin, end) of `s`, widened to code point boundaries.
std::string_view Slice(std::string_view s, size_t begin, size_t end) {
  end = std::min(end, s.size());
  while (begin > 0 && begin < s.size() && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) {
    --begin;
  }
  while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) ++end;
  return s.substr(begin, end - begin);
}

std::optional<Region> ReadRegion(const json& item, const std::string& ptr, Checker& c) {
  auto r = c.String(item, "region", ptr, false);
  if (!r) return Region::kAll;
  if (*r == "all") return Region::kAll;
  if (*r == "chrome") return Region::kChrome;
  if (*r == "main") return Region::kMain;
  c.Error(PointerJoin(ptr, "region"),
          "must be \"all\", \"chrome\" (header, nav, footer) or \"main\"");
  return std::nullopt;
}

bool InRegion(bool chrome, Region r) {
  return r == Region::kAll || (r == Region::kChrome) == chrome;
}

// ---------------------------------------------------------------------------------------------

class LinkPrimitive : public Primitive {
 public:
  std::shared_ptr<const Pattern> text, href, host;
  bool match_all = false;
  Region region = Region::kAll;
  int min = 1;

  std::string_view name() const override { return "link"; }

  bool Matches(const LinkFact& l) const {
    int wanted = 0, got = 0;
    for (auto [p, s] : {std::pair{text.get(), &l.text}, std::pair{href.get(), &l.folded_url},
                        std::pair{host.get(), &l.host}}) {
      if (p == nullptr) continue;
      ++wanted;
      if (!s->empty() && p->PartialMatch(*s)) ++got;
    }
    return match_all ? got == wanted : got > 0;
  }

  Observation Observe(PageView& page, const EvalContext&) const override {
    Observation o;
    int n = 0;
    for (const LinkFact& l : page.links()) {
      if (!InRegion(l.chrome, region) || !Matches(l)) continue;
      if (n++ == 0) {
        o.node = l.node;
        o.text = Short(l.text.empty() ? l.href : l.text);
        o.detail = Short(l.url.empty() ? l.href : l.url);
      }
    }
    o.state = n >= min ? State::kHolds : State::kAbsent;
    if (o.state == State::kAbsent) o.node = dom::kNoNode;
    return o;
  }
};

std::shared_ptr<const Primitive> BuildLink(const json& item, const std::string& ptr, Checker& c) {
  c.AllowKeys(item, ptr, {"check", "message", "text", "href", "host", "match", "region", "min"});
  auto p = std::make_shared<LinkPrimitive>();
  const size_t before = c.error_count();
  p->text = c.PatternAt(item, "text", ptr, false);
  p->href = c.PatternAt(item, "href", ptr, false);
  p->host = c.PatternAt(item, "host", ptr, false);
  if (!item.contains("text") && !item.contains("href") && !item.contains("host")) {
    c.Error(ptr, "link needs at least one of \"text\", \"href\", \"host\"");
  }
  if (auto m = c.String(item, "match", ptr, false)) {
    if (*m == "all") {
      p->match_all = true;
    } else if (*m != "any") {
      c.Error(PointerJoin(ptr, "match"), "must be \"any\" or \"all\"");
    }
  }
  if (auto r = ReadRegion(item, ptr, c)) p->region = *r;
  if (auto m = c.Int(item, "min", ptr, false, 1, 100000)) p->min = static_cast<int>(*m);
  return c.error_count() == before ? p : nullptr;
}

// ---------------------------------------------------------------------------------------------

class HeadingPrimitive : public Primitive {
 public:
  std::shared_ptr<const Pattern> pattern;
  unsigned levels = 0x7E;  // bit n = level n

  std::string_view name() const override { return "heading"; }
  Observation Observe(PageView& page, const EvalContext&) const override {
    Observation o;
    for (const HeadingFact& h : page.headings()) {
      if (h.level < 1 || h.level > 9 || !(levels & (1u << h.level))) continue;
      if (auto m = pattern->Find(h.text)) {
        o.state = State::kHolds;
        o.node = h.node;
        o.text = Short(h.text);
        o.detail = "h" + std::to_string(h.level);
        break;
      }
    }
    return o;
  }
};

std::shared_ptr<const Primitive> BuildHeading(const json& item, const std::string& ptr,
                                              Checker& c) {
  c.AllowKeys(item, ptr, {"check", "message", "pattern", "levels"});
  auto p = std::make_shared<HeadingPrimitive>();
  const size_t before = c.error_count();
  p->pattern = c.PatternAt(item, "pattern", ptr, true);
  if (auto it = item.find("levels"); it != item.end()) {
    if (!it->is_array() || it->empty()) {
      c.Error(PointerJoin(ptr, "levels"), "must be a non-empty array of levels 1-6");
    } else {
      p->levels = 0;
      for (size_t i = 0; i < it->size(); ++i) {
        const json& v = (*it)[i];
        if (!v.is_number_integer() || v.get<int64_t>() < 1 || v.get<int64_t>() > 6) {
          c.Error(PointerJoin(PointerJoin(ptr, "levels"), i), "must be an integer from 1 to 6");
        } else {
          p->levels |= 1u << v.get<int64_t>();
        }
      }
    }
  }
  return c.error_count() == before ? p : nullptr;
}

// ---------------------------------------------------------------------------------------------

class TitlePrimitive : public Primitive {
 public:
  std::shared_ptr<const Pattern> pattern;
  std::string_view name() const override { return "title"; }
  Observation Observe(PageView& page, const EvalContext&) const override {
    Observation o;
    const std::string& t = page.title();
    if (!t.empty() && pattern->PartialMatch(t)) {
      o.state = State::kHolds;
      o.text = Short(t);
    }
    return o;
  }
};

std::shared_ptr<const Primitive> BuildTitle(const json& item, const std::string& ptr, Checker& c) {
  c.AllowKeys(item, ptr, {"check", "message", "pattern"});
  auto p = std::make_shared<TitlePrimitive>();
  p->pattern = c.PatternAt(item, "pattern", ptr, true);
  return p->pattern ? p : nullptr;
}

// ---------------------------------------------------------------------------------------------

class UrlPrimitive : public Primitive {
 public:
  std::shared_ptr<const Pattern> pattern;
  std::string_view name() const override { return "url"; }
  Observation Observe(PageView& page, const EvalContext&) const override {
    Observation o;
    std::string folded = text::Fold(PercentDecode(page.url()));
    if (pattern->PartialMatch(folded)) {
      o.state = State::kHolds;
      o.text = Short(page.url());
    }
    return o;
  }
};

std::shared_ptr<const Primitive> BuildUrl(const json& item, const std::string& ptr, Checker& c) {
  c.AllowKeys(item, ptr, {"check", "message", "pattern"});
  auto p = std::make_shared<UrlPrimitive>();
  p->pattern = c.PatternAt(item, "pattern", ptr, true);
  return p->pattern ? p : nullptr;
}

// ---------------------------------------------------------------------------------------------

struct Near {
  std::shared_ptr<const Pattern> pattern;
  size_t chars = 200;
};

class TextPrimitive : public Primitive {
 public:
  std::shared_ptr<const Pattern> pattern;
  std::vector<Near> near;
  Region region = Region::kAll;
  int min = 1;
  // When set: the current year (or, in January, the previous one) must be written within this
  // many characters of the match ("calendario de actualizacion 2025").
  size_t current_year_chars = 0;

  std::string_view name() const override { return "text"; }

  static bool HasYear(std::string_view window, int year) {
    const std::string y = std::to_string(year);
    for (size_t p = window.find(y); p != std::string_view::npos; p = window.find(y, p + 1)) {
      const bool digit_before = p > 0 && window[p - 1] >= '0' && window[p - 1] <= '9';
      const bool digit_after =
          p + 4 < window.size() && window[p + 4] >= '0' && window[p + 4] <= '9';
      if (!digit_before && !digit_after) return true;
    }
    return false;
  }

  Observation Observe(PageView& page, const EvalContext& ctx) const override {
    Observation o;
    const TextFacet& f = page.text(region);
    const std::string_view t = f.text;
    size_t pos = 0, scanned = 0;
    int n = 0;
    while (pos < t.size() && scanned++ < kMaxMatchesScanned) {
      auto m = pattern->Find(t.substr(pos));
      if (!m) break;
      const size_t begin = pos + m->first, end = begin + m->second;
      bool ok = true;
      for (const Near& nr : near) {
        std::string_view window = Slice(t, begin > nr.chars ? begin - nr.chars : 0, end + nr.chars);
        if (!nr.pattern->PartialMatch(window)) {
          ok = false;
          break;
        }
      }
      if (ok && current_year_chars > 0) {
        std::string_view window =
            Slice(t, begin > current_year_chars ? begin - current_year_chars : 0,
                  end + current_year_chars);
        ok = HasYear(window, ctx.today.year) ||
             (ctx.today.month == 1 && HasYear(window, ctx.today.year - 1));
      }
      if (ok && n++ == 0) {
        o.node = f.NodeAt(begin);
        o.text = Short(t.substr(begin, end - begin));
        o.detail = Short(Slice(t, begin > 60 ? begin - 60 : 0, end + 60));
      }
      if (ok && n >= min) break;
      pos = std::max(end, begin + 1);
    }
    if (n >= min) {
      o.state = State::kHolds;
      if (min > 1) o.detail = std::to_string(n);
    } else {
      o = Observation{};
      o.detail = std::to_string(n);
    }
    return o;
  }
};

bool ReadNear(const json& item, const std::string& ptr, Checker& c, std::vector<Near>* out) {
  auto it = item.find("near");
  if (it == item.end()) return true;
  const std::string np = PointerJoin(ptr, "near");
  if (!it->is_array() || it->empty()) {
    c.Error(np, "must be a non-empty array of {\"pattern\", \"chars\"}");
    return false;
  }
  bool ok = true;
  for (size_t i = 0; i < it->size(); ++i) {
    const json& n = (*it)[i];
    const std::string p = PointerJoin(np, i);
    if (!n.is_object()) {
      c.Error(p, "must be an object {\"pattern\", \"chars\"}");
      ok = false;
      continue;
    }
    c.AllowKeys(n, p, {"pattern", "chars"});
    Near nr;
    nr.pattern = c.PatternAt(n, "pattern", p, true);
    if (auto ch = c.Int(n, "chars", p, false, 1, 2000)) nr.chars = static_cast<size_t>(*ch);
    if (!nr.pattern) ok = false;
    out->push_back(std::move(nr));
  }
  return ok;
}

std::shared_ptr<const Primitive> BuildText(const json& item, const std::string& ptr, Checker& c) {
  c.AllowKeys(item, ptr,
              {"check", "message", "pattern", "near", "region", "min", "current_year_within"});
  auto p = std::make_shared<TextPrimitive>();
  const size_t before = c.error_count();
  p->pattern = c.PatternAt(item, "pattern", ptr, true);
  if (auto v = c.Int(item, "current_year_within", ptr, false, 4, 2000)) {
    p->current_year_chars = static_cast<size_t>(*v);
  }
  ReadNear(item, ptr, c, &p->near);
  if (auto r = ReadRegion(item, ptr, c)) p->region = *r;
  if (auto m = c.Int(item, "min", ptr, false, 1, 1000)) p->min = static_cast<int>(*m);
  return c.error_count() == before ? p : nullptr;
}

// ---------------------------------------------------------------------------------------------

class DatePrimitive : public Primitive {
 public:
  std::shared_ptr<const Pattern> label;
  size_t chars = 60;
  int max_age_days = 0;  // 0 = any valid date will do
  int future_days = 1;

  std::string_view name() const override { return "date"; }
  std::vector<std::string_view> failure_messages() const override {
    if (max_age_days > 0) return {kMsgStale, kMsgInvalidDate, kMsgFutureDate};
    return {kMsgInvalidDate, kMsgFutureDate};
  }

  Observation Observe(PageView& page, const EvalContext& ctx) const override {
    Observation o;
    const TextFacet& f = page.text(Region::kAll);
    const std::string_view t = f.text;
    struct Seen {
      DateMatch date;
      dom::NodeId node;
    };
    std::optional<Seen> latest, future, invalid;
    size_t pos = 0, scanned = 0;
    const int64_t today = ctx.today.DaysSinceEpoch();
    while (pos < t.size() && scanned++ < kMaxMatchesScanned) {
      auto m = label->Find(t.substr(pos));
      if (!m) break;
      const size_t begin = pos + m->first, end = begin + m->second;
      pos = std::max(end, begin + 1);
      std::string_view window = Slice(t, end, end + chars);
      std::vector<DateMatch> dates = FindSpanishDates(window, 1);
      if (dates.empty()) continue;
      Seen s{std::move(dates.front()), f.NodeAt(begin)};
      if (s.date.problem != DateProblem::kNone) {
        if (!invalid) invalid = std::move(s);
      } else if (s.date.date.DaysSinceEpoch() > today + future_days) {
        if (!future) future = std::move(s);
      } else if (!latest || latest->date.date < s.date.date) {
        latest = std::move(s);
      }
    }
    auto set = [&](State st, const Seen& s, std::string message, std::string detail) {
      o.state = st;
      o.node = s.node;
      o.text = Short(s.date.text);
      o.detail = std::move(detail);
      o.message = std::move(message);
    };
    if (max_age_days > 0 && latest) {
      const int64_t age = today - latest->date.date.DaysSinceEpoch();
      if (age > max_age_days) {
        set(State::kFails, *latest, std::string(kMsgStale), std::to_string(age));
        return o;
      }
    }
    if (invalid) {
      set(State::kFails, *invalid, std::string(kMsgInvalidDate),
          invalid->date.problem == DateProblem::kEpoch ? "epoch" : "impossible");
    } else if (future) {
      set(State::kFails, *future, std::string(kMsgFutureDate), future->date.date.Iso());
    } else if (latest) {
      set(State::kHolds, *latest, "",
          max_age_days > 0 ? std::to_string(today - latest->date.date.DaysSinceEpoch())
                           : latest->date.date.Iso());
    }
    return o;
  }
};

std::shared_ptr<const Primitive> BuildDate(const json& item, const std::string& ptr, Checker& c) {
  c.AllowKeys(item, ptr, {"check", "message", "label", "chars", "max_age_days", "future_days"});
  auto p = std::make_shared<DatePrimitive>();
  const size_t before = c.error_count();
  p->label = c.PatternAt(item, "label", ptr, true);
  if (auto v = c.Int(item, "chars", ptr, false, 8, 500)) p->chars = static_cast<size_t>(*v);
  if (auto v = c.Int(item, "max_age_days", ptr, false, 1, 3650))
    p->max_age_days = static_cast<int>(*v);
  if (auto v = c.Int(item, "future_days", ptr, false, 0, 366))
    p->future_days = static_cast<int>(*v);
  return c.error_count() == before ? p : nullptr;
}

// ---------------------------------------------------------------------------------------------

const std::set<std::string, std::less<>>& KnownDocumentTypes() {
  static const std::set<std::string, std::less<>> k = {"pdf", "xlsx", "xls", "csv", "ods",  "json",
                                                       "xml", "docx", "doc", "odt", "pptx", "ppt",
                                                       "zip", "txt",  "rtf", "jpg", "jpeg", "png"};
  return k;
}

class DocumentLinkPrimitive : public Primitive {
 public:
  std::set<std::string, std::less<>> types;
  std::shared_ptr<const Pattern> text;
  int min = 1;

  std::string_view name() const override { return "document-link"; }
  Observation Observe(PageView& page, const EvalContext&) const override {
    Observation o;
    int n = 0;
    for (const LinkFact& l : page.links()) {
      if (l.url.empty()) continue;
      const std::string ext = UrlExtension(l.url);
      if (ext.empty() || types.find(ext) == types.end()) continue;
      if (text && !text->PartialMatch(l.text)) continue;
      if (n++ == 0) {
        o.node = l.node;
        o.text = Short(l.text.empty() ? l.url : l.text);
      }
    }
    o.detail = std::to_string(n);
    if (n >= min) {
      o.state = State::kHolds;
    } else {
      o.node = dom::kNoNode;
      o.text.clear();
    }
    return o;
  }
};

std::shared_ptr<const Primitive> BuildDocumentLink(const json& item, const std::string& ptr,
                                                   Checker& c) {
  c.AllowKeys(item, ptr, {"check", "message", "types", "text", "min"});
  auto p = std::make_shared<DocumentLinkPrimitive>();
  const size_t before = c.error_count();
  if (auto t = c.Strings(item, "types", ptr, true)) {
    for (size_t i = 0; i < t->size(); ++i) {
      const std::string& ty = (*t)[i];
      if (KnownDocumentTypes().count(ty) == 0) {
        std::string known;
        for (const auto& k : KnownDocumentTypes()) known += (known.empty() ? "" : ", ") + k;
        c.Error(PointerJoin(PointerJoin(ptr, "types"), i),
                "unknown document type '" + ty + "' (known: " + known + ")");
      } else {
        p->types.insert(ty);
      }
    }
  }
  p->text = c.PatternAt(item, "text", ptr, false);
  if (auto m = c.Int(item, "min", ptr, false, 1, 100000)) p->min = static_cast<int>(*m);
  return c.error_count() == before ? p : nullptr;
}

// ---------------------------------------------------------------------------------------------

// The value of query parameter `name` in `u` (not decoded), or "".
std::string QueryParam(std::string_view u, std::string_view name) {
  size_t q = u.find('?');
  if (q == std::string_view::npos) return {};
  std::string_view rest = u.substr(q + 1);
  rest = rest.substr(0, rest.find('#'));
  while (!rest.empty()) {
    size_t amp = rest.find_first_of("&;");
    std::string_view kv = rest.substr(0, amp);
    size_t eq = kv.find('=');
    if (kv.substr(0, eq) == name) {
      return eq == std::string_view::npos ? std::string() : std::string(kv.substr(eq + 1));
    }
    if (amp == std::string_view::npos) break;
    rest = rest.substr(amp + 1);
  }
  return {};
}

std::string_view WithoutWww(std::string_view h) {
  return h.substr(0, 4) == "www." ? h.substr(4) : h;
}

class AttributePrimitive : public Primitive {
 public:
  std::vector<std::string> tags;  // empty = any element
  std::string attr;
  std::shared_ptr<const Pattern> pattern;
  std::string param;  // query parameter of the value shown as detail
  bool param_differs_from_host = false;

  std::string_view name() const override { return "attribute"; }
  Observation Observe(PageView& page, const EvalContext&) const override {
    Observation o;
    const dom::Document* doc = page.doc();
    if (doc == nullptr) return o;
    std::string page_host;
    if (param_differs_from_host) {
      const std::string& u = page.url();
      size_t p = u.find("://");
      if (p != std::string::npos) {
        std::string_view h = std::string_view(u).substr(p + 3);
        h = h.substr(0, h.find_first_of("/?#:"));
        page_host = text::AsciiLower(WithoutWww(h));
      }
    }
    for (dom::NodeId id = 0; id < doc->size(); ++id) {
      const dom::Node& n = doc->node(id);
      if (!n.is_element()) continue;
      if (!tags.empty() && std::find(tags.begin(), tags.end(), n.tag) == tags.end()) continue;
      const std::string* v = doc->Attr(id, attr);
      if (v == nullptr) continue;
      std::string folded = text::Fold(*v);
      if (!pattern->PartialMatch(folded)) continue;
      std::string pv =
          param.empty() ? std::string() : text::Fold(PercentDecode(QueryParam(*v, param)));
      if (param_differs_from_host) {
        if (pv.empty() || page_host.empty() || WithoutWww(pv) == page_host) continue;
      }
      o.state = State::kHolds;
      o.node = id;
      o.text = Short(*v);
      o.detail = param.empty() ? std::string() : Short(pv);
      break;
    }
    return o;
  }
};

std::shared_ptr<const Primitive> BuildAttribute(const json& item, const std::string& ptr,
                                                Checker& c) {
  c.AllowKeys(item, ptr,
              {"check", "message", "tags", "name", "pattern", "param", "param_differs_from_host"});
  auto p = std::make_shared<AttributePrimitive>();
  const size_t before = c.error_count();
  if (auto t = c.Strings(item, "tags", ptr, false)) p->tags = *t;
  if (auto n = c.String(item, "name", ptr, true)) {
    bool ok = !n->empty();
    for (char ch : *n) {
      ok = ok && ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' ||
                  ch == ':');
    }
    if (!ok) c.Error(PointerJoin(ptr, "name"), "attribute names are lower-case ASCII");
    p->attr = *n;
  }
  p->pattern = c.PatternAt(item, "pattern", ptr, true);
  if (auto v = c.String(item, "param", ptr, false)) p->param = *v;
  if (auto v = c.Bool(item, "param_differs_from_host", ptr)) {
    p->param_differs_from_host = *v;
    if (*v && p->param.empty()) {
      c.Error(PointerJoin(ptr, "param_differs_from_host"), "needs \"param\"");
    }
  }
  return c.error_count() == before ? p : nullptr;
}

// ---------------------------------------------------------------------------------------------

class FormPrimitive : public Primitive {
 public:
  std::shared_ptr<const Pattern> fields, labels, notice, notice_link;
  std::vector<std::string> types;

  std::string_view name() const override { return "personal-data-form"; }
  bool per_form() const override { return true; }

  // The field that makes the form collect personal data, or "" when none does.
  std::string PersonalField(PageView& page, dom::NodeId form) const {
    const dom::Document& doc = *page.doc();
    const dom::Node& f = doc.node(form);
    if (const std::string* role = doc.Attr(form, "role");
        role && text::AsciiLower(text::TrimHtmlSpace(*role)) == "search") {
      return {};
    }
    std::vector<dom::NodeId> controls;
    for (dom::NodeId id = form + 1; id < f.subtree_end; ++id) {
      const dom::Node& n = doc.node(id);
      if (!n.is_element() || n.ns != dom::Namespace::kHtml) continue;
      if (n.tag == "input") {
        std::string type = text::AsciiLower(doc.Attr(id, "type") ? *doc.Attr(id, "type") : "text");
        if (type == "search") return {};
        if (type == "hidden" || type == "submit" || type == "button" || type == "reset" ||
            type == "image") {
          continue;
        }
        controls.push_back(id);
      } else if (n.tag == "select" || n.tag == "textarea") {
        controls.push_back(id);
      }
    }
    static const std::set<std::string, std::less<>> kSearchNames = {
        "q", "s", "search", "buscar", "busqueda", "query", "keys", "k", "term", "termino"};
    if (controls.size() == 1) {
      const std::string* nm = doc.Attr(controls[0], "name");
      if (nm && kSearchNames.count(text::Fold(*nm))) return {};
    }
    for (dom::NodeId id : controls) {
      const std::string* type = doc.Attr(id, "type");
      if (type) {
        std::string t = text::AsciiLower(text::TrimHtmlSpace(*type));
        if (std::find(types.begin(), types.end(), t) != types.end()) return t;
      }
      for (const char* a : {"name", "id", "autocomplete"}) {
        const std::string* v = doc.Attr(id, a);
        if (v == nullptr) continue;
        std::string fv = text::Fold(*v);
        if (fields && !fv.empty() && fields->PartialMatch(fv)) return Short(*v, 60);
      }
      if (labels) {
        std::string label = LabelText(page, id);
        if (!label.empty() && labels->PartialMatch(label)) return Short(label, 60);
      }
    }
    return {};
  }

  static std::string LabelText(PageView& page, dom::NodeId control) {
    const dom::Document& doc = *page.doc();
    std::string out;
    for (dom::NodeId p = doc.node(control).parent; p != dom::kNoNode; p = doc.node(p).parent) {
      if (doc.IsElement(p, "label")) {
        out = page.FoldedTextOf(p);
        break;
      }
    }
    if (const std::string* id = doc.Attr(control, "id"); id && !id->empty()) {
      for (dom::NodeId l = 0; l < doc.size(); ++l) {
        if (!doc.IsElement(l, "label")) continue;
        const std::string* f = doc.Attr(l, "for");
        if (f && *f == *id) {
          out += " " + page.FoldedTextOf(l);
          break;
        }
      }
    }
    for (const char* a : {"aria-label", "placeholder", "title"}) {
      if (const std::string* v = doc.Attr(control, a)) out += " " + text::Fold(*v);
    }
    return text::Fold(out);
  }

  static dom::NodeId PrevElement(const dom::Document& doc, dom::NodeId id) {
    const dom::Node& n = doc.node(id);
    if (n.parent == dom::kNoNode) return dom::kNoNode;
    const auto& sib = doc.node(n.parent).children;
    dom::NodeId prev = dom::kNoNode;
    for (dom::NodeId s : sib) {
      if (s == id) return prev;
      if (doc.node(s).is_element()) prev = s;
    }
    return dom::kNoNode;
  }
  static dom::NodeId NextElement(const dom::Document& doc, dom::NodeId id) {
    const dom::Node& n = doc.node(id);
    if (n.parent == dom::kNoNode) return dom::kNoNode;
    const auto& sib = doc.node(n.parent).children;
    bool seen = false;
    for (dom::NodeId s : sib) {
      if (seen && doc.node(s).is_element()) return s;
      if (s == id) seen = true;
    }
    return dom::kNoNode;
  }

  // The form and the blocks just before and after it (its parent's, when the form is alone in
  // a wrapper): where a simplified notice sits.
  static std::vector<dom::NodeId> NoticeArea(const dom::Document& doc, dom::NodeId form) {
    std::vector<dom::NodeId> area = {form};
    dom::NodeId anchor = form;
    dom::NodeId prev = PrevElement(doc, anchor), next = NextElement(doc, anchor);
    const dom::NodeId parent = doc.node(form).parent;
    if (prev == dom::kNoNode && next == dom::kNoNode && parent != dom::kNoNode &&
        !doc.IsElement(parent, "body") && !doc.IsElement(parent, "main")) {
      anchor = parent;
      prev = PrevElement(doc, anchor);
      next = NextElement(doc, anchor);
    }
    for (dom::NodeId s : {prev, next}) {
      if (s == dom::kNoNode) continue;
      // A neighbour holding another form speaks for that form, not this one.
      bool other_form = doc.IsElement(s, "form");
      for (dom::NodeId d = s + 1; d < doc.node(s).subtree_end && !other_form; ++d) {
        other_form = doc.IsElement(d, "form");
      }
      if (!other_form) area.push_back(s);
    }
    return area;
  }

  Observation ObserveForm(PageView& page, dom::NodeId form, const EvalContext&) const override {
    Observation o;
    if (page.doc() == nullptr || form >= page.doc()->size()) return o;
    std::string field = PersonalField(page, form);
    if (field.empty()) return o;  // not a personal-data form
    const dom::Document& doc = *page.doc();
    o.node = form;
    o.text = field;
    std::vector<dom::NodeId> area = NoticeArea(doc, form);
    std::string notice_text;
    dom::NodeId notice_node = dom::kNoNode;
    for (dom::NodeId n : area) {
      std::string t = page.FoldedTextOf(n);
      if (auto m = notice->Find(t)) {
        notice_text = Short(std::string_view(t).substr(m->first, m->second));
        notice_node = n;
        break;
      }
    }
    if (notice_node == dom::kNoNode) {
      o.state = State::kFails;
      return o;
    }
    if (notice_link) {
      bool linked = false;
      for (const LinkFact& l : page.links()) {
        bool inside = false;
        for (dom::NodeId n : area) {
          inside = inside || (l.node > n && l.node < doc.node(n).subtree_end);
        }
        if (inside &&
            (notice_link->PartialMatch(l.text) || notice_link->PartialMatch(l.folded_url))) {
          linked = true;
          o.detail = Short(l.url.empty() ? l.href : l.url);
          break;
        }
      }
      if (!linked) {
        o.state = State::kFails;
        o.detail = notice_text;
        return o;
      }
    } else {
      o.detail = notice_text;
    }
    o.state = State::kHolds;
    return o;
  }

  Observation Observe(PageView& page, const EvalContext& ctx) const override {
    Observation summary;
    int pd_forms = 0;
    for (dom::NodeId f : page.forms()) {
      Observation o = ObserveForm(page, f, ctx);
      if (o.state == State::kAbsent) continue;
      ++pd_forms;
      if (o.state == State::kFails) {
        if (summary.state != State::kFails) {
          std::vector<Observation> more = std::move(summary.more);
          summary = std::move(o);
          summary.more = std::move(more);
        } else if (summary.more.size() < kMaxMore) {
          summary.more.push_back(std::move(o));
        }
      } else if (summary.state == State::kAbsent) {
        summary = std::move(o);
      }
    }
    if (pd_forms > 0 && summary.state == State::kHolds) summary.detail = std::to_string(pd_forms);
    return summary;
  }
};

std::shared_ptr<const Primitive> BuildForm(const json& item, const std::string& ptr, Checker& c) {
  c.AllowKeys(item, ptr,
              {"check", "message", "fields", "labels", "types", "notice", "notice_link"});
  auto p = std::make_shared<FormPrimitive>();
  const size_t before = c.error_count();
  p->fields = c.PatternAt(item, "fields", ptr, false);
  p->labels = c.PatternAt(item, "labels", ptr, false);
  if (auto t = c.Strings(item, "types", ptr, false)) p->types = *t;
  if (!p->fields && !p->labels && p->types.empty() && c.error_count() == before) {
    c.Error(ptr, "personal-data-form needs \"fields\", \"labels\" or \"types\"");
  }
  p->notice = c.PatternAt(item, "notice", ptr, true);
  p->notice_link = c.PatternAt(item, "notice_link", ptr, false);
  return c.error_count() == before ? p : nullptr;
}

// ---------------------------------------------------------------------------------------------

class CountPrimitive : public Primitive {
 public:
  std::vector<std::shared_ptr<const Primitive>> of;
  int min = 1;

  std::string_view name() const override { return "count"; }
  Observation Observe(PageView& page, const EvalContext& ctx) const override {
    Observation o;
    int holds = 0;
    bool unknown = false;
    for (const auto& p : of) {
      Observation sub = p->Observe(page, ctx);
      if (sub.state == State::kHolds) {
        if (holds++ == 0) {
          o.node = sub.node;
          o.text = sub.text;
        }
      }
      unknown = unknown || sub.state == State::kUnknown;
    }
    o.detail = std::to_string(holds) + "/" + std::to_string(of.size());
    if (holds >= min) {
      o.state = State::kHolds;
    } else {
      o.state = unknown ? State::kUnknown : State::kAbsent;
      o.node = dom::kNoNode;
      o.text.clear();
    }
    return o;
  }
};

std::shared_ptr<const Primitive> BuildCount(const json& item, const std::string& ptr, Checker& c) {
  c.AllowKeys(item, ptr, {"check", "message", "min", "of"});
  auto p = std::make_shared<CountPrimitive>();
  const size_t before = c.error_count();
  auto it = item.find("of");
  const std::string op = PointerJoin(ptr, "of");
  if (it == item.end() || !it->is_array() || it->empty()) {
    c.Error(op, "must be a non-empty array of evidence items");
  } else {
    for (size_t i = 0; i < it->size(); ++i) {
      auto sub = BuildPrimitive((*it)[i], PointerJoin(op, i), c);
      if (sub && (sub->per_form() || sub->entity_only())) {
        c.Error(PointerJoin(op, i), "count cannot hold per-form or entity-only primitives");
      }
      if (sub) p->of.push_back(std::move(sub));
    }
  }
  if (auto m = c.Int(item, "min", ptr, true, 1, 1000)) {
    p->min = static_cast<int>(*m);
    if (it != item.end() && it->is_array() && p->min > static_cast<int>(it->size())) {
      c.Error(PointerJoin(ptr, "min"), "is larger than the number of items in \"of\"");
    }
  }
  return c.error_count() == before ? p : nullptr;
}

// ---------------------------------------------------------------------------------------------

class LinkHealthPrimitive : public Primitive {
 public:
  Region region = Region::kAll;

  std::string_view name() const override { return "link-health"; }
  bool entity_only() const override { return true; }

  Observation Observe(PageView& page, const EvalContext&) const override {
    Observation o;
    std::unordered_set<std::string> seen;
    for (const LinkFact& l : page.links()) {
      // Web (and, for local builds, file) links; mailto: and tel: are not fetched.
      if (!InRegion(l.chrome, region) || l.url.find("://") == std::string::npos) continue;
      if (!seen.insert(l.url).second) continue;
      if (o.targets.size() >= kMaxLinkTargets) break;
      Observation t;
      t.node = l.node;
      t.text = l.url;
      t.detail = Short(l.text);
      o.targets.push_back(std::move(t));
    }
    o.state = o.targets.empty() ? State::kAbsent : State::kHolds;
    o.detail = std::to_string(o.targets.size());
    return o;
  }

  void Resolve(Observation& o, const EvalContext& ctx) const override {
    if (ctx.broken == nullptr || o.state != State::kHolds) return;
    std::vector<Observation> bad;
    for (Observation& t : o.targets) {
      auto it = ctx.broken->find(t.text);
      if (it == ctx.broken->end()) continue;
      t.state = State::kFails;
      t.detail =
          it->second.status > 0 ? "HTTP " + std::to_string(it->second.status) : it->second.kind;
      if (bad.size() < kMaxMore + 1) bad.push_back(std::move(t));
    }
    o.targets.clear();
    if (bad.empty()) return;
    Observation first = std::move(bad.front());
    first.more.assign(std::make_move_iterator(bad.begin() + 1), std::make_move_iterator(bad.end()));
    o = std::move(first);
  }
};

std::shared_ptr<const Primitive> BuildLinkHealth(const json& item, const std::string& ptr,
                                                 Checker& c) {
  c.AllowKeys(item, ptr, {"check", "message", "region"});
  auto p = std::make_shared<LinkHealthPrimitive>();
  const size_t before = c.error_count();
  if (auto r = ReadRegion(item, ptr, c)) p->region = *r;
  return c.error_count() == before ? p : nullptr;
}

// ---------------------------------------------------------------------------------------------

// Folded text of `s` with, for each folded byte, the offset in `s` of the character it came
// from (so a match on folded text can be traced back to the text as written).
struct MappedFold {
  std::string text;
  std::vector<size_t> from;
};

size_t Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

MappedFold FoldMapped(std::string_view s) {
  MappedFold m;
  bool pending_space = false;
  for (size_t i = 0; i < s.size();) {
    const size_t n = std::min(Utf8Length(static_cast<unsigned char>(s[i])), s.size() - i);
    const std::string_view cp = s.substr(i, n);
    const std::string f = text::Fold(cp);
    if (f.empty()) {
      // White space (collapsed) or a combining mark (dropped), as Fold does.
      if (!text::TrimHtmlSpace(cp).empty() && cp != "\xC2\xA0") {
        i += n;
        continue;
      }
      pending_space = !m.text.empty();
      i += n;
      continue;
    }
    if (pending_space) {
      m.text.push_back(' ');
      m.from.push_back(i);
    }
    pending_space = false;
    m.text += f;
    m.from.insert(m.from.end(), f.size(), i);
    i += n;
  }
  return m;
}

// A word as written, for telling names ("Ana María Torres") from the words around them.
struct Word {
  std::string_view text;
  bool capital = false;       // starts with an upper-case letter (A-Z, Á, É, Í, Ó, Ú, Ñ, Ü)
  bool letters = true;        // only letters (and inner apostrophes or hyphens)
  bool abbreviation = false;  // ends with a period ("Lic.")
};

bool IsUpperLead(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == 0xC3 && w.size() > 1) {
    const auto d = static_cast<unsigned char>(w[1]);
    return d == 0x81 || d == 0x89 || d == 0x8D || d == 0x93 || d == 0x9A || d == 0x91 || d == 0x9C;
  }
  return false;
}

std::vector<Word> SplitWords(std::string_view s) {
  std::vector<Word> out;
  size_t i = 0;
  auto separator = [](char c) {
    return text::IsHtmlSpace(c) || c == ':' || c == ',' || c == ';' || c == '|' || c == '(' ||
           c == ')' || c == '"' || c == '/' || c == '[' || c == ']';
  };
  while (i < s.size()) {
    while (i < s.size() && separator(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !separator(s[j])) ++j;
    if (j > i) {
      Word w;
      w.text = s.substr(i, j - i);
      w.abbreviation = w.text.back() == '.';
      std::string_view core = w.abbreviation ? w.text.substr(0, w.text.size() - 1) : w.text;
      w.capital = IsUpperLead(core);
      for (size_t k = 0; k < core.size(); ++k) {
        const auto c = static_cast<unsigned char>(core[k]);
        const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80 ||
                            ((c == '\'' || c == '-') && k > 0 && k + 1 < core.size());
        w.letters = w.letters && letter;
      }
      w.letters = w.letters && !core.empty();
      out.push_back(w);
    }
    i = j;
  }
  return out;
}

// Honorifics written before names in Mexican public administration.
bool IsHonorific(const std::string& folded) {
  static const std::set<std::string, std::less<>> k = {
      "lic",    "licda", "licenciado", "licenciada", "mtro", "mtra", "maestro",   "maestra",
      "dr",     "dra",   "doctor",     "doctora",    "ing",  "c",    "arq",       "profr",
      "profra", "prof",  "cp",         "c.p",        "act",  "mvz",  "ciudadano", "ciudadana"};
  return k.count(folded) > 0;
}

bool IsNameParticle(const std::string& folded) {
  return folded == "de" || folded == "del" || folded == "la" || folded == "las" ||
         folded == "los" || folded == "y" || folded == "san" || folded == "van" || folded == "von";
}

// Capitalised words that are titles, offices or address parts, never part of a person's name.
bool IsOfficeWord(const std::string& folded) {
  static const std::set<std::string, std::less<>> k = {"unidad",
                                                       "transparencia",
                                                       "direccion",
                                                       "director",
                                                       "directora",
                                                       "coordinacion",
                                                       "coordinador",
                                                       "coordinadora",
                                                       "secretaria",
                                                       "secretario",
                                                       "subdireccion",
                                                       "general",
                                                       "juridica",
                                                       "juridico",
                                                       "departamental",
                                                       "departamento",
                                                       "jefatura",
                                                       "jefe",
                                                       "jefa",
                                                       "enlace",
                                                       "titular",
                                                       "responsable",
                                                       "encargado",
                                                       "encargada",
                                                       "oficina",
                                                       "telefono",
                                                       "tel",
                                                       "correo",
                                                       "electronico",
                                                       "email",
                                                       "horario",
                                                       "horarios",
                                                       "atencion",
                                                       "domicilio",
                                                       "calle",
                                                       "avenida",
                                                       "av",
                                                       "col",
                                                       "colonia",
                                                       "ciudad",
                                                       "mexico",
                                                       "estado",
                                                       "municipio",
                                                       "gobierno",
                                                       "instituto",
                                                       "comite",
                                                       "comision",
                                                       "consejo",
                                                       "organo",
                                                       "interno",
                                                       "control",
                                                       "area",
                                                       "areas",
                                                       "administracion",
                                                       "administrativa",
                                                       "vacante",
                                                       "lunes",
                                                       "martes",
                                                       "miercoles",
                                                       "jueves",
                                                       "viernes",
                                                       "sabado",
                                                       "domingo",
                                                       "ext",
                                                       "extension",
                                                       "solicitudes",
                                                       "informacion",
                                                       "datos",
                                                       "personales",
                                                       "plataforma",
                                                       "nacional",
                                                       "publica",
                                                       "acceso",
                                                       "cargo",
                                                       "nombre",
                                                       "puesto",
                                                       "ubicacion",
                                                       "fax",
                                                       "pagina",
                                                       "inicio",
                                                       "cp",
                                                       "codigo",
                                                       "postal",
                                                       "alcaldia",
                                                       "delegacion"};
  return k.count(folded) > 0;
}

std::string FoldedCore(const Word& w) {
  std::string f = text::Fold(w.text);
  while (!f.empty() && (f.back() == '.' || f.back() == '-')) f.pop_back();
  return f;
}

// The text from word `a` to word `b` (of the same string) as written, without the period that
// ends a sentence ("Lerma." but not the initial "L.").
std::string Span(const Word& a, const Word& b) {
  std::string_view last = b.text;
  if (b.abbreviation && last.size() > 3) last.remove_suffix(1);
  return std::string(a.text.data(), last.data() + last.size());
}

// The person's name at the start of `words` (after at most a few lower-case words such as "es
// la"), or "" when there is none: an optional honorific, then 2 to 5 capitalised words (or
// words in capitals), "de", "del", "la" allowed between them.
std::string NameAt(const std::vector<Word>& words, size_t start, size_t max_lead) {
  size_t i = start;
  size_t lead = 0;
  while (i < words.size() && lead < max_lead && !words[i].capital &&
         !IsHonorific(FoldedCore(words[i]))) {
    if (!words[i].letters) return {};
    ++i;
    ++lead;
  }
  const size_t name_begin = i;
  while (i < words.size() && IsHonorific(FoldedCore(words[i]))) ++i;
  int tokens = 0;
  size_t last = i;
  while (i < words.size()) {
    const Word& w = words[i];
    const std::string f = FoldedCore(w);
    if (tokens > 0 && IsNameParticle(f) && !w.abbreviation) {
      ++i;
      continue;
    }
    if (w.capital && w.letters && !IsOfficeWord(f) && !IsHonorific(f)) {
      ++tokens;
      last = i + 1;
      ++i;
      if (w.abbreviation || tokens == 5) break;  // "Pérez L." ends a name
      continue;
    }
    break;
  }
  if (tokens < 2) return {};
  return Span(words[name_begin], words[last - 1]);
}

// The person's name that ends `words` ("Ana Torres Ruiz" in "Ana Torres Ruiz, titular de ...").
std::string NameBefore(const std::vector<Word>& words) {
  size_t end = words.size();
  int tokens = 0;
  size_t first = end;
  for (size_t i = end; i-- > 0;) {
    const Word& w = words[i];
    const std::string f = FoldedCore(w);
    if (tokens > 0 && IsNameParticle(f)) continue;
    if (w.capital && w.letters && !IsOfficeWord(f) && !IsHonorific(f)) {
      ++tokens;
      first = i;
      if (tokens == 5) break;
      continue;
    }
    if (tokens > 0 && IsHonorific(f)) first = i;
    break;
  }
  if (tokens < 2) return {};
  return Span(words[first], words[end - 1]);
}

class PersonNamePrimitive : public Primitive {
 public:
  std::shared_ptr<const Pattern> label;
  std::shared_ptr<const Pattern> cell;  // a whole block that is the label ("^titular$")
  size_t chars = 120;

  std::string_view name() const override { return "person-name"; }

  // The name next to a label matched at [begin, end) of the page text, in block `first`.
  std::string NameNear(const dom::Document& doc, const TextFacet& f,
                       std::vector<TextFacet::Block>::const_iterator first, size_t end,
                       const Pattern& pattern) const {
    const dom::NodeId label_node = first->node;
    if (label_node == dom::kNoNode) return {};
    std::string before_text;
    if (first != f.blocks.begin() && std::prev(first)->node != dom::kNoNode) {
      before_text = text::CollapseWhitespace(doc.TextContent(std::prev(first)->node));
    }
    const std::string own = text::CollapseWhitespace(doc.TextContent(label_node));
    std::string after_text;
    for (auto b = std::next(first); b != f.blocks.end() && b->offset <= end + chars; ++b) {
      if (b->node == dom::kNoNode) continue;
      after_text += " | " + text::CollapseWhitespace(doc.TextContent(b->node));
      if (after_text.size() > 4 * chars) break;
    }
    // Where the label is in the text as written.
    const MappedFold mf = FoldMapped(own);
    auto lm = pattern.Find(mf.text);
    if (!lm || mf.from.empty()) return {};
    const size_t label_begin = mf.from[std::min(lm->first, mf.from.size() - 1)];
    const size_t label_end_folded = lm->first + lm->second;
    const size_t label_end =
        label_end_folded < mf.from.size() ? mf.from[label_end_folded] : own.size();
    const std::string rest = own.substr(label_end) + after_text;
    std::string name = NameAt(SplitWords(text::TruncateUtf8(rest, 4 * chars)), 0, 4);
    if (!name.empty()) return name;
    // Or just before it (a directory card: the name, then the post).
    std::string lead = before_text + " | " + own.substr(0, label_begin);
    std::string_view lv = lead;
    while (!lv.empty() && (text::IsHtmlSpace(lv.back()) || lv.back() == ',' || lv.back() == '-' ||
                           lv.back() == '|' || lv.back() == ':')) {
      lv.remove_suffix(1);
    }
    return NameBefore(SplitWords(lv));
  }

  Observation Observe(PageView& page, const EvalContext&) const override {
    Observation o;
    const dom::Document* doc = page.doc();
    if (doc == nullptr) return o;  // documents: their text is folded, capitals are gone
    const TextFacet& f = page.text(Region::kAll);
    const std::string_view t = f.text;
    auto found = [&](std::vector<TextFacet::Block>::const_iterator first, size_t begin, size_t end,
                     const Pattern& pattern) {
      std::string name = NameNear(*doc, f, first, end, pattern);
      if (name.empty()) return false;
      o.state = State::kHolds;
      o.node = first->node;
      o.text = Short(name, 120);
      o.detail = Short(t.substr(begin, end - begin));
      return true;
    };
    size_t pos = 0, scanned = 0;
    while (label && pos < t.size() && scanned++ < kMaxMatchesScanned) {
      auto m = label->Find(t.substr(pos));
      if (!m) break;
      const size_t begin = pos + m->first, end = begin + m->second;
      pos = std::max(end, begin + 1);
      auto first =
          std::upper_bound(f.blocks.begin(), f.blocks.end(), begin,
                           [](size_t off, const TextFacet::Block& b) { return off < b.offset; });
      if (first == f.blocks.begin()) continue;
      if (found(std::prev(first), begin, end, *label)) return o;
    }
    // A block that is the label on its own ("Titular" in a <dt> or <th>), the name in the next.
    for (auto b = f.blocks.begin(); cell && b != f.blocks.end() && scanned++ < kMaxMatchesScanned;
         ++b) {
      const size_t end = std::next(b) == f.blocks.end() ? t.size() : std::next(b)->offset - 1;
      if (end <= b->offset || end - b->offset > 80) continue;
      if (!cell->PartialMatch(t.substr(b->offset, end - b->offset))) continue;
      if (found(b, b->offset, end, *cell)) return o;
    }
    return o;
  }
};

std::shared_ptr<const Primitive> BuildPersonName(const json& item, const std::string& ptr,
                                                 Checker& c) {
  c.AllowKeys(item, ptr, {"check", "message", "label", "cell", "chars"});
  auto p = std::make_shared<PersonNamePrimitive>();
  const size_t before = c.error_count();
  p->label = c.PatternAt(item, "label", ptr, false);
  p->cell = c.PatternAt(item, "cell", ptr, false);
  if (!item.contains("label") && !item.contains("cell")) {
    c.Error(ptr, "person-name needs \"label\" or \"cell\"");
  }
  if (auto v = c.Int(item, "chars", ptr, false, 10, 500)) p->chars = static_cast<size_t>(*v);
  return c.error_count() == before ? p : nullptr;
}

// ---------------------------------------------------------------------------------------------

// One entry of a coverage list: an obligation (a fraction) and the words that name it.
struct CoverageItem {
  std::string id;    // "XII"
  std::string name;  // "Unidad de Transparencia"
  std::shared_ptr<const Pattern> pattern;
};

class CoveragePrimitive : public Primitive {
 public:
  std::vector<CoverageItem> items;
  std::shared_ptr<const Pattern> not_applicable;
  size_t chars = 150;
  int min_found = 5;  // fewer named items than this: the page is not an index at all

  std::string_view name() const override { return "coverage"; }
  std::vector<std::string_view> review_messages() const override { return {"partial"}; }

  // A link names the item when its text, or the text of the list item, table row or paragraph
  // it sits in ("Fracción VI — Directorio [XLSX]"), does.
  static dom::NodeId Container(const dom::Document& doc, dom::NodeId link) {
    for (dom::NodeId p = doc.node(link).parent; p != dom::kNoNode; p = doc.node(p).parent) {
      const dom::Node& n = doc.node(p);
      if (!n.is_element()) continue;
      if (n.tag == "li" || n.tag == "tr" || n.tag == "p" || n.tag == "dd" || n.tag == "dt") {
        return p;
      }
      if (n.tag == "ul" || n.tag == "ol" || n.tag == "table" || n.tag == "body" ||
          n.tag == "section" || n.tag == "main" || n.tag == "nav") {
        break;
      }
    }
    return dom::kNoNode;
  }

  Observation Observe(PageView& page, const EvalContext&) const override {
    Observation o;
    std::vector<int> state(items.size(), 0);  // 0 absent, 1 linked, 2 declared not applicable
    std::vector<dom::NodeId> where(items.size(), dom::kNoNode);
    std::unordered_map<dom::NodeId, std::string> container_text;
    const dom::Document* doc = page.doc();
    size_t seen = 0;
    for (const LinkFact& l : page.links()) {
      if (seen++ >= kMaxLinkTargets * 5) break;
      const std::string* context = nullptr;
      if (doc != nullptr) {
        const dom::NodeId c = Container(*doc, l.node);
        if (c != dom::kNoNode) {
          auto it = container_text.find(c);
          if (it == container_text.end()) {
            std::string ctext = page.FoldedTextOf(c);
            // A <dd> is named by its <dt> ("<dt>Fracción VI Directorio</dt><dd>XLSX</dd>").
            if (doc->IsElement(c, "dd")) {
              const dom::NodeId parent = doc->node(c).parent;
              dom::NodeId dt = dom::kNoNode;
              for (dom::NodeId sib : doc->node(parent).children) {
                if (sib == c) break;
                if (doc->IsElement(sib, "dt")) dt = sib;
              }
              if (dt != dom::kNoNode) ctext = page.FoldedTextOf(dt) + " " + ctext;
            }
            it = container_text.emplace(c, std::move(ctext)).first;
          }
          context = &it->second;
        }
      }
      for (size_t i = 0; i < items.size(); ++i) {
        if (state[i] == 1) continue;
        const bool named = (!l.text.empty() && items[i].pattern->PartialMatch(l.text)) ||
                           (context != nullptr && items[i].pattern->PartialMatch(*context));
        if (!named) continue;
        state[i] = 1;
        where[i] = l.node;
      }
    }
    // Items named in the text with "no aplica" next to them are declared not applicable.
    const std::string_view t = page.text(Region::kAll).text;
    if (not_applicable) {
      for (size_t i = 0; i < items.size(); ++i) {
        if (state[i] != 0) continue;
        size_t pos = 0, scanned = 0;
        while (pos < t.size() && scanned++ < 200) {
          auto m = items[i].pattern->Find(t.substr(pos));
          if (!m) break;
          const size_t begin = pos + m->first, end = begin + m->second;
          if (not_applicable->PartialMatch(
                  Slice(t, begin > chars ? begin - chars : 0, end + chars))) {
            state[i] = 2;
            break;
          }
          pos = std::max(end, begin + 1);
        }
      }
    }
    int linked = 0, declared = 0;
    std::string missing;
    for (size_t i = 0; i < items.size(); ++i) {
      if (state[i] == 1) {
        ++linked;
        if (o.node == dom::kNoNode) o.node = where[i];
      } else if (state[i] == 2) {
        ++declared;
      } else {
        missing += (missing.empty() ? "" : ", ") + items[i].id + " (" + items[i].name + ")";
      }
    }
    const int total = static_cast<int>(items.size());
    o.detail = std::to_string(linked + declared) + "/" + std::to_string(total);
    if (declared > 0) o.detail += " (" + std::to_string(declared) + " no aplica)";
    if (linked + declared < min_found) {
      o.node = dom::kNoNode;
      return o;  // not an index of these obligations
    }
    if (linked + declared == total) {
      o.state = State::kHolds;
      o.text = std::to_string(total);
      return o;
    }
    // Missing ones may not apply to the entity (its tabla de aplicabilidad says which): a
    // static check cannot decide that.
    o.state = State::kUnknown;
    o.message = "partial";
    o.text = Short(missing, 600);
    return o;
  }
};

std::shared_ptr<const Primitive> BuildCoverage(const json& item, const std::string& ptr,
                                               Checker& c) {
  c.AllowKeys(item, ptr, {"check", "message", "items", "not_applicable", "chars", "min_found"});
  auto p = std::make_shared<CoveragePrimitive>();
  const size_t before = c.error_count();
  const std::string ip = PointerJoin(ptr, "items");
  auto it = item.find("items");
  if (it == item.end() || !it->is_array() || it->empty()) {
    c.Error(ip, "must be a non-empty array of {\"id\", \"name\", \"pattern\"}");
  } else {
    std::set<std::string> ids;
    for (size_t i = 0; i < it->size(); ++i) {
      const json& e = (*it)[i];
      const std::string ep = PointerJoin(ip, i);
      if (!e.is_object()) {
        c.Error(ep, "must be an object {\"id\", \"name\", \"pattern\"}");
        continue;
      }
      c.AllowKeys(e, ep, {"id", "name", "pattern"});
      CoverageItem ci;
      if (auto v = c.String(e, "id", ep, true)) {
        ci.id = *v;
        if (!ids.insert(*v).second) c.Error(PointerJoin(ep, "id"), "duplicate id '" + *v + "'");
      }
      if (auto v = c.String(e, "name", ep, true)) ci.name = *v;
      ci.pattern = c.PatternAt(e, "pattern", ep, true);
      p->items.push_back(std::move(ci));
    }
  }
  p->not_applicable = c.PatternAt(item, "not_applicable", ptr, false);
  if (auto v = c.Int(item, "chars", ptr, false, 10, 1000)) p->chars = static_cast<size_t>(*v);
  if (auto v = c.Int(item, "min_found", ptr, false, 1, 1000)) {
    p->min_found = static_cast<int>(*v);
    if (p->min_found > static_cast<int>(p->items.size()) && !p->items.empty()) {
      c.Error(PointerJoin(ptr, "min_found"), "is larger than the number of items");
    }
  }
  return c.error_count() == before ? p : nullptr;
}

// ---------------------------------------------------------------------------------------------

using Factory = std::shared_ptr<const Primitive> (*)(const json&, const std::string&, Checker&);

const std::map<std::string_view, Factory>& Factories() {
  static const std::map<std::string_view, Factory> f = {
      {"link", &BuildLink},
      {"heading", &BuildHeading},
      {"title", &BuildTitle},
      {"text", &BuildText},
      {"url", &BuildUrl},
      {"date", &BuildDate},
      {"document-link", &BuildDocumentLink},
      {"attribute", &BuildAttribute},
      {"personal-data-form", &BuildForm},
      {"count", &BuildCount},
      {"link-health", &BuildLinkHealth},
      {"person-name", &BuildPersonName},
      {"coverage", &BuildCoverage},
  };
  return f;
}

}  // namespace

std::vector<std::string_view> PrimitiveNames() {
  std::vector<std::string_view> out;
  for (const auto& [name, f] : Factories()) out.push_back(name);
  return out;
}

std::shared_ptr<const Primitive> BuildPrimitive(const json& item, const std::string& ptr,
                                                Checker& c) {
  if (!item.is_object()) {
    c.Error(ptr, "an evidence item must be an object {\"check\": <primitive>, ...options}");
    return nullptr;
  }
  auto name = c.String(item, "check", ptr, true);
  if (!name) return nullptr;
  auto it = Factories().find(*name);
  if (it == Factories().end()) {
    std::string known;
    for (std::string_view n : PrimitiveNames())
      known += (known.empty() ? "" : ", ") + std::string(n);
    c.Error(PointerJoin(ptr, "check"), "unknown primitive '" + *name + "' (known: " + known + ")");
    return nullptr;
  }
  if (auto m = item.find("message"); m != item.end() && !m->is_string()) {
    c.Error(PointerJoin(ptr, "message"), "must be a message id (string)");
  }
  return it->second(item, ptr, c);
}

void Materialize(PageView& page, Observation* o) {
  o->url = page.url();
  if (o->node != dom::kNoNode) {
    o->selector = page.Selector(o->node);
    o->line = page.Line(o->node);
    o->column = page.Column(o->node);
    o->snippet = page.Snippet(o->node);
  }
  for (Observation& m : o->more) Materialize(page, &m);
  for (Observation& t : o->targets) {
    t.url = page.url();
    if (t.node != dom::kNoNode) {
      t.selector = page.Selector(t.node);
      t.line = page.Line(t.node);
      t.column = page.Column(t.node);
    }
    t.node = dom::kNoNode;
  }
}

}  // namespace verifica::rules::decl
