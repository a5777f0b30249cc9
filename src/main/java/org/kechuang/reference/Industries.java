package org.kechuang.reference;

import java.util.Optional;

/**
 * The GB/T 4754-2017 industries: the sections and divisions built in, groups and classes once an operator has
 * imported the full list.
 */
public interface Industries {

    /** The industry with this code; full-width and lower-case input is accepted ({@code ｃ} finds {@code C}, {@code ３９７３} finds {@code 3973}). */
    Optional<Industry> find(String code);

    boolean exists(String code);
}
