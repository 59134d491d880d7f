package io.jenkins.plugins.gocontainer.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The header block a CGI program prints before its body (RFC 3875, section 6): header lines up to
 * an empty line, where {@code Status: 404 Not Found} sets the HTTP status (200 when absent).
 * Lines may end in CRLF or LF.
 */
record CgiResponseHead(int status, List<Map.Entry<String, String>> headers) {

    private static final int MAX_LINE = 8192;

    /** Reads the head, leaving {@code in} at the first byte of the body. */
    static CgiResponseHead read(InputStream in) throws IOException {
        int status = 200;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed CGI header line: " + line);
            }
            String name = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("Status")) {
                status = Integer.parseInt(value.split(" ", 2)[0]);
            } else {
                headers.add(Map.entry(name, value));
            }
        }
        return new CgiResponseHead(status, List.copyOf(headers));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the CGI program ended before the end of its headers: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (line.size() > MAX_LINE) {
                throw new IOException("CGI header line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
