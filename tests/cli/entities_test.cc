// The entities file: CSV and JSON, rejected whole with line numbers on bad input.
#include "cli/entities.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace verifica::cli {
namespace {

namespace fs = std::filesystem;

class EntitiesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("verifica-entities-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "portal");
    std::ofstream(dir_ / "portal" / "index.html") << "<title>x</title>";
  }
  void TearDown() override { fs::remove_all(dir_); }
  Result<std::vector<Entity>> Parse(std::string_view text) {
    return ParseEntities(text, "entidades.csv", dir_);
  }
  fs::path dir_;
};

TEST_F(EntitiesTest, Local_CsvWithOptionalColumns) {
  auto r = Parse(
      "id,name,url,kind,profiles,max_pages\n"
      "sep,Secretaría de Educación Pública,https://www.sep.gob.mx/,dependencia,"
      "\"mx-lgtaip-2025;mx-datos-personales\",200\n"
      "local,\"Portal local, en disco\",portal,municipio,,\n");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  const Entity& sep = (*r)[0];
  EXPECT_EQ(sep.id, "sep");
  EXPECT_EQ(sep.name, "Secretaría de Educación Pública");
  EXPECT_EQ(sep.start.url, "https://www.sep.gob.mx/");
  EXPECT_EQ(sep.profiles, (std::vector<std::string>{"mx-lgtaip-2025", "mx-datos-personales"}));
  EXPECT_EQ(sep.max_pages, 200);
  EXPECT_EQ(sep.line, 2);
  const Entity& local = (*r)[1];
  EXPECT_EQ(local.name, "Portal local, en disco");
  EXPECT_EQ(local.start.url.rfind("file://", 0), 0u);
  EXPECT_NE(local.start.url.find("/portal/index.html"), std::string::npos);
  EXPECT_FALSE(local.max_pages.has_value());
}

// Issue 10: entities carry a jurisdiction (column `jurisdiction` or `jurisdiccion`): federal or
// an entidad federativa, by code or name; missing = federal, and marked as assumed.
TEST_F(EntitiesTest, Local_JurisdictionColumn) {
  auto r = Parse(
      "id,name,url,jurisdiccion\n"
      "alcaldia,Alcaldía,https://alcaldia.cdmx.gob.mx/,CDMX\n"
      "jal,Organismo,https://www.jalisco.gob.mx/,MX-JAL\n"
      "sep,SEP,https://www.sep.gob.mx/,federal\n"
      "imss,IMSS,https://www.imss.gob.mx/,\n");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 4u);
  EXPECT_EQ((*r)[0].jurisdiction, "MX-CMX");
  EXPECT_EQ((*r)[0].jurisdiction_name.es, "Ciudad de México");
  EXPECT_FALSE((*r)[0].jurisdiction_defaulted);
  EXPECT_EQ((*r)[1].jurisdiction, "MX-JAL");
  EXPECT_EQ((*r)[2].jurisdiction, "federal");
  EXPECT_FALSE((*r)[2].jurisdiction_defaulted);
  EXPECT_EQ((*r)[3].jurisdiction, "federal");
  EXPECT_TRUE((*r)[3].jurisdiction_defaulted);
  auto j = ParseEntities(R"([{"id": "a", "name": "A", "url": "https://a.gob.mx/",
                              "jurisdiction": "Nuevo León"}])",
                         "e.json", dir_);
  ASSERT_TRUE(j.ok()) << j.status().message();
  EXPECT_EQ((*j)[0].jurisdiction, "MX-NLE");
  auto none = Parse("id,name,url\nsep,SEP,https://www.sep.gob.mx/\n");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ((*none)[0].jurisdiction, "federal");
  EXPECT_TRUE((*none)[0].jurisdiction_defaulted);
}

// Bad input: an unknown jurisdiction rejects the file, naming the line and the known values.
TEST_F(EntitiesTest, Local_UnknownJurisdictionRejectedWithTheKnownValues) {
  auto r = Parse(
      "id,name,url,jurisdiction\n"
      "a,A,https://a.gob.mx/,federal\n"
      "b,B,https://b.gob.mx/,Nuevo Santander\n");
  ASSERT_FALSE(r.ok());
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("entidades.csv:3: unknown jurisdiction 'Nuevo Santander' (known: federal, "
                   "MX-AGU (Aguascalientes)"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("MX-CMX (Ciudad de México)"), std::string::npos) << m;
}

TEST_F(EntitiesTest, Local_RequiredColumnsOnly_BomCrlfSemicolonsAndBlankLines) {
  auto r = Parse("\xEF\xBB\xBFid;name;url\r\n\r\nimss;IMSS;https://www.imss.gob.mx\r\n");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].line, 3);
  EXPECT_EQ((*r)[0].start.url, "https://www.imss.gob.mx/");
}

TEST_F(EntitiesTest, Local_MissingColumnRejected) {
  auto r = Parse("id,name\nsep,SEP\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("entidades.csv:1: missing column 'url'"), std::string::npos)
      << r.status().message();
}

TEST_F(EntitiesTest, Local_EveryProblemReportedWithItsLine) {
  auto r = Parse(
      "id,name,url\n"
      "sep,SEP,https://www.sep.gob.mx\n"
      "SEP,Otra,https://otra.gob.mx\n"       // duplicate (case-insensitive)
      "../etc,Malo,https://malo.gob.mx\n"    // unsafe id
      "bien,Bien,ftp://archivos.gob.mx\n"    // bad scheme
      "corta,Solo dos\n"                     // wrong field count
      "\"multi\nlinea\",X,https://x.gob.mx\n"  // unsafe id, record starting on line 7
      "vacia,,https://y.gob.mx\n");          // empty name, line 9
  ASSERT_FALSE(r.ok());
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("entidades.csv:3: duplicate id 'SEP' (first on line 2)"), std::string::npos) << m;
  EXPECT_NE(m.find("entidades.csv:4: id '../etc' is not a safe file name"), std::string::npos) << m;
  EXPECT_NE(m.find("entidades.csv:5: bad url"), std::string::npos) << m;
  EXPECT_NE(m.find("entidades.csv:6: 2 fields, but the header has 3"), std::string::npos) << m;
  EXPECT_NE(m.find("entidades.csv:7: id"), std::string::npos) << m;
  EXPECT_NE(m.find("entidades.csv:9: empty name"), std::string::npos) << m;
}

TEST_F(EntitiesTest, Local_BadUrlsAndPathsRejected) {
  for (const char* url : {"http://", "https://exa mple.gob.mx/", "no-existe/", "mailto:a@b.mx"}) {
    auto r = Parse(std::string("id,name,url\nx,X,") + url + "\n");
    EXPECT_FALSE(r.ok()) << url;
  }
}

TEST_F(EntitiesTest, Local_MaxPagesAndUnknownColumns) {
  EXPECT_FALSE(Parse("id,name,url,max_pages\nx,X,https://x.gob.mx,0\n").ok());
  EXPECT_FALSE(Parse("id,name,url,max_pages\nx,X,https://x.gob.mx,muchas\n").ok());
  auto unknown = Parse("id,name,url,estado\nx,X,https://x.gob.mx,activo\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("unknown column 'estado'"), std::string::npos);
  EXPECT_FALSE(Parse("id,name,url,id\nx,X,https://x.gob.mx,y\n").ok());
  EXPECT_FALSE(Parse("").ok());
  EXPECT_FALSE(Parse("id,name,url\n").ok());
  EXPECT_FALSE(Parse("id,name,url\n\"abierta,X,https://x.gob.mx\n").ok());
}

TEST_F(EntitiesTest, Local_JsonArray) {
  auto r = Parse(
      "[\n"
      "  {\"id\": \"sep\", \"name\": \"SEP\", \"url\": \"https://www.sep.gob.mx\",\n"
      "   \"profiles\": [\"mx-lgtaip-2025\"], \"max_pages\": 50},\n"
      "  {\"id\": \"local\", \"name\": \"Local\", \"url\": \"portal/\", \"kind\": null}\n"
      "]\n");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].profiles, (std::vector<std::string>{"mx-lgtaip-2025"}));
  EXPECT_EQ((*r)[0].max_pages, 50);
  EXPECT_EQ((*r)[0].line, 2);
  EXPECT_EQ((*r)[1].line, 4);
}

TEST_F(EntitiesTest, Local_JsonProblemsWithLines) {
  auto syntax = Parse("[\n {\"id\": \"a\",\n  \"name\": }\n]");
  ASSERT_FALSE(syntax.ok());
  EXPECT_NE(syntax.status().message().find("entidades.csv:3: not valid JSON"), std::string::npos)
      << syntax.status().message();
  auto r = Parse(
      "[\n"
      "  {\"id\": \"a\", \"name\": \"A\", \"url\": \"https://a.gob.mx\"},\n"
      "  {\"id\": \"a\", \"name\": \"B\", \"url\": \"https://b.gob.mx\"},\n"
      "  {\"name\": \"C\", \"url\": \"https://c.gob.mx\"},\n"
      "  {\"id\": \"d\", \"name\": \"D\", \"url\": \"https://d.gob.mx\", \"max_pages\": \"x\"},\n"
      "  \"texto\"\n"
      "]");
  ASSERT_FALSE(r.ok());
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("entidades.csv:3: duplicate id 'a'"), std::string::npos) << m;
  EXPECT_NE(m.find("entidades.csv:4: entity 3: missing \"id\""), std::string::npos) << m;
  EXPECT_NE(m.find("entidades.csv:5: max_pages 'x'"), std::string::npos) << m;
  EXPECT_NE(m.find("entidades.csv:6: entity 5 is not an object"), std::string::npos) << m;
  EXPECT_FALSE(Parse("{\"id\": \"a\"}").ok());
}

TEST_F(EntitiesTest, Local_SafeIds) {
  EXPECT_TRUE(IsSafeId("sujeto-01"));
  EXPECT_TRUE(IsSafeId("www.sep.gob.mx"));
  EXPECT_TRUE(IsSafeId("A_b.9"));
  for (const char* bad : {"", ".", "..", "-x", "a/b", "a b", "ñandú", "summary.json", "CON",
                          "nul.txt", "index.html"}) {
    EXPECT_FALSE(IsSafeId(bad)) << bad;
  }
  EXPECT_FALSE(IsSafeId(std::string(101, 'a')));
  EXPECT_EQ(IdForTarget("https://www.sep.gob.mx/inicio"), "www.sep.gob.mx");
  EXPECT_EQ(IdForTarget("/srv/portales/mi sitio/"), "mi-sitio");
}

TEST_F(EntitiesTest, Local_DirectoryWithoutIndexSeedsItsPages) {
  fs::create_directories(dir_ / "sin-indice" / "sub");
  std::ofstream(dir_ / "sin-indice" / "b.html") << "<title>b</title>";
  std::ofstream(dir_ / "sin-indice" / "sub" / "a.html") << "<title>a</title>";
  auto sp = ResolveStart("sin-indice", dir_);
  ASSERT_TRUE(sp.ok()) << sp.status().message();
  EXPECT_NE(sp->url.find("/sin-indice/b.html"), std::string::npos);
  ASSERT_EQ(sp->extra_seeds.size(), 1u);
  EXPECT_NE(sp->extra_seeds[0].find("/sin-indice/sub/a.html"), std::string::npos);
  EXPECT_EQ(sp->scope_root.back(), '/');
  fs::create_directories(dir_ / "vacio");
  EXPECT_FALSE(ResolveStart("vacio", dir_).ok());
}

}  // namespace
}  // namespace verifica::cli
