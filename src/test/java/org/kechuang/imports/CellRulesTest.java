package org.kechuang.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellRulesTest {

    private final CellRules rules = new CellRules(100);

    @Test
    void recognizesFormulasAndDdeInjection() {
        assertThat(CellRules.isFormula("=cmd|' /C calc'!A0")).isTrue();
        assertThat(CellRules.isFormula("=1+1")).isTrue();
        assertThat(CellRules.isFormula("＝HYPERLINK(\"http://x\")")).isTrue();
        assertThat(CellRules.isFormula("+cmd|' /C notepad'!A0")).isTrue();
        assertThat(CellRules.isFormula("-2+3+cmd|' /C calc'!A0")).isTrue();
        assertThat(CellRules.isFormula("@SUM(A1:A9)")).isTrue();
        assertThat(CellRules.isFormula("-Sheet1!A1")).isTrue();
    }

    @Test
    void leavesNumbersPhonesAndPlainTextAlone() {
        assertThat(CellRules.isFormula("-5")).isFalse();
        assertThat(CellRules.isFormula("+86 10 6851 2345")).isFalse();
        assertThat(CellRules.isFormula("+86-571-8888-0000")).isFalse();
        assertThat(CellRules.isFormula("@科创中国")).isFalse();
        assertThat(CellRules.isFormula("=")).isFalse();
        assertThat(CellRules.isFormula("定位精度 <= 5 μm")).isFalse();
        assertThat(CellRules.isFormula("- 降低能耗 (约 20%)")).isFalse();
    }

    @Test
    void keepsTextAsEnteredButNormalizesCodes() {
        List<ImportFieldError> errors = new ArrayList<>();

        assertThat(rules.clean("title", "  機器學習（深度）　", ImportColumn.Kind.TEXT, errors))
                .isEqualTo("機器學習（深度）");
        assertThat(rules.clean("regionCode", "４４０３００", ImportColumn.Kind.CODE, errors))
                .isEqualTo("440300");
        assertThat(rules.cleanList("keywords", "交通流；图神经网络, 预测、 ;", errors)).containsExactly("交通流", "图神经网络", "预测");
        assertThat(rules.clean("title", "   ", ImportColumn.Kind.TEXT, errors)).isNull();
        assertThat(errors).isEmpty();
    }

    @Test
    void refusesMarkupControlCharactersAndOverlongCells() {
        List<ImportFieldError> errors = new ArrayList<>();

        rules.clean("title", "<script>alert(1)</script>", ImportColumn.Kind.TEXT, errors);
        rules.clean("title", "a\u0007b", ImportColumn.Kind.TEXT, errors);
        rules.clean("description", "x".repeat(101), ImportColumn.Kind.TEXT, errors);
        rules.clean("description", "多行\n文本\t可以", ImportColumn.Kind.TEXT, errors);

        assertThat(errors)
                .extracting(ImportFieldError::field, ImportFieldError::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("title", "imports.cell.markup"),
                        org.assertj.core.groups.Tuple.tuple("title", "imports.cell.control"),
                        org.assertj.core.groups.Tuple.tuple("description", "imports.cell.too-long"));
    }
}
