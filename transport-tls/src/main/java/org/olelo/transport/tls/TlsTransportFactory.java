package org.olelo.transport.tls;

import java.io.IOException;
import org.olelo.core.spi.TransportContext;
import org.olelo.core.spi.TransportFactory;
import org.olelo.core.stream.StreamTransports;
import org.olelo.core.transport.ListenAddress;
import org.olelo.core.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@code tls:} listening points: the core's stream listening point (connection caps,
 * timeouts, framing of {@code tcp.*}) over {@link TlsSockets}. Via transport {@code TLS}. The
 * {@code tls.*} settings are read and the files loaded here, so a wrong one stops the start with
 * its key named. Runs on the starting thread.
 */
public final class TlsTransportFactory implements TransportFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TlsTransportFactory.class);

    @Override
    public String kind() {
        return "TLS";
    }

    @Override
    public Transport create(ListenAddress address, TransportContext context) throws IOException {
        TlsSettings settings = TlsSettings.from(context);
        TlsSockets sockets = new TlsSockets(settings, context.statistics(), address.toString());
        if (!settings.verifyServer()) {
            LOG.warn("{}: tls.verify.server=false: the certificates of servers this server connects to over TLS are"
                    + " not checked; anyone on the path can pose as them", address);
        }
        return StreamTransports.create(address, context, sockets);
    }
}
