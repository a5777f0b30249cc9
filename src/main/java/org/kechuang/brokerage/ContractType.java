package org.kechuang.brokerage;

/** The kinds of technology contract (技术合同) an engagement is signed as. */
public enum ContractType {
    /** 技术转让 */
    TRANSFER,
    /** 技术许可 */
    LICENSE,
    /** 技术开发 */
    DEVELOPMENT,
    /** 技术咨询 */
    CONSULTING,
    /** 技术服务 */
    SERVICE,
    /** 作价投资 */
    EQUITY;

    String messageKey() {
        return "engagement.contract-type." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
