package org.kechuang.achievement;

/**
 * An inventor of an achievement (完成人).
 *
 * @param expertId the inventor's profile in the expert library, where known; a plain id, since that library is another
 *     module
 */
public record Inventor(String name, Long expertId) {}
