package com.mileotech.cyber.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine's REST answers, at /engine-rest and under the webapps (/camunda/api/...: Tasklist,
 * Cockpit and Admin call the same resources), made the caller's error where they are: Camunda
 * answers 500 to
 * <ul>
 *   <li>a password the policy refuses ("Password does not match policy", e.g. in Admin): 400;
 *   <li>a command that collided with a concurrent step of the same case, after its retries
 *       (OptimisticLockingException): 409 with a French message saying nothing was saved and to
 *       try again.
 * </ul>
 * Only an answer of 500 is held back and read; every other one streams through untouched.
 */
public class EngineErrorAnswers extends OncePerRequestFilter {

  static final String PASSWORD_POLICY = "Password does not match policy";
  static final String OPTIMISTIC_LOCKING = "OptimisticLockingException";
  static final String OPTIMISTIC_LOCKING_CODE = "ENGINE-03005";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HoldServerErrors held = new HoldServerErrors(response);
    chain.doFilter(request, held);
    held.finish();
  }

  /** The status and body an engine error of 500 should have had; null to keep it. */
  static byte[] corrected(byte[] body, HttpServletResponse response) {
    JsonNode error;
    try {
      error = JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
    if (error == null || !error.isObject()) {
      return null;
    }
    String type = error.path("type").asText();
    String message = error.path("message").asText();
    // the REST resources wrap it: "Cannot complete task <id>: ENGINE-03005 ... updated by another transaction"
    if (OPTIMISTIC_LOCKING.equals(type) || message.contains(OPTIMISTIC_LOCKING_CODE)) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      ((ObjectNode) error).put("message", ConflictAnswers.TRY_AGAIN);
      return write(error);
    }
    if (PASSWORD_POLICY.equals(message)) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return body;
    }
    return null;
  }

  private static byte[] write(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Streams every answer, except one of status 500, which it keeps until {@link #finish()}. */
  private static final class HoldServerErrors extends HttpServletResponseWrapper {

    private ByteArrayOutputStream held;
    private ServletOutputStream heldStream;
    private PrintWriter heldWriter;

    HoldServerErrors(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setStatus(int status) {
      super.setStatus(status);
      if (status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR && !isCommitted()) {
        held = new ByteArrayOutputStream();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (held == null) {
        return super.getOutputStream();
      }
      if (heldStream == null) {
        heldStream = new ServletOutputStream() {
          @Override
          public void write(int b) {
            held.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            held.write(b, off, len);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
          }
        };
      }
      return heldStream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (held == null) {
        return super.getWriter();
      }
      if (heldWriter == null) {
        heldWriter = new PrintWriter(new OutputStreamWriter(held, charset()));
      }
      return heldWriter;
    }

    @Override
    public void setContentLength(int length) {
      if (held == null) {
        super.setContentLength(length);
      }
    }

    @Override
    public void setContentLengthLong(long length) {
      if (held == null) {
        super.setContentLengthLong(length);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (held == null || !"Content-Length".equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (held == null || !"Content-Length".equalsIgnoreCase(name)) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (held == null) {
        super.flushBuffer();
      }
    }

    void finish() throws IOException {
      if (held == null) {
        return;
      }
      if (heldWriter != null) {
        heldWriter.flush();
      }
      byte[] body = held.toByteArray();
      held = null;
      byte[] corrected = corrected(body, (HttpServletResponse) getResponse());
      byte[] out = corrected != null ? corrected : body;
      HttpServletResponse response = (HttpServletResponse) getResponse();
      response.setContentLength(out.length);
      response.getOutputStream().write(out);
      response.flushBuffer();
    }

    private Charset charset() {
      String name = getCharacterEncoding();
      return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
    }
  }
}
