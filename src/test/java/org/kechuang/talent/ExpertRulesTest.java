package org.kechuang.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kechuang.organization.OrganizationDraft;
import org.kechuang.organization.OrganizationType;
import org.kechuang.organization.Organizations;
import org.kechuang.reference.Region;
import org.kechuang.reference.Regions;

class ExpertRulesTest {

    private static final Map<String, Region> REGIONS =
            Map.of("330000", new Region("330000", "浙江省", 1, null), "330100", new Region("330100", "杭州市", 2, "330000"));

    private final ExpertRules rules = new ExpertRules(regions(), organizations());

    private static ExpertDraft draft(String phone, String email, List<Long> societies, String availability) {
        return new ExpertDraft(
                " 李明 ",
                "浙江大学机械工程学院",
                "教授",
                List.of("e05", "F0201", "E05"),
                List.of("智能制造", "数控机床"),
                List.of("热误差补偿"),
                "３３０１００",
                societies,
                true,
                null,
                availability,
                null,
                phone,
                email,
                null,
                null);
    }

    private static List<Violation> violations(Throwable refusal) {
        return ((ExpertRejected) refusal).violations();
    }

    @Test
    void acceptsAProfileWithOnlyNameAndAffiliation() {
        ExpertContent content = rules.validate(ExpertDraft.of("王芳", "中国农业大学"));

        assertThat(content.availability()).isEqualTo(Availability.AVAILABLE);
        assertThat(content.youngTalent()).isFalse();
        assertThat(content.hasContact()).isFalse();
    }

    @Test
    void requiresNameAndAffiliation() {
        assertThatThrownBy(() -> rules.validate(ExpertDraft.of(" ", null)))
                .satisfies(refusal -> assertThat(violations(refusal))
                        .extracting(Violation::field, Violation::key)
                        .containsExactly(
                                tuple("name", "expert.name.required"),
                                tuple("affiliation", "expert.affiliation.required")));
    }

    @Test
    void normalizesCodesPhoneAndEmailAndKeepsNamesAsTyped() {
        ExpertContent content = rules.validate(draft("０５７１-８７９５１１１１", " Li.Ming@ZJU.edu.cn ", List.of(8L), "有限对接"));

        assertThat(content.name()).isEqualTo("李明");
        assertThat(content.disciplineCodes()).containsExactly("E05", "F0201");
        assertThat(content.regionCode()).isEqualTo("330100");
        assertThat(content.phone()).isEqualTo("0571-87951111");
        assertThat(content.email()).isEqualTo("li.ming@zju.edu.cn");
        assertThat(content.availability()).isEqualTo(Availability.LIMITED);
        assertThat(content.societyIds()).containsExactly(8L);
        assertThat(content.youngTalent()).isTrue();
        assertThat(content.overseas()).isFalse();
    }

    @Test
    void refusesUnreachableContactsAndOrganizationsThatAreNotNationalSocieties() {
        assertThatThrownBy(() -> rules.validate(draft("12345", "li.ming@", List.of(7L, 99L), "随时")))
                .satisfies(refusal -> assertThat(violations(refusal))
                        .extracting(Violation::field, Violation::key)
                        .containsExactly(
                                tuple("societyIds", "expert.society.not-a-society"),
                                tuple("societyIds", "expert.society.unknown"),
                                tuple("availability", "expert.availability.unknown"),
                                tuple("phone", "expert.phone.invalid"),
                                tuple("email", "expert.email.invalid")));
    }

    @Test
    void acceptsMobileNumbersWithTheCountryCode() {
        assertThat(rules.validate(draft("+86 139 0000 1111", null, null, null)).phone())
                .isEqualTo("+8613900001111");
    }

    @Test
    void refusesMalformedDisciplineCodesAndMarkup() {
        ExpertDraft draft = new ExpertDraft(
                "李明<script>",
                "浙大",
                null,
                List.of("E5"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);

        assertThatThrownBy(() -> rules.validate(draft))
                .satisfies(refusal -> assertThat(violations(refusal))
                        .extracting(Violation::field, Violation::key)
                        .containsExactly(
                                tuple("name", "text.markup"), tuple("disciplineCodes", "expert.discipline.invalid")));
    }

    @Test
    void readsYesAndNoAsTypedInSpreadsheets() {
        assertThat(ExpertRules.flag("是")).isTrue();
        assertThat(ExpertRules.flag(" Y ")).isTrue();
        assertThat(ExpertRules.flag("否")).isFalse();
        assertThat(ExpertRules.flag("也许")).isNull();
        assertThat(ExpertRules.flag("")).isNull();
    }

    private static Regions regions() {
        return new Regions() {
            @Override
            public Optional<Region> find(String code) {
                return Optional.ofNullable(REGIONS.get(code));
            }

            @Override
            public List<Region> path(String code) {
                return find(code).map(List::of).orElse(List.of());
            }

            @Override
            public List<Region> children(String parentCode) {
                return List.of();
            }

            @Override
            public List<Region> provinces() {
                return List.of(REGIONS.get("330000"));
            }
        };
    }

    /** Knows organization 7 (an enterprise) and 8 (a national society). */
    private static Organizations organizations() {
        return new Organizations() {
            @Override
            public Optional<OrganizationSummary> find(long id) {
                if (id == 7) {
                    return Optional.of(
                            new OrganizationSummary(7, "宁波某机械有限公司", OrganizationType.ENTERPRISE, "330200", null));
                }
                if (id == 8) {
                    return Optional.of(
                            new OrganizationSummary(8, "中国机械工程学会", OrganizationType.NATIONAL_SOCIETY, "110000", null));
                }
                return Optional.empty();
            }

            @Override
            public long count() {
                return 2;
            }

            @Override
            public OrganizationSummary registerForPlatform(OrganizationDraft draft, Long stationId) {
                throw new UnsupportedOperationException("not needed by the rules");
            }
        };
    }
}
