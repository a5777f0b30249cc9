package org.kechuang.brokerage;

/** Why an engagement ended without an evaluated outcome: the codes the managers' figures count. */
public enum CloseReason {
    /** 对方未回应 */
    NO_RESPONSE,
    /** 技术不匹配 */
    NOT_A_FIT,
    /** 技术尚不成熟 */
    TOO_EARLY,
    /** 价格或条款未谈拢 */
    TERMS,
    /** 需求方已另选方案 */
    CHOSE_OTHER,
    /** 需求已撤回或失效 */
    DEMAND_WITHDRAWN,
    /** 合同未能履行 */
    DELIVERY_FAILED,
    /** 其他 */
    OTHER;

    String messageKey() {
        return "engagement.close-reason."
                + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
