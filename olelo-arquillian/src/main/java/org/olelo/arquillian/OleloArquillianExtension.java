package org.olelo.arquillian;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/** Registers the Olelo container and its {@link OleloEndpoints} resource with Arquillian (found by ServiceLoader). */
public final class OleloArquillianExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, OleloDeployableContainer.class)
                .service(ResourceProvider.class, OleloEndpointsProvider.class);
    }
}
