#include "util/url.h"

#include <gtest/gtest.h>

namespace verifica::url {
namespace {

TEST(UrlTest, Local_ResolveRelativeAndDropFragment) {
  auto r = Resolve("https://Example.GOB.mx/a/b/index.html", "../c/./d.html#top");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, "https://example.gob.mx/a/c/d.html");
}

TEST(UrlTest, Local_NormalizeRemovesDefaultPort) {
  auto r = Normalize("HTTP://www.example.mx:80");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "http://www.example.mx/");
}

TEST(UrlTest, Local_RejectsGarbage) {
  EXPECT_FALSE(Normalize("not a url").ok());
  EXPECT_FALSE(Normalize("http://").ok());
}

TEST(UrlTest, Local_FilePathsRoundTrip) {
  std::string u = FromPath("/tmp/a b/ñ.html");
  EXPECT_EQ(u, "file:///tmp/a%20b/%C3%B1.html");
  auto p = ToPath(u);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(*p, "/tmp/a b/ñ.html");
}

TEST(UrlTest, Local_PercentDecode) {
  EXPECT_EQ(PercentDecode("secci%C3%B3n"), "sección");
  EXPECT_EQ(PercentDecode("a%20b%2"), "a b%2");
  EXPECT_EQ(PercentDecode("%zz%41"), "%zzA");
  EXPECT_EQ(PercentDecode(""), "");
}

}  // namespace
}  // namespace verifica::url
