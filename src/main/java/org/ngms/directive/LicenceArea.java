package org.ngms.directive;

import java.util.Objects;
import java.util.Set;

/** A licence area: Pakistan, AJK, GB, or AJK and GB licensed as one area. */
public record LicenceArea(String id, String name, Set<Region> regions) {

    public LicenceArea {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        regions = Set.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("licence area " + id + " must cover at least one region");
        }
    }

    /** The territories a licence can cover. */
    public enum Region { PAKISTAN, AJK, GB }
}
