package org.kechuang.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kechuang.organization.Stations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills the libraries with the generated demo records after {@link DemoData} opened the stations. Each kind is seeded
 * once: a marker row per kind remembers the count reached, so a restart checks four rows and generates nothing; a
 * raised count seeds the missing records (the libraries skip the source ids their stations already hold).
 */
@Component
@Profile("demo")
@Order(1)
class DemoSeeding implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final DemoProperties counts;
    private final List<DemoLibrary> libraries;
    private final DemoSeedMarks marks;
    private final Stations stations;
    private final Clock clock;

    DemoSeeding(
            DemoProperties counts, List<DemoLibrary> libraries, DemoSeedMarks marks, Stations stations, Clock clock) {
        this.counts = counts;
        this.libraries = libraries;
        this.marks = marks;
        this.stations = stations;
        this.clock = clock;
    }

    /** What one run did per kind: inserted records and the time it took, or why it did nothing. */
    record Outcome(String kind, int requested, int inserted, long millis, String note) {}

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    List<Outcome> seed() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        DemoGenerator generator = new DemoGenerator(DemoGenerator.SEED, LocalDate.ofInstant(now, BEIJING));
        Map<String, Long> stationIds = new LinkedHashMap<>();
        for (String code : DemoGenerator.stationCodes()) {
            stationIds.put(code, stations.findByCode(code).orElseThrow().id());
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String kind : DemoLibrary.KINDS) {
            outcomes.add(seed(kind, generator, stationIds, now));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info(
                "Demo records ready in {} ms: {}",
                millis,
                outcomes.stream()
                        .map(o -> o.kind() + " " + o.inserted() + "/" + o.requested() + " (" + o.millis() + " ms"
                                + (o.note() == null ? "" : ", " + o.note()) + ")")
                        .toList());
        return outcomes;
    }

    private Outcome seed(String kind, DemoGenerator generator, Map<String, Long> stationIds, Instant now) {
        long started = System.nanoTime();
        int requested = counts.count(kind);
        Optional<DemoSeedMarks.Mark> mark = marks.find(kind);
        if (mark.isPresent()
                && mark.get().seed() == DemoGenerator.SEED
                && mark.get().requested() >= requested) {
            return new Outcome(kind, requested, 0, elapsed(started), "seeded before");
        }
        DemoLibrary library = libraries.stream()
                .filter(l -> l.kind().equals(kind))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo library stores the kind " + kind));
        int inserted = library.seed(generator, counts, stationIds, now);
        long millis = elapsed(started);
        marks.record(kind, DemoGenerator.SEED, requested, inserted, millis, now);
        return new Outcome(kind, requested, inserted, millis, null);
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
