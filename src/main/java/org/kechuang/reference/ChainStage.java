package org.kechuang.reference;

/** Where a node sits in its industry chain. */
public enum ChainStage {
    /** 上游: materials, components, equipment and tools. */
    UPSTREAM,
    /** 中游: the core products. */
    MIDSTREAM,
    /** 下游: applications, distribution and services. */
    DOWNSTREAM
}
