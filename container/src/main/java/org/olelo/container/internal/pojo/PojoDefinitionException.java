package org.olelo.container.internal.pojo;

import java.util.List;

/**
 * A SIP servlet POJO class whose message-handling methods break the JSR 359 rules; carries one
 * line per method at fault, naming the class and the method.
 *
 * <p>Thrown and caught on the deployer thread.
 */
public final class PojoDefinitionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param type     the POJO class
     * @param problems what is wrong, one entry per method at fault
     */
    public PojoDefinitionException(Class<?> type, List<String> problems) {
        super("SIP servlet POJO " + type.getName() + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return what is wrong, one entry per method at fault */
    public List<String> problems() {
        return problems;
    }
}
