package org.olelo.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.olelo.testclient.SipTestClient;

/**
 * An archive the server refuses (no {@code WEB-INF}) fails the deployment with a
 * {@link DeploymentException}; nothing is deployed and requests get what an empty server gives.
 */
@ExtendWith(ArquillianExtension.class)
class BrokenDeploymentTest {

    @Deployment
    @ShouldThrowException(DeploymentException.class)
    static JavaArchive broken() {
        return ShrinkWrap.create(JavaArchive.class, "broken.war").addClass(BrokenDeploymentTest.class);
    }

    @ArquillianResource
    private OleloEndpoints olelo;

    @Test
    void nothingIsDeployed() {
        assertNull(olelo.application());
        try (SipTestClient alice = SipTestClient.udp().proxy(olelo.hostPort())) {
            assertEquals(404, alice.message(olelo.sipUri("anyone"), "ping").status());
        }
    }
}
