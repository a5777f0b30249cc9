package org.kechuang.reference;

import java.util.List;
import java.util.Optional;

/** The built-in industry chains and their nodes. */
public interface IndustryChains {

    List<IndustryChain> all();

    Optional<IndustryChain> find(String chainCode);

    Optional<ChainNode> findNode(String nodeCode);
}
