package jakarta.servlet.sip.ar;

import java.io.Serializable;

/**
 * The region in which an application is invoked for a request: a region type plus a label. The
 * label lets a router refine the three standard types with its own sub-regions.
 */
public class SipApplicationRoutingRegion implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The standard originating region, labelled with the name of its type. */
    public static final SipApplicationRoutingRegion ORIGINATING_REGION =
            new SipApplicationRoutingRegion("ORIGINATING",
                    SipApplicationRoutingRegionType.ORIGINATING);

    /** The standard terminating region, labelled with the name of its type. */
    public static final SipApplicationRoutingRegion TERMINATING_REGION =
            new SipApplicationRoutingRegion("TERMINATING",
                    SipApplicationRoutingRegionType.TERMINATING);

    /** The standard neutral region, labelled with the name of its type. */
    public static final SipApplicationRoutingRegion NEUTRAL_REGION =
            new SipApplicationRoutingRegion("NEUTRAL", SipApplicationRoutingRegionType.NEUTRAL);

    /** @serial the kind of region: originating, terminating or neutral */
    private final SipApplicationRoutingRegionType type;
    /** @serial the region's name as the application router gave it */
    private final String label;

    /**
     * Creates a region.
     *
     * @param label a free-form name for the region
     * @param type the standard type the region belongs to
     */
    public SipApplicationRoutingRegion(String label, SipApplicationRoutingRegionType type) {
        this.label = label;
        this.type = type;
    }

    /**
     * Gives the label of this region.
     *
     * @return the label
     */
    public String getLabel() {
        return label;
    }

    /**
     * Gives the standard type of this region.
     *
     * @return the region type
     */
    public final SipApplicationRoutingRegionType getType() {
        return type;
    }

    /**
     * Describes the region by its label and type, for logs.
     *
     * @return a readable description
     */
    @Override
    public String toString() {
        return label + " " + type;
    }
}
