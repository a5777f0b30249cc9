package org.kechuang.moderation;

import java.util.Locale;

/** Why a submission is held; the code is what {@link ContentScreen.Finding#category()} carries. */
enum Category {
    GAMBLING,
    SPAM,
    SENSITIVE,
    LINK,
    /** Not found in the text: the platform wrote the record on someone's behalf and an operator approves it first. */
    APPROVAL;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Category ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
