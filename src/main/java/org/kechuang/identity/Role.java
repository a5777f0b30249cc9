package org.kechuang.identity;

/**
 * What a signed-in user may do on the platform. A visitor (访客) is anyone not signed in and has no role. The station
 * admin role is always held for particular stations.
 */
public enum Role {
    /** 企业用户: posts technical problems, follows matches. */
    ENTERPRISE,
    /** 科研人员 / 专家: keeps an expert profile, publishes achievements. */
    EXPERT,
    /** 技术经理人: diagnoses demands and brokers engagements. */
    MANAGER,
    /** 站点管理员: runs one or more resource connection stations. */
    STATION_ADMIN,
    /** 评审专家: scores nominations in ranking rounds. */
    REVIEWER,
    /** 平台运营: moderates, runs the platform, sees everything. */
    OPERATOR;

    /** The Spring Security authority of this role, e.g. {@code ROLE_OPERATOR}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
