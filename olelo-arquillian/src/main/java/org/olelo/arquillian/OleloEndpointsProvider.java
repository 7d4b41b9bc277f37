package org.olelo.arquillian;

import java.lang.annotation.Annotation;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/** Injects {@link OleloEndpoints} into {@code @ArquillianResource} fields and parameters. */
public final class OleloEndpointsProvider implements ResourceProvider {

    @Inject
    private Instance<OleloEndpoints> endpoints;

    @Override
    public boolean canProvide(Class<?> type) {
        return type == OleloEndpoints.class;
    }

    @Override
    public Object lookup(ArquillianResource resource, Annotation... qualifiers) {
        return endpoints.get();
    }
}
