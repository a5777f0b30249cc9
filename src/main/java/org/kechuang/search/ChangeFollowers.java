package org.kechuang.search;

import org.springframework.stereotype.Component;

/**
 * Makes {@link ChangeFollower}s with the platform's settings ({@code kechuang.search.sync.*}), for every index that
 * follows the libraries.
 */
@Component
public class ChangeFollowers {

    private final SearchSyncProperties properties;

    ChangeFollowers(SearchSyncProperties properties) {
        this.properties = properties;
    }

    public ChangeFollower follower(ChangeFollower.Applier applier) {
        return new ChangeFollower(properties.bulkQuietPeriod(), properties.bulkMaxDelay(), applier);
    }
}
