package cn.onedoor.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Our API takes small JSON bodies. A body declared larger than the limit is refused before it is
 * read (413 as a problem description); a body without a declared length is cut off at the limit
 * while it is read, and the API's error handler answers 413 for the {@link BodyTooLargeException}
 * it finds.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

  /** Thrown while reading a body that grows past the limit. */
  public static class BodyTooLargeException extends IOException {
    BodyTooLargeException(long limit) {
      super("请求体超过 " + limit / 1024 + " KB");
    }
  }

  private final long limit;
  private final String exceptUnder;

  public RequestBodyLimitFilter(long limit) {
    this(limit, null);
  }

  /**
   * A limit for every path but those under {@code exceptUnder}, which have a limit of their own.
   */
  public RequestBodyLimitFilter(long limit, String exceptUnder) {
    this.limit = limit;
    this.exceptUnder = exceptUnder;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return exceptUnder != null
        && request
            .getRequestURI()
            .substring(request.getContextPath().length())
            .startsWith(exceptUnder);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"请求体过大\",\"status\":413,\"detail\":\"请求体超过 "
                  + limit / 1024
                  + " KB\",\"instance\":\""
                  + request.getRequestURI().replace("\"", "")
                  + "\"}");
      return;
    }
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public ServletInputStream getInputStream() throws IOException {
            return new Limited(super.getInputStream(), limit);
          }
        },
        response);
  }

  private static final class Limited extends ServletInputStream {
    private final ServletInputStream in;
    private final long limit;
    private long read;

    Limited(ServletInputStream in, long limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0 && ++read > limit) {
        throw new BodyTooLargeException(limit);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0 && (read += n) > limit) {
        throw new BodyTooLargeException(limit);
      }
      return n;
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
