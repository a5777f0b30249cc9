package org.kechuang.imports;

import java.util.List;
import java.util.Optional;

/**
 * The stations the pipeline imports into, implemented by the module that keeps stations (the pipeline stands below
 * it, so the dependency is inverted here).
 */
public interface ImportStations {

    Optional<ImportStation> find(long id);

    Optional<ImportStation> findByCode(String code);

    /** Every station, by name; for the operators' choice on the import page. */
    List<ImportStation> all();

    record ImportStation(long id, String code, String name, boolean active) {}
}
