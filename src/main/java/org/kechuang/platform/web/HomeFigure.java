package org.kechuang.platform.web;

/**
 * A live count shown on the home page, contributed by the module that owns the records. The count is read from the
 * database each time the page is rendered.
 */
public interface HomeFigure {

    /** Position on the home page. */
    int order();

    /** Message-bundle key of the label. */
    String messageKey();

    /** The number of records right now. */
    long count();

    /** Where the records can be seen, or {@code null}. */
    default String link() {
        return null;
    }
}
