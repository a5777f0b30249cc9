package org.kechuang.inbox;

/** How a notice reaches its recipient: the in-app inbox, an e-mail, or both. */
public enum Channel {
    INBOX,
    EMAIL
}
