package fr.saisine.intake.complaint.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies over {@code saisine.intake.max-request-size} with a 413 problem: at once
 * when the declared length says so, and while reading when a chunked body grows past it.
 */
@Component
public class RequestSizeLimit extends OncePerRequestFilter {

    private static final String LIMIT_ATTRIBUTE = RequestSizeLimit.class.getName() + ".limit";

    private final DataSize limit;

    RequestSizeLimit(@Value("${saisine.intake.max-request-size}") DataSize limit) {
        this.limit = limit;
    }

    /**
     * Not multipart bodies: they carry files, with limits of their own (saisine.intake.attachments,
     * the whole request held to max-request-size by the container).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/")
                || (request.getContentType() != null && request.getContentType().toLowerCase().startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(LIMIT_ATTRIBUTE, limit);
        if (request.getContentLengthLong() > limit.toBytes()) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("""
                    {"type":"/problems/content-too-large","title":"The request body is too large","status":413,\
                    "detail":"a complaint is at most %s of JSON","instance":"%s"}"""
                    .formatted(readable(limit), request.getRequestURI()));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit.toBytes()), response);
    }

    /** Whether a body could not be read because it grew past the limit (a chunked body). */
    public static boolean exceeded(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof TooLargeException) {
                return true;
            }
        }
        return false;
    }

    static String describe(WebRequest request) {
        return readable((DataSize) request.getAttribute(LIMIT_ATTRIBUTE, WebRequest.SCOPE_REQUEST));
    }

    /** 16KB rather than 16384B: as the limit is configured. */
    static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes % (1024 * 1024) == 0) {
            return size.toMegabytes() + "MB";
        }
        return bytes % 1024 == 0 ? size.toKilobytes() + "KB" : bytes + "B";
    }

    static class TooLargeException extends IOException {

        TooLargeException() {
            super("request body over the size limit");
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long max;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            return new LimitedStream(super.getInputStream(), max);
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long max;
        private long read;

        LimitedStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws TooLargeException {
            read += n;
            if (read > max) {
                throw new TooLargeException();
            }
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
