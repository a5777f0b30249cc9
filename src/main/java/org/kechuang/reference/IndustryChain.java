package org.kechuang.reference;

import java.util.List;

/**
 * An industry chain (产业链) with its nodes, upstream first.
 *
 * @param code stable, e.g. {@code IC}
 */
public record IndustryChain(String code, String name, String nameEn, List<ChainNode> nodes) {

    public IndustryChain {
        nodes = List.copyOf(nodes);
    }

    public List<ChainNode> nodes(ChainStage stage) {
        return nodes.stream().filter(node -> node.stage() == stage).toList();
    }
}
