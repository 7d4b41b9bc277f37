package org.olelo.apps.registrar;

import jakarta.servlet.ServletException;
import jakarta.servlet.sip.Address;
import jakarta.servlet.sip.SipFactory;
import jakarta.servlet.sip.SipServlet;
import jakarta.servlet.sip.SipServletRequest;
import jakarta.servlet.sip.SipServletResponse;
import jakarta.servlet.sip.URI;
import org.olelo.apps.registrar.msilo.Silo;
import org.olelo.apps.registrar.service.RegisterRequest;
import org.olelo.apps.registrar.service.RegisterResult;
import org.olelo.apps.registrar.service.Registrar;
import org.olelo.apps.registrar.service.RegistrarException;
import org.olelo.apps.registrar.spi.Binding;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code register} servlet: answers REGISTER requests (Kamailio's {@code save("location")}).
 * A thin adapter: {@link SipRequests} reads the request, {@link Registrar} decides, this sends the
 * 200 with every current binding ({@code Contact: <uri>;expires=N;q=...}) and a Date header, or
 * the error with its reason phrase (and Min-Expires on 423). The 200 goes out only after the store
 * accepted the change, so in {@code write-through} and {@code db-only} modes it follows the
 * database commit. The Path is echoed when the UA supports it and the container lets applications
 * set Path on a response.
 *
 * <p>RFC 5626 outbound and RFC 5627 GRUU ({@link Outbound}): a REGISTER with {@code +sip.instance},
 * {@code reg-id} and {@code Supported: outbound} gets {@code Require: outbound} in its 200, and its
 * flow is remembered so that the flow's failure removes the binding; with {@code Supported: gruu}
 * each Contact with an instance gets its {@code pub-gruu} and a fresh {@code temp-gruu}.
 *
 * <p>After a 200 with at least one binding, the offline message store, when it is on, is told that
 * the user is back ({@link Silo#registered}, which only hands the delivery to a thread of its own).
 *
 * <p>When the deployment enables the sip.xml security constraint, the container has already
 * authenticated the request; the registrar then lets a user register only their own AOR.
 *
 * <p>Runs on the container's application executor (a virtual thread), one request at a time per
 * application session; blocks on the location store.
 */
public class RegisterServlet extends SipServlet {

    private static final long serialVersionUID = 1L;

    private transient RegistrarRuntime runtime;
    private transient SipFactory factory;
    private transient Silo silo;

    @Override
    public void init() throws ServletException {
        runtime = Runtimes.of(getServletContext());
        factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
        silo = getServletContext().getAttribute(Silo.ATTRIBUTE) instanceof Silo s ? s : null;
    }

    /** Registers, refreshes, removes or lists bindings; see the class description. */
    @Override
    protected void doRegister(SipServletRequest req) throws ServletException, IOException {
        long now = System.currentTimeMillis();
        RegisterResult result;
        Map<String, URI> contactUris = new HashMap<>(4);
        try {
            RegisterRequest request = SipRequests.register(req, factory, contactUris);
            Outbound.checkFirstHop(req, request);
            result = runtime.registrar().register(request, now);
        } catch (RegistrarException e) {
            result = runtime.registrar().rejected(e);
        }
        switch (result) {
            case RegisterResult.Accepted ok -> {
                accept(req, ok, contactUris);
                if (!ok.bindings().isEmpty() && silo != null) {
                    silo.registered(ok.bindings().get(0).aor()); // hands the delivery to the silo's threads
                }
            }
            case RegisterResult.Rejected no -> {
                if (no.cause() != null) {
                    log("registrar: REGISTER for " + req.getTo().getURI() + " failed: " + no.cause().getMessage(),
                            no.cause());
                }
                SipRequests.answer(req, no.status(), no.reason(), no.headers());
            }
        }
    }

    private void accept(SipServletRequest req, RegisterResult.Accepted ok, Map<String, URI> contactUris)
            throws IOException {
        SipServletResponse resp = req.createResponse(SipServletResponse.SC_OK);
        Function<Binding, String> gruu = Outbound.gruuParams(req, runtime.gruus());
        for (Binding b : ok.bindings()) {
            String more = gruu.apply(b);
            URI uri = more.isEmpty() && b.instance() == null && b.regId() == Binding.NO_REG_ID
                    ? contactUris.get(b.contact()) : null;
            if (uri == null) {
                resp.addHeader("Contact", ok.contactValue(b, more));
                continue;
            }
            // a binding of this REGISTER: its URI is parsed already, so the Contact is built from it
            Address a = factory.createAddress(uri.clone());
            a.setParameter("expires", Long.toString(b.remainingSeconds(ok.now())));
            if (b.qText() != null) {
                a.setParameter("q", b.qText());
            }
            resp.addAddressHeader("Contact", a, false);
        }
        if (Outbound.applies(req)) {
            resp.addHeader("Require", "outbound"); // RFC 5626 §6: the registrar keeps the UA's flows
            Outbound.noteFlow(req, runtime.flows());
        }
        resp.setHeader("Date", ok.date());
        for (String p : ok.path()) {
            try {
                resp.addHeader("Path", p);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // the container keeps Path as a system header: the binding keeps it all the same
                break;
            }
        }
        resp.send();
    }
}
