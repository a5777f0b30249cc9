package org.kechuang.reference;

import java.util.List;

/**
 * A node of an industry chain, the tag that demands, achievements, experts and organizations carry.
 *
 * @param code stable, e.g. {@code IC-UP-EDA}
 * @param industryCodes the GB/T 4754 codes of the activities the node covers (a division, group or class)
 */
public record ChainNode(
        String code,
        String chainCode,
        ChainStage stage,
        String name,
        String nameEn,
        int position,
        List<String> industryCodes) {

    public ChainNode {
        industryCodes = List.copyOf(industryCodes);
    }
}
