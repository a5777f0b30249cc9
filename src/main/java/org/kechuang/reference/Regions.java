package org.kechuang.reference;

import java.util.List;
import java.util.Optional;

/** The GB/T 2260 administrative divisions built into the platform. */
public interface Regions {

    Optional<Region> find(String code);

    /** The region and its ancestors, province first. */
    List<Region> path(String code);

    List<Region> children(String parentCode);

    List<Region> provinces();
}
