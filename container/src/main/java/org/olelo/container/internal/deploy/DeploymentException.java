package org.olelo.container.internal.deploy;

import java.nio.file.Path;

/**
 * Thrown inside the deployer when one application cannot be deployed; carries
 * the {@link DeployProblem} value that ends up in {@link AppDeployer#failures()}.
 *
 * <p>Thrown and caught on the deployer thread.
 */
public final class DeploymentException extends Exception {

    private final transient DeployProblem problem;

    /**
     * @param problem what went wrong
     * @param cause   the underlying exception, or null
     */
    public DeploymentException(DeployProblem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problem = problem;
    }

    /**
     * @param file   the file at fault
     * @param line   the line in it, or 0
     * @param reason what went wrong
     */
    public DeploymentException(Path file, int line, String reason) {
        this(new DeployProblem(file, line, reason), null);
    }

    /** @return the problem as a value */
    public DeployProblem problem() {
        return problem;
    }
}
