package io.github.flatchrlucca.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP written by hand on a socket, for what a well-behaved client never does: stop in the middle of a body,
 * trickle its headers, declare a body it does not send. A test reads the server's answer as sent, to its close.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** A connection to the connector, whose reads give up after 30 s should the server never answer. */
    static Socket connect(ConnectorProcess connector) throws IOException {
        URI base = URI.create(connector.baseUrl());
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(30_000);
        return socket;
    }

    /** Sends this text (UTF-8) at once. */
    static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Everything the server sends until it closes the connection. */
    static String answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        in.transferTo(answer);
        return answer.toString(StandardCharsets.ISO_8859_1);
    }
}
