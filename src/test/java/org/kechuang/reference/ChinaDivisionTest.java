package org.kechuang.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChinaDivisionTest {

    private final List<Region> vendored = ChinaDivision.vendored();
    private final Map<String, Region> byCode =
            vendored.stream().collect(Collectors.toMap(Region::code, Function.identity()));

    @Test
    void theVendoredFilesGiveThirtyFourProvincesThreeHundredThirtyThreeCitiesAndTheirCounties() {
        // 31 provinces in provinces.csv plus Taiwan, Hong Kong and Macao; 342 city rows less 9 grouping rows;
        // 2,978 county rows less 4 stand-ins for cities without counties
        assertThat(vendored).filteredOn(r -> r.level() == 1).hasSize(34);
        assertThat(vendored).filteredOn(r -> r.level() == 2).hasSize(333);
        assertThat(vendored).filteredOn(r -> r.level() == 3).hasSize(2974);
    }

    @Test
    void everyCodeHasSixDigitsAndEveryParentIsAnEarlierDivisionOneLevelUpOrTheProvince() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Region region : vendored) {
            assertThat(region.code()).matches("[1-9][0-9]{5}");
            if (region.level() == 1) {
                assertThat(region.parentCode()).isNull();
                assertThat(region.code()).endsWith("0000");
            } else {
                assertThat(seen).as("parent of %s comes first", region.code()).contains(region.parentCode());
                Region parent = byCode.get(region.parentCode());
                assertThat(parent.level()).isLessThan(region.level());
                assertThat(region.code()).startsWith(parent.code().substring(0, 2));
            }
            seen.add(region.code());
        }
    }

    @Test
    void municipalDistrictsHangDirectlyUnderTheMunicipality() {
        assertThat(byCode.get("110101")).isEqualTo(new Region("110101", "东城区", 3, "110000"));
        assertThat(byCode.get("500229")).isEqualTo(new Region("500229", "城口县", 3, "500000"));
        assertThat(byCode).doesNotContainKeys("110100", "120100", "310100", "500100", "500200");
    }

    @Test
    void countiesGovernedDirectlyByTheProvinceHaveTheProvinceAsParent() {
        assertThat(byCode.get("419001")).isEqualTo(new Region("419001", "济源市", 3, "410000"));
        assertThat(byCode.get("429021").parentCode()).isEqualTo("420000");
        assertThat(byCode.get("469001").parentCode()).isEqualTo("460000");
        assertThat(byCode.get("659001").parentCode()).isEqualTo("650000");
        assertThat(byCode).doesNotContainKeys("419000", "429000", "469000", "659000");
    }

    @Test
    void citiesWithoutCountiesAreCitiesWithNoChildren() {
        assertThat(byCode.get("441900")).isEqualTo(new Region("441900", "东莞市", 2, "440000"));
        assertThat(byCode.get("620200")).isEqualTo(new Region("620200", "嘉峪关市", 2, "620000"));
        assertThat(byCode).doesNotContainKey("620201");
        assertThat(vendored).noneMatch(r -> "441900".equals(r.parentCode()) || "620200".equals(r.parentCode()));
    }

    @Test
    void taiwanHongKongAndMacaoAreProvinceLevelDivisions() {
        assertThat(byCode.get("710000").name()).isEqualTo("台湾省");
        assertThat(byCode.get("810000").name()).isEqualTo("香港特别行政区");
        assertThat(byCode.get("820000").name()).isEqualTo("澳门特别行政区");
    }

    @Test
    void refusesACountyOfAnUnknownCity() {
        assertThatThrownBy(() -> ChinaDivision.divisions(
                        new StringReader("code,name\n11,\"北京市\"\n"),
                        new StringReader("code,name,provinceCode\n1101,\"市辖区\",11\n"),
                        new StringReader("code,name,cityCode,provinceCode\n120101,\"和平区\",1201,12\n")))
                .hasMessageContaining("unknown city 1201");
    }

    @Test
    void refusesACodeOfTheWrongLength() {
        assertThatThrownBy(() -> ChinaDivision.divisions(
                        new StringReader("code,name\n110,\"北京市\"\n"),
                        new StringReader("code,name,provinceCode\n"),
                        new StringReader("code,name,cityCode,provinceCode\n")))
                .hasMessageContaining("2-digit");
    }

    @Test
    void theChecksumCoversTheFiles() {
        assertThat(ChinaDivision.checksum()).isEqualTo(ChinaDivision.checksum()).isNotZero();
    }
}
