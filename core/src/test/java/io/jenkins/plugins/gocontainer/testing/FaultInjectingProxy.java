package io.jenkins.plugins.gocontainer.testing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 reverse proxy in front of a registry that injects faults on demand: error
 * statuses (500, 503, 429 with {@code Retry-After}), dropped connections and delays, for the next
 * N matching requests or for all of them, optionally only for one method and path substring
 * (e.g. {@code PUT} on {@code /manifests/}).
 *
 * <p>Each client request is read whole (head, then a {@code Content-Length} or chunked body, relayed
 * verbatim), sent to the target on a fresh connection with {@code Host: target} and
 * {@code Connection: close}, and the response relayed back with its own framing, so client
 * connections stay alive across requests. {@code Location} headers that point at the target are
 * rewritten to point at the proxy, so absolute upload URLs keep going through it. HTTP/2 upgrade
 * headers and {@code Expect: 100-continue} are handled at the proxy (the client gets
 * {@code 100 Continue} from the proxy). Bodies are buffered in memory: meant for test-sized blobs.
 */
public final class FaultInjectingProxy implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "upgrade",
        "http2-settings", "te", "expect", "host");

    /** What to do instead of (or before) forwarding a request. */
    public static final class Fault {
        enum Kind { STATUS, DROP, DELAY }

        private final Kind kind;
        private final int status;
        private final Map<String, String> headers;
        private final String body;
        private final Duration delay;

        private Fault(Kind kind, int status, Map<String, String> headers, String body, Duration delay) {
            this.kind = kind;
            this.status = status;
            this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            this.body = body;
            this.delay = delay;
        }

        /** Answer with this status and a registry-style JSON error body, without forwarding. */
        public static Fault status(int status) {
            if (status < 200 || status > 599) {
                throw new IllegalArgumentException("not a final HTTP status: " + status);
            }
            return new Fault(Kind.STATUS, status, Map.of(), errorBody(status), Duration.ZERO);
        }

        /** 429 Too Many Requests with {@code Retry-After: seconds}. */
        public static Fault tooManyRequests(int retryAfterSeconds) {
            return status(429).withHeader("Retry-After", Integer.toString(retryAfterSeconds));
        }

        /** 503 Service Unavailable with {@code Retry-After: seconds}. */
        public static Fault serviceUnavailable(int retryAfterSeconds) {
            return status(503).withHeader("Retry-After", Integer.toString(retryAfterSeconds));
        }

        /** Read the request, then close the client connection without answering. */
        public static Fault dropConnection() {
            return new Fault(Kind.DROP, 0, Map.of(), "", Duration.ZERO);
        }

        /** Wait, then forward the request normally (for client timeouts). */
        public static Fault delay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative delay " + delay);
            }
            return new Fault(Kind.DELAY, 0, Map.of(), "", delay);
        }

        /** This status fault with one more response header. */
        public Fault withHeader(String name, String value) {
            if (kind != Kind.STATUS) {
                throw new IllegalStateException("only status faults have headers");
            }
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Fault(kind, status, more, body, delay);
        }

        /** This status fault with another body (sent as {@code application/json}). */
        public Fault withBody(String json) {
            if (kind != Kind.STATUS) {
                throw new IllegalStateException("only status faults have a body");
            }
            return new Fault(kind, status, headers, json, delay);
        }

        public int statusCode() {
            return status;
        }

        @Override
        public String toString() {
            return switch (kind) {
                case STATUS -> "status " + status + (headers.isEmpty() ? "" : " " + headers);
                case DROP -> "drop connection";
                case DELAY -> "delay " + delay.toMillis() + " ms";
            };
        }

        private static String errorBody(int status) {
            String code = switch (status) {
                case 401 -> "UNAUTHORIZED";
                case 403 -> "DENIED";
                case 404 -> "NAME_UNKNOWN";
                case 429 -> "TOOMANYREQUESTS";
                case 503 -> "UNAVAILABLE";
                default -> "UNKNOWN";
            };
            return "{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"fault injected by the test proxy (status " + status + ")\"}]}";
        }
    }

    /**
     * One request the proxy handled.
     *
     * @param fault  the fault applied, if any
     * @param status the status sent to the client (a fault's, or the target's as relayed); -1 when the connection
     *               was dropped, or when the target failed before answering (the client connection is then closed)
     */
    public record Exchange(String method, String target, Optional<String> fault, int status) {
    }

    private static final class Rule {
        final String method;
        final String pathContains;
        final Fault fault;
        int remaining; // -1: forever

        Rule(String method, String pathContains, Fault fault, int remaining) {
            this.method = method;
            this.pathContains = pathContains;
            this.fault = fault;
            this.remaining = remaining;
        }

        boolean matches(String requestMethod, String target) {
            return (method == null || method.equalsIgnoreCase(requestMethod)) && (pathContains == null || target.contains(pathContains));
        }
    }

    private record Head(String startLine, List<String[]> headers) {
        Optional<String> header(String name) {
            return headers.stream().filter(header -> header[0].equalsIgnoreCase(name)).map(header -> header[1]).findFirst();
        }

        boolean hasToken(String name, String token) {
            return headers.stream().filter(header -> header[0].equalsIgnoreCase(name))
                .flatMap(header -> List.of(header[1].split(",")).stream())
                .anyMatch(value -> value.strip().equalsIgnoreCase(token));
        }
    }

    private final String target;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final List<Rule> rules = new ArrayList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger seen = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private volatile boolean closed;

    private FaultInjectingProxy(String target, ServerSocket server) {
        this.target = target;
        this.server = server;
        AtomicInteger counter = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fault-proxy-" + server.getLocalPort() + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @param targetHostPort the registry to forward to, {@code host:port} (plain HTTP) */
    public static FaultInjectingProxy start(String targetHostPort) throws IOException {
        URI parsed = URI.create("http://" + targetHostPort);
        if (parsed.getHost() == null || parsed.getPort() < 0) {
            throw new IllegalArgumentException("target must be host:port, not " + targetHostPort);
        }
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        FaultInjectingProxy proxy = new FaultInjectingProxy(targetHostPort, server);
        proxy.threads.execute(proxy::acceptLoop);
        return proxy;
    }

    public static FaultInjectingProxy start(LocalRegistry registry) throws IOException {
        return start(registry.hostPort());
    }

    /** host:port of the proxy, to use in place of the target's. */
    public String hostPort() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    public String url() {
        return "http://" + hostPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    public String target() {
        return target;
    }

    /** The next {@code times} requests get {@code fault}. */
    public FaultInjectingProxy failNext(int times, Fault fault) {
        return failNext(times, null, null, fault);
    }

    /**
     * The next {@code times} requests with this method (null: any) whose request target (path and
     * query) contains {@code pathContains} (null: any) get {@code fault}. Rules are tried in the
     * order they were added; the first that matches and is not used up applies.
     */
    public FaultInjectingProxy failNext(int times, String method, String pathContains, Fault fault) {
        if (times <= 0) {
            throw new IllegalArgumentException("times must be positive: " + times);
        }
        addRule(new Rule(method, pathContains, Objects.requireNonNull(fault, "fault"), times));
        return this;
    }

    /** Every request gets {@code fault}, until {@link #clearFaults()}. */
    public FaultInjectingProxy failAlways(Fault fault) {
        return failAlways(null, null, fault);
    }

    /** Every matching request gets {@code fault}, until {@link #clearFaults()}. */
    public FaultInjectingProxy failAlways(String method, String pathContains, Fault fault) {
        addRule(new Rule(method, pathContains, Objects.requireNonNull(fault, "fault"), -1));
        return this;
    }

    /** Removes all pending faults; requests are forwarded again. Counters are kept. */
    public synchronized void clearFaults() {
        rules.clear();
    }

    /** Client connections accepted (kept-alive connections carry several requests). */
    public int connectionsAccepted() {
        return connections.get();
    }

    /** Requests received from clients (forwarded or not). */
    public int requestsSeen() {
        return seen.get();
    }

    /** Requests sent on to the target (including delayed ones). */
    public int requestsForwarded() {
        return forwarded.get();
    }

    /** Requests that got a fault (status, drop or delay). */
    public int faultsInjected() {
        return injected.get();
    }

    /** Everything the proxy handled, oldest first. */
    public List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    private synchronized void addRule(Rule rule) {
        rules.add(rule);
    }

    private synchronized Optional<Fault> takeFault(String method, String requestTarget) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule rule = it.next();
            if (rule.matches(method, requestTarget)) {
                if (rule.remaining > 0 && --rule.remaining == 0) {
                    it.remove();
                }
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    // ---- connection handling ----

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            sockets.add(client);
            connections.incrementAndGet();
            try {
                threads.execute(() -> serve(client));
            } catch (RuntimeException rejected) {
                closeQuietly(client);
            }
        }
    }

    /** The first byte of a TLS ClientHello record. */
    private static final int TLS_HANDSHAKE = 0x16;

    private void serve(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            in.mark(1);
            if (in.read() == TLS_HANDSHAKE) {
                // Like a plain-HTTP registry: clients that try TLS first (BuildKit) see an HTTP answer and fall back.
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            in.reset();
            boolean keepAlive = true;
            while (keepAlive && !closed) {
                keepAlive = exchange(client, in, out);
            }
        } catch (IOException e) {
            // client went away, or the proxy is closing
        } finally {
            sockets.remove(client);
        }
    }

    /** Handles one request on the client connection; returns whether the connection stays open. */
    private boolean exchange(Socket client, InputStream in, OutputStream out) throws IOException {
        Head request = readHead(in);
        if (request == null) {
            return false;
        }
        String[] requestLine = request.startLine().split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            writeSimple(out, 400, "text/plain", "bad request line\n", false, false);
            return false;
        }
        String method = requestLine[0];
        String requestTarget = requestLine[1];
        boolean clientKeepAlive = "HTTP/1.1".equals(requestLine[2])
            ? !request.hasToken("Connection", "close")
            : request.hasToken("Connection", "keep-alive");
        seen.incrementAndGet();
        Optional<Fault> fault = takeFault(method, requestTarget);
        fault.ifPresent(applied -> injected.incrementAndGet());
        Optional<String> faultName = fault.map(Fault::toString);

        if (request.hasToken("Expect", "100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body = readBody(in, request);

        if (fault.isPresent() && fault.get().kind == Fault.Kind.DROP) {
            exchanges.add(new Exchange(method, requestTarget, faultName, -1));
            client.close();
            return false;
        }
        if (fault.isPresent() && fault.get().kind == Fault.Kind.STATUS) {
            Fault status = fault.get();
            exchanges.add(new Exchange(method, requestTarget, faultName, status.status)); // before the client can see the answer
            writeFault(out, status, "HEAD".equals(method), clientKeepAlive);
            return clientKeepAlive;
        }
        if (fault.isPresent() && fault.get().kind == Fault.Kind.DELAY) {
            try {
                Thread.sleep(fault.get().delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return forward(method, requestTarget, request, body, out, clientKeepAlive, faultName);
    }

    private boolean forward(String method, String requestTarget, Head request, byte[] body, OutputStream out,
                            boolean clientKeepAlive, Optional<String> faultName) throws IOException {
        URI targetUri = URI.create("http://" + target);
        Socket upstream = new Socket();
        sockets.add(upstream);
        boolean recorded = false;
        try (upstream) {
            try {
                upstream.connect(new InetSocketAddress(targetUri.getHost(), targetUri.getPort()), 5_000);
            } catch (IOException e) {
                exchanges.add(new Exchange(method, requestTarget, faultName, 502));
                writeSimple(out, 502, "text/plain", "proxy cannot reach " + target + ": " + e + "\n", "HEAD".equals(method), clientKeepAlive);
                return clientKeepAlive;
            }
            upstream.setTcpNoDelay(true);
            upstream.setSoTimeout(120_000);
            forwarded.incrementAndGet();
            OutputStream toTarget = new BufferedOutputStream(upstream.getOutputStream());
            StringBuilder head = new StringBuilder(method).append(' ').append(requestTarget).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(target).append("\r\n");
            List<String> connectionTokens = tokens(request, "Connection");
            for (String[] header : request.headers()) {
                String lower = header[0].toLowerCase(Locale.ROOT);
                if (!HOP_BY_HOP.contains(lower) && !connectionTokens.contains(lower)) {
                    head.append(header[0]).append(": ").append(header[1]).append("\r\n");
                }
            }
            head.append("Connection: close\r\n\r\n");
            toTarget.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            toTarget.write(body);
            toTarget.flush();

            InputStream fromTarget = new BufferedInputStream(upstream.getInputStream());
            Head response = readHead(fromTarget);
            while (response != null && isInterim(response) && !response.startLine().contains(" 101 ")) {
                response = readHead(fromTarget); // 100 Continue and friends: the proxy already answered Expect itself
            }
            if (response == null) {
                throw new EOFException("target " + target + " closed the connection without answering " + method + " " + requestTarget);
            }
            int status = statusOf(response);
            // Recorded before anything reaches the client, so a client that has its answer sees the record.
            exchanges.add(new Exchange(method, requestTarget, faultName, status));
            recorded = true;
            boolean noBody = "HEAD".equals(method) || status == 204 || status == 304 || (status >= 100 && status < 200);
            boolean chunked = !noBody && response.hasToken("Transfer-Encoding", "chunked");
            Optional<Long> length = noBody || chunked ? Optional.empty() : response.header("Content-Length").map(value -> Long.parseLong(value.strip()));
            boolean untilEof = !noBody && !chunked && length.isEmpty();
            boolean keepAlive = clientKeepAlive && !untilEof;

            StringBuilder relayed = new StringBuilder(response.startLine()).append("\r\n");
            List<String> responseConnectionTokens = tokens(response, "Connection");
            for (String[] header : response.headers()) {
                String lower = header[0].toLowerCase(Locale.ROOT);
                if (lower.equals("connection") || lower.equals("keep-alive") || lower.equals("proxy-connection")
                    || responseConnectionTokens.contains(lower)) {
                    continue;
                }
                String value = lower.equals("location") ? rewriteLocation(header[1]) : header[1];
                relayed.append(header[0]).append(": ").append(value).append("\r\n");
            }
            if (!keepAlive) {
                relayed.append("Connection: close\r\n");
            }
            relayed.append("\r\n");
            out.write(relayed.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (chunked) {
                copyChunked(fromTarget, out);
            } else if (length.isPresent()) {
                copyExactly(fromTarget, out, length.get());
            } else if (untilEof) {
                fromTarget.transferTo(out);
            }
            out.flush();
            return keepAlive;
        } catch (IOException e) {
            if (!recorded) {
                exchanges.add(new Exchange(method, requestTarget, faultName, -1));
            }
            throw e;
        } finally {
            sockets.remove(upstream);
        }
    }

    private String rewriteLocation(String location) {
        try {
            URI uri = new URI(location);
            if (uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(target)) {
                int afterAuthority = location.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length();
                return uri.getScheme() + "://" + hostPort() + location.substring(afterAuthority);
            }
        } catch (URISyntaxException notAUri) {
            // leave it alone
        }
        return location;
    }

    private static boolean isInterim(Head response) {
        int status = statusOf(response);
        return status >= 100 && status < 200;
    }

    private static int statusOf(Head response) {
        String[] parts = response.startLine().split(" ", 3);
        if (parts.length < 2) {
            throw new IllegalStateException("bad status line from target: " + response.startLine());
        }
        return Integer.parseInt(parts[1]);
    }

    private static List<String> tokens(Head head, String name) {
        List<String> tokens = new ArrayList<>();
        for (String[] header : head.headers()) {
            if (header[0].equalsIgnoreCase(name)) {
                for (String token : header[1].split(",")) {
                    tokens.add(token.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }

    private static void writeFault(OutputStream out, Fault fault, boolean head, boolean keepAlive) throws IOException {
        byte[] body = fault.body.getBytes(StandardCharsets.UTF_8);
        StringBuilder response = new StringBuilder("HTTP/1.1 ").append(fault.status).append(' ').append(reason(fault.status)).append("\r\n");
        response.append("Content-Type: application/json; charset=utf-8\r\n");
        response.append("Docker-Distribution-Api-Version: registry/2.0\r\n");
        fault.headers.forEach((name, value) -> response.append(name).append(": ").append(value).append("\r\n"));
        response.append("Content-Length: ").append(body.length).append("\r\n");
        if (!keepAlive) {
            response.append("Connection: close\r\n");
        }
        response.append("\r\n");
        out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(body);
        }
        out.flush();
    }

    private static void writeSimple(OutputStream out, int status, String contentType, String text, boolean head, boolean keepAlive) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String response = "HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType
            + "\r\nContent-Length: " + body.length + "\r\n" + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
        out.write(response.getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(body);
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Fault";
        };
    }

    // ---- HTTP/1.1 framing ----

    /** Reads a start line and headers; null on a clean EOF before the first byte. */
    private static Head readHead(InputStream in) throws IOException {
        String startLine = readLine(in, true);
        if (startLine == null) {
            return null;
        }
        while (startLine.isEmpty()) { // tolerate stray CRLF between messages (RFC 9112 2.2)
            startLine = readLine(in, true);
            if (startLine == null) {
                return null;
            }
        }
        List<String[]> headers = new ArrayList<>();
        int total = startLine.length();
        while (true) {
            String line = readLine(in, false);
            if (line.isEmpty()) {
                return new Head(startLine, headers);
            }
            total += line.length();
            if (total > MAX_HEAD_BYTES) {
                throw new IOException("HTTP head larger than " + MAX_HEAD_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: " + line);
            }
            headers.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
        }
    }

    /** A line without its CRLF (or LF). Null on EOF at the start if allowed, else EOFException. */
    private static String readLine(InputStream in, boolean eofAllowed) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (eofAllowed && line.size() == 0) {
                    return null;
                }
                throw new EOFException("connection closed in the middle of an HTTP line");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            if (line.size() > MAX_HEAD_BYTES) {
                throw new IOException("HTTP line longer than " + MAX_HEAD_BYTES + " bytes");
            }
            line.write(b);
        }
    }

    /** The request body as it was framed on the wire (chunked bodies stay chunked, trailers included). */
    private static byte[] readBody(InputStream in, Head request) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (request.hasToken("Transfer-Encoding", "chunked")) {
            copyChunked(in, body);
        } else {
            Optional<String> length = request.header("Content-Length");
            if (length.isPresent()) {
                copyExactly(in, body, Long.parseLong(length.get().strip()));
            }
        }
        return body.toByteArray();
    }

    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in, false);
            out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in, false);
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } while (!trailer.isEmpty());
                return;
            }
            copyExactly(in, out, size);
            String end = readLine(in, false);
            if (!end.isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("connection closed with " + left + " of " + length + " body bytes missing");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : List.copyOf(sockets)) {
            closeQuietly(socket);
        }
        threads.shutdownNow();
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("fault proxy threads did not stop within 10 s");
        }
    }
}
