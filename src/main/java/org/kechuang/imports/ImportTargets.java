package org.kechuang.imports;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kechuang.platform.web.DomainException;
import org.springframework.stereotype.Component;

/** Every record type the platform can import: the {@link ImportTarget} beans the modules contribute, by type. */
@Component
class ImportTargets {

    private final Map<String, ImportTarget> byType = new TreeMap<>();

    ImportTargets(List<ImportTarget> targets) {
        for (ImportTarget target : targets) {
            if (byType.putIfAbsent(target.type(), target) != null) {
                throw new IllegalStateException("Two import targets for type " + target.type());
            }
        }
    }

    Optional<ImportTarget> find(String type) {
        return Optional.ofNullable(type == null ? null : byType.get(type.strip()));
    }

    ImportTarget require(String type) {
        return find(type)
                .orElseThrow(() ->
                        DomainException.invalid("type", "imports.type.unknown", String.join(", ", byType.keySet())));
    }

    List<ImportTarget> all() {
        return List.copyOf(byType.values());
    }
}
