package cn.court.enforcement.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body a filter has read the start of (a login form, a new password) and which
 * replays it, so that Jersey still reads the whole entity: its {@code @FormParam} and JSON
 * parameters keep working. Bodies longer than {@link #LIMIT} are replayed too; only their start
 * is visible to the filter.
 */
final class ReadAheadRequest extends HttpServletRequestWrapper {

  static final int LIMIT = 16 * 1024;

  private final byte[] head;
  private final ServletInputStream body;

  ReadAheadRequest(HttpServletRequest request) throws IOException {
    super(request);
    ServletInputStream original = request.getInputStream();
    head = original.readNBytes(LIMIT);
    InputStream replay = new SequenceInputStream(new ByteArrayInputStream(head), original);
    body = new ServletInputStream() {
      private boolean finished;

      @Override
      public int read() throws IOException {
        return ended(replay.read());
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        return ended(replay.read(buffer, offset, length));
      }

      private int ended(int result) {
        finished |= result == -1;
        return result;
      }

      @Override
      public boolean isFinished() {
        return finished;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("blocking reads only");
      }
    };
  }

  byte[] head() {
    return head;
  }

  /** A field of a URL-encoded form body, or null. */
  String formField(String name) {
    for (String pair : new String(head, StandardCharsets.ISO_8859_1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && decode(pair.substring(0, eq)).equals(name)) {
        return decode(pair.substring(eq + 1));
      }
    }
    return null;
  }

  private static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return encoded;
    }
  }

  @Override
  public ServletInputStream getInputStream() {
    return body;
  }

  @Override
  public BufferedReader getReader() {
    String charset = getCharacterEncoding();
    return new BufferedReader(new InputStreamReader(body,
        charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
  }
}
