package org.kechuang.inbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The language an account's notices are mailed in; the account itself keeps none. Chinese unless chosen. */
enum MailLanguage {
    CHINESE("zh-CN", Locale.SIMPLIFIED_CHINESE),
    ENGLISH("en", Locale.ENGLISH);

    final String code;
    final Locale locale;

    MailLanguage(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    static Optional<MailLanguage> parse(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }
}
