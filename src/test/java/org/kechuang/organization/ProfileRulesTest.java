package org.kechuang.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;

class ProfileRulesTest {

    /** Three real GB/T 2260 divisions are all these rules need to know of. */
    static final Map<String, Region> KNOWN = Map.of(
            "440000", new Region("440000", "广东省", 1, null),
            "440300", new Region("440300", "深圳市", 2, "440000"),
            "110108", new Region("110108", "海淀区", 3, "110100"));

    final ProfileRules rules = new ProfileRules(new Regions() {
        @Override
        public Optional<Region> find(String code) {
            return Optional.ofNullable(KNOWN.get(code));
        }

        @Override
        public List<Region> path(String code) {
            return List.of();
        }

        @Override
        public List<Region> children(String parentCode) {
            return List.of();
        }

        @Override
        public List<Region> provinces() {
            return List.of();
        }
    });

    static OrganizationDraft draft(String name, String type) {
        return new OrganizationDraft(name, type, null, null, null, null, null, null, null, null);
    }

    @Test
    void acceptsACompleteEnterpriseProfileAndCleansIt() {
        var checked = rules.check(new OrganizationDraft(
                " 华为技术有限公司 ",
                "企业",
                true,
                "９１４４０３００１９２２０３８２１６",
                "４４０３００",
                "www.huawei.com",
                "ＩＣＴ基础设施",
                "contact@huawei.com",
                "０７５５-２８７８０８０８",
                null));
        assertThat(checked.violations()).isEmpty();
        OrganizationProfile profile = checked.profile();
        assertThat(profile.name()).isEqualTo("华为技术有限公司");
        assertThat(profile.type()).isEqualTo(OrganizationType.ENTERPRISE);
        assertThat(profile.sme()).isTrue();
        assertThat(profile.creditCode().value()).isEqualTo("914403001922038216");
        assertThat(profile.regionCode()).isEqualTo("440300");
        assertThat(profile.website()).isEqualTo("https://www.huawei.com");
        assertThat(profile.description()).isEqualTo("ICT基础设施");
        assertThat(profile.contactPhone()).isEqualTo("0755-28780808");
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        var checked = rules.check(new OrganizationDraft(
                "", "机构", null, "914403001922038217", "999999", "ftp://x", null, "not-an-address", "电话", null));
        assertThat(checked.valid()).isFalse();
        assertThat(checked.violations())
                .extracting(Violation::field, Violation::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", "organization.name.required"),
                        org.assertj.core.groups.Tuple.tuple("type", "organization.type.unknown"),
                        org.assertj.core.groups.Tuple.tuple("creditCode", "organization.credit-code.checksum"),
                        org.assertj.core.groups.Tuple.tuple("regionCode", "organization.region.unknown"),
                        org.assertj.core.groups.Tuple.tuple("website", "organization.website.invalid"),
                        org.assertj.core.groups.Tuple.tuple("contactEmail", "organization.contact-email.invalid"),
                        org.assertj.core.groups.Tuple.tuple("contactPhone", "organization.contact-phone.invalid"));
    }

    @Test
    void refusesTheSmeFlagOnAnythingButAnEnterprise() {
        var checked = rules.check(
                new OrganizationDraft("清华大学", "UNIVERSITY", true, null, null, null, null, null, null, null));
        assertThat(checked.violations()).extracting(Violation::key).containsExactly("organization.sme.not-enterprise");
    }

    @Test
    void keepsADisciplineGroupOnlyForNationalSocieties() {
        var society =
                rules.check(new OrganizationDraft("中国数学会", "全国学会", null, null, null, null, null, null, null, "理科"));
        assertThat(society.profile().disciplineGroup()).isEqualTo(DisciplineGroup.SCIENCE);
        var enterprise =
                rules.check(new OrganizationDraft("某公司", "企业", null, null, null, null, null, null, null, "理科"));
        assertThat(enterprise.violations())
                .extracting(Violation::key)
                .containsExactly("organization.discipline-group.not-society");
    }

    @Test
    void refusesScriptTagsInEveryTextField() {
        var checked = rules.check(new OrganizationDraft(
                "<script>alert(1)</script>公司", "企业", null, null, null, null, "见 <a href=x>官网</a>", null, null, null));
        assertThat(checked.violations())
                .extracting(Violation::field, Violation::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", "text.markup"),
                        org.assertj.core.groups.Tuple.tuple("description", "text.markup"));
    }

    @Test
    void refusesTenMegabytesAsTooLongNamingTheLimit() {
        String huge = "长".repeat(10 * 1024 * 1024);
        var checked = rules.check(new OrganizationDraft(huge, "企业", null, null, null, null, huge, null, null, null));
        assertThat(checked.violations())
                .extracting(Violation::field, Violation::key, v -> v.args().getFirst())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("name", "text.too-long", ProfileRules.NAME_MAX),
                        org.assertj.core.groups.Tuple.tuple(
                                "description", "text.too-long", ProfileRules.DESCRIPTION_MAX));
    }

    @Test
    void echoesAnUnknownTypeShortened() {
        var checked = rules.check(draft("某机构", "x".repeat(1000)));
        assertThat(checked.violations().getFirst().args().getFirst().toString()).hasSizeLessThan(50);
    }

    @Test
    void readsTypesByCodeOrChineseLabel() {
        assertThat(rules.check(draft("甲", "national_society")).profile().type())
                .isEqualTo(OrganizationType.NATIONAL_SOCIETY);
        assertThat(rules.check(draft("乙", "團體標準組織")).profile().type()).isEqualTo(OrganizationType.STANDARD_BODY);
        assertThat(rules.check(draft("丙", "think-tank")).profile().type()).isEqualTo(OrganizationType.THINK_TANK);
    }

    @Test
    void requiresAType() {
        assertThat(rules.check(draft("甲", " ")).violations())
                .extracting(Violation::key)
                .containsExactly("organization.type.required");
    }

    @Test
    void collidesTraditionalAndFullWidthFormsOfTheSameName() {
        OrganizationProfile simplified =
                rules.check(draft("中国机械工程学会ABC", "全国学会")).profile();
        OrganizationProfile traditional =
                rules.check(draft("中國機械工程學會ＡＢＣ", "全国学会")).profile();
        assertThat(traditional.nameKey()).isEqualTo(simplified.nameKey());
    }
}
