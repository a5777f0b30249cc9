package org.kechuang.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.kechuang.identity.Accounts;
import org.kechuang.identity.Role;
import org.kechuang.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The operator's upload page over real HTTP, signed in through the form like a browser. */
@IntegrationTest
class OperatorReferencePageIT {

    private static final String PASSWORD = "page-pass-42";
    private static final String PAGE = "/operator/reference";
    private static final String HEADER = "id,industry_id,name,parent_id,level_type,description\n";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOperatorSeesTheRowErrorsOfARefusedUpload() {
        WebClient operator = signedIn(Role.OPERATOR);
        byte[] gbk = (HEADER + "1,98,测试大类,T,7,\n2,9899,<script>x</script>,989,3,\n").getBytes(Charset.forName("GBK"));

        Document page = html(operator.upload(PAGE, "form[action$=/industries]", "gbk.csv", gbk));

        assertThat(page.select("#import-rejection p").text()).isEqualTo("文件中有 3 处错误，没有导入任何内容。请改正后重新上传。");
        assertThat(page.select("#import-rejection tbody tr").eachText())
                .containsExactly(
                        "2 level_type 层级 7 无效：应为 0（门类）、1（大类）、2（中类）或 3（小类）。",
                        "3 name name 不能包含 HTML 标记或脚本。",
                        "3 parent_id 上级代码 989 既不在文件中，也不在已有数据中。");
        assertThat(page.select("#import-report")).isEmpty();
    }

    @Test
    void anOperatorSeesTheReportOfAnAcceptedUploadAndTheRowsWhoseParentWasCorrected() {
        WebClient operator = signedIn(Role.OPERATOR);
        byte[] industries = (HEADER + """
                        1,99,测试大类,T,1,
                        2,991,测试中类甲,99,2,
                        3,992,测试中类乙,99,2,
                        4,9911,测试小类,992,3,
                        """).getBytes(StandardCharsets.UTF_8);

        Document page;
        try {
            page = html(operator.upload(PAGE, "form[action$=/industries]", "gb4754.csv", industries));
        } finally {
            // codes GB/T 4754 does not have: no other test may see them
            jdbc.sql("DELETE FROM reference_industry WHERE code IN ('99', '991', '992', '9911')")
                    .update();
        }

        assertThat(page.select("#import-report").text()).isEqualTo("导入完成：共 4 行，新增 4 个，更新 0 个，未变 0 个。");
        assertThat(page.select("#import-warnings > p").text()).startsWith("1 行的上级代码与行业代码的结构不符");
        assertThat(page.select("#import-warnings tbody tr").eachText())
                .containsExactly("5 parent_id 上级代码 992 与行业代码 9911 的结构不符，已按代码结构归入 991。");
        assertThat(page.select("#import-rejection")).isEmpty();
    }

    @Test
    void anUnreadableFileIsNamedAsSuch() {
        WebClient operator = signedIn(Role.OPERATOR);

        Document page = html(operator.upload(
                PAGE, "form[action$=/industries]", "list.csv", "a,b\n".getBytes(StandardCharsets.UTF_16LE)));

        assertThat(page.select("#import-file-error").text()).startsWith("无法识别文件的编码");
    }

    @Test
    void visitorsAreSentToSignInAndOtherRolesAreRefused() {
        HttpResponse<String> visitor = new WebClient(port).get(PAGE);
        HttpResponse<String> expert = signedIn(Role.EXPERT).get(PAGE);

        assertThat(visitor.statusCode()).isEqualTo(302);
        assertThat(visitor.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(expert.statusCode()).isEqualTo(403);
    }

    private WebClient signedIn(Role role) {
        String username = "ref-page-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.ensure(username, username + "@example.com", PASSWORD, "参考数据测试", Set.of(role));
        WebClient client = new WebClient(port);
        client.signIn(username, PASSWORD);
        return client;
    }

    private static Document html(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }
}
