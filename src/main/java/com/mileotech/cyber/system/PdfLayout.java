package com.mileotech.cyber.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A small flowing layout over PDFBox: paragraphs and table rows that wrap and break across A4
 * pages, in DejaVu Sans (embedded, so accents and symbols render on every reader), with a
 * footer numbering the pages. Shared: the checklist documents and the dashboard's audit report.
 */
@Published
public final class PdfLayout implements AutoCloseable {

  public static final float MARGIN = 48;
  public static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final float BOTTOM = MARGIN + 24;

  /**
   * The two DejaVu faces parsed once and lent to one document at a time: parsing the 1.4 MB of
   * TrueType for every document was a fifth of the incident file's rendering (docs/bench.md,
   * "Lifecycle: where the CPU goes"). A parsed font reads its tables lazily from one buffer, so it
   * is never shared by two documents at once; PDFBox does not close a font it did not load itself,
   * and subsetting only reads it. At most {@link #POOLED} pairs are kept (one per job thread that
   * rendered at the same moment); a pair beyond that is parsed for its document and dropped.
   */
  private record Faces(TrueTypeFont regular, TrueTypeFont bold) {}

  private static final int POOLED = 4;
  private static final Deque<Faces> FACES = new ConcurrentLinkedDeque<>();
  private static volatile byte[] regularFile;
  private static volatile byte[] boldFile;

  private final PDDocument document = new PDDocument();
  private final Faces faces;
  private boolean closed;
  public final PDFont regular;
  public final PDFont bold;
  private PDPageContentStream stream;
  private float y;

  public PdfLayout() {
    try {
      Faces lent = FACES.pollFirst();
      faces = lent != null ? lent : parseFaces();
      regular = PDType0Font.load(document, faces.regular(), true);
      bold = PDType0Font.load(document, faces.bold(), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    newPage();
  }

  private static Faces parseFaces() throws IOException {
    if (regularFile == null || boldFile == null) {
      regularFile = file("/fonts/DejaVuSans.ttf");
      boldFile = file("/fonts/DejaVuSans-Bold.ttf");
    }
    return new Faces(new TTFParser().parse(new RandomAccessReadBuffer(regularFile)),
        new TTFParser().parse(new RandomAccessReadBuffer(boldFile)));
  }

  private static byte[] file(String path) throws IOException {
    try (InputStream in = PdfLayout.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("Font " + path + " missing from the classpath");
      }
      return in.readAllBytes();
    }
  }

  public void title(String text, float size) {
    paragraph(text, bold, size, 0, 4);
  }

  public void heading(String text) {
    space(8);
    ensure(40);
    paragraph(text, bold, 12, 0, 4);
  }

  public void paragraph(String text, PDFont font, float size, float indent, float after) {
    for (String line : wrap(text, font, size, WIDTH - indent)) {
      ensure(size + 3);
      write(line, font, size, MARGIN + indent, y - size);
      y -= size + 3;
    }
    y -= after;
  }

  /** Starts a new page unless {@code points} fit on this one: a sub-heading kept with what follows it. */
  public void keepTogether(float points) {
    ensure(points);
  }

  public void text(String text) {
    paragraph(text, regular, 9, 0, 2);
  }

  public void space(float points) {
    y -= points;
  }

  /** A table row: each cell wraps in its column; a row never splits across pages. */
  public void row(float[] widths, String[] cells, boolean header, float size) {
    PDFont font = header ? bold : regular;
    List<List<String>> lines = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < cells.length; i++) {
      List<String> wrapped = wrap(cells[i] == null ? "" : cells[i], font, size, widths[i] - 6);
      lines.add(wrapped);
      height = Math.max(height, wrapped.size());
    }
    float rowHeight = height * (size + 2.5f) + 5;
    ensure(rowHeight);
    float x = MARGIN;
    try {
      stream.setLineWidth(0.4f);
      if (header) {
        stream.setNonStrokingColor(0.9f, 0.92f, 0.95f);
        stream.addRect(MARGIN, y - rowHeight, sum(widths), rowHeight);
        stream.fill();
        stream.setNonStrokingColor(0f, 0f, 0f);
      }
      for (int i = 0; i < cells.length; i++) {
        stream.addRect(x, y - rowHeight, widths[i], rowHeight);
        stream.stroke();
        float lineY = y - 2 - size;
        for (String line : lines.get(i)) {
          write(line, font, size, x + 3, lineY);
          lineY -= size + 2.5f;
        }
        x += widths[i];
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    y -= rowHeight;
  }

  public byte[] finish(String footer) {
    return finish(null, footer, "page");
  }

  /**
   * Ends the document with {@code header} at the top of every page (null: none) and {@code footer}
   * followed by « — Page 1 / 5 » at the bottom: a document handed to a client.
   */
  public byte[] finishWithHeader(String header, String footer) {
    return finish(header, footer, "Page");
  }

  private byte[] finish(String header, String footer, String pageWord) {
    try {
      stream.close();
      int total = document.getNumberOfPages();
      for (int i = 0; i < total; i++) {
        PDPage page = document.getPage(i);
        try (PDPageContentStream s = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
          if (header != null) {
            s.beginText();
            s.setFont(bold, 8f);
            s.newLineAtOffset(MARGIN, PDRectangle.A4.getHeight() - MARGIN + 18);
            s.showText(printable(clean(header)));
            s.endText();
            s.setLineWidth(0.5f);
            s.moveTo(MARGIN, PDRectangle.A4.getHeight() - MARGIN + 12);
            s.lineTo(MARGIN + WIDTH, PDRectangle.A4.getHeight() - MARGIN + 12);
            s.stroke();
          }
          s.beginText();
          s.setFont(regular, 7.5f);
          s.newLineAtOffset(MARGIN, MARGIN - 8);
          s.showText(printable(clean(footer + " — " + pageWord + " " + (i + 1) + " / " + total)));
          s.endText();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      // lent back once, after the document no longer reads it
      if (!closed && FACES.size() < POOLED) {
        FACES.offerFirst(faces);
      }
      closed = true;
    }
  }

  private void ensure(float height) {
    if (y - height < BOTTOM) {
      newPage();
    }
  }

  private void newPage() {
    try {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String line, PDFont font, float size, float x, float baseline) {
    try {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, baseline);
      stream.showText(line);
      stream.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines of at most {@code width} points: by words, breaking a word longer than a line. */
  List<String> wrap(String text, PDFont font, float size, float width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : printable(clean(text)).split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (width(candidate, font, size) <= width) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        while (width(word, font, size) > width) {
          int cut = word.length() - 1;
          while (cut > 1 && width(word.substring(0, cut), font, size) > width) {
            cut--;
          }
          lines.add(word.substring(0, cut));
          word = word.substring(cut);
        }
        line.append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }

  private final java.util.Map<Integer, Boolean> printable = new java.util.HashMap<>();

  /** Characters DejaVu Sans has no glyph for (an emoji in a comment...) become '?' rather than an error. */
  private String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      boolean ok = c == '\n' || printable.computeIfAbsent(c, cp -> {
        try {
          regular.encode(new String(Character.toChars(cp)));
          bold.encode(new String(Character.toChars(cp)));
          return true;
        } catch (IllegalArgumentException | IOException e) {
          return false;
        }
      });
      if (ok) {
        out.appendCodePoint(c);
      } else {
        out.append('?');
      }
    });
    return out.toString();
  }

  private static float width(String text, PDFont font, float size) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Tabs and control characters have no glyph: spaces instead; line breaks kept. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.replace("\r\n", "\n").codePoints().forEach(c -> {
      if (c == '\n') {
        out.append('\n');
      } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
        out.append(' ');
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  private static float sum(float[] widths) {
    float total = 0;
    for (float w : widths) {
      total += w;
    }
    return total;
  }
}
