package io.github.flatchrlucca.operations;

import io.github.flatchrlucca.http.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Message;

/**
 * Serves the operators' status page: four static files from {@code admin/} in the jar. The page holds no
 * data, so it needs no token; the data comes from the admin API, which does. Only the files listed here
 * are served, so no request can read anything else from the classpath. Without any admin token there is no
 * admin API, and no page either: both answer 404.
 */
public final class StatusPage {

    // Scripts and styles from this server only, never inline: a candidate's name that slipped into the
    // page as markup could still run nothing. No framing, so the buttons cannot be clicked through a decoy.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private final AdminTokenCheck admin;
    private final byte[] index = read("index.html");
    private final Map<String, Asset> assets = Map.of(
            "status-page.css", new Asset("text/css; charset=utf-8", read("status-page.css")),
            "status-page.js", new Asset("text/javascript; charset=utf-8", read("status-page.js")),
            "favicon.svg", new Asset("image/svg+xml", read("favicon.svg")));

    private record Asset(String contentType, byte[] body) {
    }

    public StatusPage(AdminTokenCheck admin) {
        this.admin = admin;
    }

    public void page(Exchange exchange) {
        requireAdminApi();
        respond(exchange, "text/html; charset=utf-8", index);
    }

    /** {@code /admin} without its slash would resolve the page's relative links one level too high. */
    public void withSlash(Exchange exchange) {
        requireAdminApi();
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 308);
        // Relative, so it stays right behind a reverse proxy that serves the connector under a prefix.
        message.setHeader("Location", "admin/");
        message.setBody("");
    }

    public void asset(@Header("file") String file, Exchange exchange) {
        requireAdminApi();
        Asset asset = file == null ? null : assets.get(file);
        if (asset == null) {
            throw Problem.notFound("No such file.");
        }
        respond(exchange, asset.contentType(), asset.body());
    }

    private void requireAdminApi() {
        if (!admin.enabled()) {
            throw Problem.notFound("The admin API and its status page are off: set ADMIN_TOKEN to turn them on.");
        }
    }

    private static void respond(Exchange exchange, String contentType, byte[] body) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
        message.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Referrer-Policy", "no-referrer");
        message.setBody(body);
    }

    private static byte[] read(String name) {
        try (InputStream in = StatusPage.class.getResourceAsStream("/admin/" + name)) {
            if (in == null) {
                throw new IllegalStateException("admin/" + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
