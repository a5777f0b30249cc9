package org.kechuang.brokerage;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The signed contract of an engagement.
 *
 * @param value in yuan (元), more than zero
 * @param registrationNumber the technology-contract registration number in its plain form, or null when not (yet)
 *     registered
 */
public record Contract(ContractType type, BigDecimal value, LocalDate signedOn, String registrationNumber) {}
