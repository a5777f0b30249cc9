package org.kechuang.organization;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.kechuang.platform.text.Text;

/** The kinds of organization the platform knows (机构类型); the Chinese label is what users type in import files. */
public enum OrganizationType {
    ENTERPRISE("企业"),
    UNIVERSITY("高校"),
    INSTITUTE("科研院所"),
    NATIONAL_SOCIETY("全国学会"),
    LOCAL_CAST("地方科协"),
    PARK("园区"),
    FINANCIAL("金融机构"),
    SERVICE("服务机构"),
    THINK_TANK("智库"),
    EVALUATION("评估机构"),
    STANDARD_BODY("团体标准组织"),
    INTERNATIONAL("国际组织");

    private final String chineseLabel;

    OrganizationType(String chineseLabel) {
        this.chineseLabel = chineseLabel;
    }

    /** Message-bundle key of the label shown in the UI. */
    public String messageKey() {
        return "organization.type." + name();
    }

    /**
     * Reads a type as people write it: the code in any case ({@code enterprise}, {@code national-society}) or the
     * Chinese label, full-width or traditional forms included.
     */
    public static Optional<OrganizationType> parse(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String key = Text.key(typed);
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        String code = key.replace('-', '_').replace(' ', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(type -> type.name().equals(code)
                        || type.chineseLabel.equals(key)
                        || ("大学".equals(key) && type == UNIVERSITY)
                        || ("高等学校".equals(key) && type == UNIVERSITY))
                .findFirst();
    }
}
