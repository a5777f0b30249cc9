package org.kechuang.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * How a technology changes hands or a problem gets solved: the cooperation modes of a demand (合作方式) and, where they
 * apply, the transfer modes of an achievement (转化方式). Both libraries share the enum so that matching can compare
 * them directly.
 */
public enum CooperationMode {
    /** 技术转让 */
    TRANSFER("技术转让", true),
    /** 许可 */
    LICENSE("许可", true),
    /** 合作开发 */
    JOINT_DEVELOPMENT("合作开发", true),
    /** 委托开发: the demand side commissions development, an offered achievement is not commissioned */
    COMMISSIONED_DEVELOPMENT("委托开发", false),
    /** 技术咨询 */
    CONSULTING("技术咨询", true),
    /** 技术服务 */
    SERVICE("技术服务", true),
    /** 作价投资 */
    EQUITY_INVESTMENT("作价投资", true),
    /** 人才引进: recruiting people is a demand, not a way to transfer an achievement */
    TALENT("人才引进", false),
    /** 揭榜挂帅: an open call posted by the demand side */
    OPEN_COMPETITION("揭榜挂帅", false);

    private final String chineseName;
    private final boolean offeredByAchievements;

    CooperationMode(String chineseName, boolean offeredByAchievements) {
        this.chineseName = chineseName;
        this.offeredByAchievements = offeredByAchievements;
    }

    /** The name used in Chinese forms and files, e.g. 技术转让. */
    public String chineseName() {
        return chineseName;
    }

    /** Whether an achievement may offer this mode. */
    public boolean appliesToAchievements() {
        return offeredByAchievements;
    }

    /**
     * Accepts the constant name in any case (hyphens or blanks for underscores) or the Chinese name; empty for anything
     * else.
     */
    public static Optional<CooperationMode> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String name = typed.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (CooperationMode mode : values()) {
            if (mode.name().equals(name) || mode.chineseName.equals(typed.strip())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
