package org.kechuang.organization;

import java.util.List;
import java.util.Optional;
import org.kechuang.imports.ImportStations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The stations as the bulk import sees them: the pipeline stands below this module and asks through its SPI. */
@Component
class StationsForImport implements ImportStations {

    private final StationRepository stations;

    StationsForImport(StationRepository stations) {
        this.stations = stations;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ImportStation> find(long id) {
        return stations.find(id).map(StationsForImport::of);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ImportStation> findByCode(String code) {
        return stations.findByCode(code).map(StationsForImport::of);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ImportStation> all() {
        return stations.all().stream().map(StationsForImport::of).toList();
    }

    private static ImportStation of(Station station) {
        return new ImportStation(station.id(), station.code(), station.name(), station.active());
    }
}
