// Avisos de privacidad in PDF: text extracted with poppler and judged like a page; a PDF without
// a text layer is "not machine-readable" (cantTell), never "absent".
#include "rules/decl/pdf_text.h"

#include <gtest/gtest.h>

#include "decl/decl_test_util.h"
#include "decl/pdf_writer.h"

namespace verifica::rules::decl {
namespace {

const std::vector<std::string> kAviso = {
    "AVISO DE PRIVACIDAD INTEGRAL",
    "La Secretaría de Movilidad, con domicilio en Av. Álvaro Obregón 269, Col. Roma Norte,",
    "C.P. 06700, es la responsable del tratamiento de los datos personales que nos proporcione.",
    "Datos personales que serán sometidos a tratamiento: nombre, CURP y teléfono. No se",
    "recabarán datos personales sensibles. Fundamento legal: artículos 20 y 21 de la ley local.",
    "Finalidades: tramitar su licencia. Podrá ejercer sus derechos de acceso, rectificación,",
    "cancelación u oposición ante la Unidad de Transparencia.",
};

bool PopplerAvailable() { return ExtractPdfText(testpdf::MakePdf({{"x"}})).parsed; }

TEST(PdfTextTest, Local_ExtractsTheTextLayer) {
  if (!PopplerAvailable()) GTEST_SKIP() << "built without poppler-cpp";
  PdfText t =
      ExtractPdfText(testpdf::MakePdf({kAviso, {"Página 2: cambios al aviso."}}, "Aviso integral"));
  ASSERT_TRUE(t.parsed) << t.error;
  EXPECT_TRUE(t.has_text_layer);
  EXPECT_EQ(t.pages, 2);
  EXPECT_EQ(t.title, "Aviso integral");
  EXPECT_NE(t.text.find("Secretaría de Movilidad"), std::string::npos) << t.text;
  EXPECT_NE(t.text.find("cambios al aviso"), std::string::npos) << t.text;
}

TEST(PdfTextTest, Local_ScannedPdfHasNoTextLayer) {
  if (!PopplerAvailable()) GTEST_SKIP() << "built without poppler-cpp";
  PdfText t = ExtractPdfText(testpdf::MakePdf({{}, {}}));
  EXPECT_TRUE(t.parsed) << t.error;
  EXPECT_FALSE(t.has_text_layer);
}

TEST(PdfTextTest, Local_DamagedAndForeignBytes) {
  PdfText t = ExtractPdfText("<html>no soy un PDF</html>");
  EXPECT_FALSE(t.parsed);
  EXPECT_NE(t.error.find("not a PDF"), std::string::npos);
  t = ExtractPdfText("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj garbage");
  EXPECT_FALSE(t.parsed && t.has_text_layer);
  PdfLimits small;
  small.max_input_bytes = 10;
  EXPECT_FALSE(ExtractPdfText(testpdf::MakePdf({{"x"}}), small).parsed);
}

// LGPDPPSO 2025 Art. 21 (elements of the full notice): the same element rules judge a PDF aviso.
TEST(PdfTextTest, Ley_ElementRulesReadPdfAvisos) {
  if (!PopplerAvailable()) GTEST_SKIP() << "built without poppler-cpp";
  PdfText t = ExtractPdfText(testpdf::MakePdf({kAviso}));
  PageView view = PageView::FromText("https://ejemplo.gob.mx/aviso.pdf", t.text, t.title,
                                     t.parsed && t.has_text_layer);
  EvalContext ctx;
  ctx.today = {2025, 6, 30};
  for (const char* id : {"pd-aviso-integral", "pd-e1-responsable", "pd-e2-datos",
                         "pd-e3-fundamento", "pd-e4-finalidades", "pd-e5-arco"}) {
    auto rule = decltest::SourceRule(id);
    ASSERT_NE(rule, nullptr);
    RuleObservations o = ObserveRule(*rule, view, ctx);
    EXPECT_EQ(decltest::Describe(Judge(*rule, {&o})), "passed: pass") << id;
  }
  auto e7 = decltest::SourceRule("pd-e7-transfer");
  RuleObservations o = ObserveRule(*e7, view, ctx);
  EXPECT_EQ(decltest::Describe(Judge(*e7, {&o})), "failed: missing");
}

TEST(PdfTextTest, Local_UnreadablePdfIsCantTellNeverAbsent) {
  if (!PopplerAvailable()) GTEST_SKIP() << "built without poppler-cpp";
  PdfText t = ExtractPdfText(testpdf::MakePdf({{}}));
  PageView view = PageView::FromText("https://ejemplo.gob.mx/aviso-escaneado.pdf", t.text, t.title,
                                     t.parsed && t.has_text_layer);
  EvalContext ctx;
  ctx.today = {2025, 6, 30};
  for (const char* id :
       {"pd-aviso-integral", "pd-e1-responsable", "pd-e9-cambios", "pd-cdmx-sistema"}) {
    auto rule = decltest::SourceRule(id);
    RuleObservations o = ObserveRule(*rule, view, ctx);
    Judgement j = Judge(*rule, {&o});
    EXPECT_EQ(decltest::Describe(j), "cantTell: not-machine-readable") << id;
    ASSERT_FALSE(j.findings.empty());
    EXPECT_NE(RenderFinding(*rule, j.findings[0]).message.es.find("no es legible por máquina"),
              std::string::npos);
  }
}

}  // namespace
}  // namespace verifica::rules::decl
