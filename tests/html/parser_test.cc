#include "html/parser.h"

#include <gtest/gtest.h>

#include "html/charset.h"

namespace verifica::html {
namespace {

ParseResult P(std::string_view s, std::string ct = "text/html") {
  ParseOptions o;
  o.content_type = std::move(ct);
  return Parse(s, o);
}

TEST(ParserTest, Local_BuildsTreeWithPositionsAndSelectors) {
  ParseResult r = P("<!doctype html>\n<html lang=es><body>\n<p>Hola</p><p id=x><img src=a.png></p>"
                    "<p><img src=b.png></p></body></html>");
  ASSERT_TRUE(r.ok);
  const dom::Document& d = r.document;
  ASSERT_NE(d.html(), dom::kNoNode);
  EXPECT_EQ(*d.Attr(d.html(), "lang"), "es");
  std::vector<dom::NodeId> imgs;
  for (dom::NodeId i = 0; i < d.size(); ++i) {
    if (d.IsElement(i, "img")) imgs.push_back(i);
  }
  ASSERT_EQ(imgs.size(), 2u);
  EXPECT_EQ(d.Selector(imgs[0]), "#x > img");
  EXPECT_EQ(d.Selector(imgs[1]), "html > body > p:nth-child(3) > img");
  EXPECT_EQ(d.Snippet(imgs[0]), "<img src=a.png>");
  EXPECT_EQ(d.node(imgs[0]).line, 3u);
  EXPECT_EQ(d.TextContent(d.body()), "\nHola");
}

TEST(ParserTest, Local_DecodesWindows1252FromMeta) {
  std::string page = "<html><head><meta charset=\"windows-1252\"><title>Informaci\xF3n</title>";
  ParseResult r = P(page);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.document.encoding(), "windows-1252");
  EXPECT_NE(r.document.source().find("Información"), std::string::npos);
}

TEST(ParserTest, Local_ContentTypeCharsetWinsOverMeta) {
  std::string page = "<meta charset=utf-8><p>a\xF1o";
  ParseResult r = P(page, "text/html; charset=ISO-8859-1");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.document.encoding(), "windows-1252");
  EXPECT_NE(r.document.source().find("año"), std::string::npos);
}

TEST(ParserTest, Local_InvalidUtf8WithoutLabelFallsBackTo1252) {
  ParseResult r = P("<p>Educaci\xF3n</p>");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.document.encoding(), "windows-1252");
}

TEST(ParserTest, Local_Utf8BomIsHonoured) {
  ParseResult r = P("\xEF\xBB\xBF<meta charset=latin1><p>año");
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.document.encoding(), "utf-8");
  EXPECT_NE(r.document.source().find("año"), std::string::npos);
}

TEST(ParserTest, Local_RefusesEmptyBinaryAndDeepInput) {
  EXPECT_EQ(P("").error.kind, "empty");
  EXPECT_EQ(P("  \n ").error.kind, "empty");
  EXPECT_EQ(P(std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)).error.kind, "not-html");
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  ParseResult r = P(deep);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error.kind, "too-deep");
}

TEST(ParserTest, Local_OptionalEndTagsDoNotCountAsDepth) {
  std::string list = "<ul>";
  for (int i = 0; i < 20000; ++i) list += "<li><p>item";
  EXPECT_LT(EstimateDepth(list), 5u);
  ParseResult r = P(list);
  EXPECT_TRUE(r.ok);
}

TEST(ParserTest, Local_ModerateNestingIsParsed) {
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "<div>";
  deep += "<img src=x>";
  ParseResult r = P(deep);
  ASSERT_TRUE(r.ok);
  EXPECT_GE(r.document.max_depth(), 3000u);
  const dom::NodeId img = static_cast<dom::NodeId>(r.document.size() - 1);
  EXPECT_TRUE(r.document.IsElement(img, "img"));
  // Selectors of deep elements stay bounded.
  EXPECT_LT(r.document.Selector(img).size(), 1000u);
}

TEST(ParserTest, Local_SvgDocumentsAreNotHtml) {
  ParseResult r = P("<svg xmlns='http://www.w3.org/2000/svg'></svg>", "image/svg+xml");
  ASSERT_TRUE(r.ok);
  EXPECT_FALSE(r.document.is_html());
}

TEST(CharsetTest, Local_Labels) {
  EXPECT_EQ(CanonicalEncoding("ISO-8859-1"), "windows-1252");
  EXPECT_EQ(CanonicalEncoding(" UTF8 "), "utf-8");
  EXPECT_EQ(CanonicalEncoding("klingon"), "");
  EXPECT_EQ(CharsetFromContentType("text/html;charset=\"utf-8\""), "utf-8");
  EXPECT_EQ(CharsetFromMeta("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"),
            "iso-8859-1");
}

TEST(ParserTest, Local_IframeSrcdocIsParsedAsANestedDocument) {
  ParseResult r = P("<body><iframe srcdoc=\"<a href='/'>Inicio</a><iframe srcdoc='<p>x</p>'>"
                    "</iframe>\"></iframe><iframe src=a.html></iframe>"
                    "<iframe srcdoc=''></iframe></body>");
  ASSERT_TRUE(r.ok);
  const dom::Document& d = r.document;
  std::vector<dom::NodeId> frames;
  for (dom::NodeId i = 0; i < d.size(); ++i) {
    if (d.IsElement(i, "iframe")) frames.push_back(i);
  }
  ASSERT_EQ(frames.size(), 3u);
  const dom::Document* nested = d.SrcdocDocument(frames[0]);
  ASSERT_NE(nested, nullptr);
  EXPECT_EQ(nested->url(), "about:srcdoc");
  EXPECT_NE(nested->body(), dom::kNoNode);
  EXPECT_EQ(nested->TextContent(nested->body()), "Inicio");
  // The srcdoc inside the srcdoc is parsed too (depth 2), not deeper.
  dom::NodeId inner = dom::kNoNode;
  for (dom::NodeId i = 0; i < nested->size(); ++i) {
    if (nested->IsElement(i, "iframe")) inner = i;
  }
  ASSERT_NE(inner, dom::kNoNode);
  ASSERT_NE(nested->SrcdocDocument(inner), nullptr);
  EXPECT_EQ(d.SrcdocDocument(frames[1]), nullptr);  // src is never fetched
  EXPECT_EQ(d.SrcdocDocument(frames[2]), nullptr);  // empty srcdoc
  ParseOptions none;
  none.srcdoc_depth = 0;
  ParseResult flat = Parse("<iframe srcdoc=\"<a href=/>a</a>\"></iframe>", none);
  ASSERT_TRUE(flat.ok);
  for (dom::NodeId i = 0; i < flat.document.size(); ++i) {
    EXPECT_EQ(flat.document.SrcdocDocument(i), nullptr);
  }
}

}  // namespace
}  // namespace verifica::html
