package org.olelo.container.internal.http;

import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import io.undertow.util.HttpString;

/**
 * The web console: a page, a style sheet and a script served from the jar's {@code console/}
 * folder. The page reads everything it shows from {@code POST /rpc} in the browser, which the
 * management access rules guard; these files hold no data and are the same for everyone, so they
 * are served without a token (a browser cannot send one with a page request: the page asks for it
 * and sends it with its calls). Without a token the listener is on a loopback address anyway. The
 * pages may load nothing but their own files ({@code Content-Security-Policy}) and cannot be
 * framed.
 */
public final class ConsolePages {

    /** Where the console's files are, in the container's class path. */
    static final String FOLDER = "console";

    private static final HttpString CSP = new HttpString("Content-Security-Policy");
    private static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");

    private ConsolePages() {
    }

    /**
     * Mounts {@code /console/}: the files, {@code index.html} for the folder itself; a request for
     * {@code /console} is redirected there so that the page's relative links work.
     */
    public static void mount(HttpRoutes routes) {
        ResourceHandler files = new ResourceHandler(new ClassPathResourceManager(ConsolePages.class.getClassLoader(), FOLDER))
                .setWelcomeFiles("index.html")
                .setDirectoryListingEnabled(false)
                .setCacheTime(0);
        routes.open("/console/", exchange -> {
            exchange.getResponseHeaders().put(CSP, "default-src 'self'; frame-ancestors 'none'");
            exchange.getResponseHeaders().put(NOSNIFF, "nosniff");
            files.handleRequest(exchange);
        });
    }

}
