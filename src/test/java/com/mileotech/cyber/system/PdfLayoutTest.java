package com.mileotech.cyber.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The fonts are parsed once and lent: documents made one after the other, or at once, all read back. */
class PdfLayoutTest {

  @Test
  void documentsMadeAfterAndBesideEachOtherKeepTheirText() throws IOException {
    byte[] first = document("Première pièce — été");
    byte[] again = document("Deuxième pièce — œuvre");
    byte[] outer;
    byte[] inner;
    // two documents open at the same moment never share a parsed font
    try (PdfLayout a = new PdfLayout(); PdfLayout b = new PdfLayout()) {
      assertThat(a.regular).isNotSameAs(b.regular);
      a.title("Document A : échéance", 14);
      b.title("Document B : coût", 14);
      b.text("Ligne de B, accentuée");
      inner = b.finish("pied B");
      a.text("Ligne de A, accentuée");
      outer = a.finish("pied A");
    }
    assertThat(text(first)).contains("Première pièce — été");
    assertThat(text(again)).contains("Deuxième pièce — œuvre");
    assertThat(text(outer)).contains("Document A : échéance", "Ligne de A, accentuée").doesNotContain("Document B");
    assertThat(text(inner)).contains("Document B : coût", "Ligne de B, accentuée").doesNotContain("Document A");
  }

  private static byte[] document(String line) {
    try (PdfLayout layout = new PdfLayout()) {
      layout.title(line, 14);
      layout.text(line);
      return layout.finish("pied");
    }
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
