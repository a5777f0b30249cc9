package org.kechuang.knowledge;

import java.time.Instant;

/**
 * A search a user saved under a name, and whether its new matches reach them: in the inbox ({@code notifyMe}) and in a
 * mail digest.
 *
 * @param language the owner's language when they last saved it ({@code zh-CN} or {@code en}): the digest's language
 * @param checkedAt records changed after this were not looked at yet
 * @param digestedAt when the last digest covered it
 */
record SavedSearch(
        long id,
        long ownerId,
        String name,
        Criteria criteria,
        boolean notifyMe,
        Digest digest,
        String language,
        Instant checkedAt,
        Instant digestedAt,
        Instant createdAt,
        Instant updatedAt) {}
