package org.kechuang.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The screen against two corpora written for it: legitimate technical text, much of it containing the characters
 * spam is made of (博士, 彩色, 注浆, 对赌协议, 体育器材, 官网), which must stay clear; and spam, gambling, sensitive offers and
 * link tricks, including the gambling name injected into a real news article, which must all be held.
 */
class WordListScreenTest {

    private static final WordListScreen SCREEN = new WordListScreen(WordLists.shipped());

    static Stream<String> legitimateTechnicalText() {
        return Stream.of(
                // materials
                "本项目研发高熵合金涂层，采用激光熔覆工艺，硬度提高30%，适用于体育器材和航空部件。",
                "彩色钢板表面涂层的耐候性研究：在盐雾条件下注意观察涂层起泡与剥落。",
                "通过溶胶-凝胶法制备彩色二氧化钛薄膜，博士研究生团队完成了表征。",
                "在隧道底板下注浆加固软弱围岩，注浆压力控制在2MPa以内。",
                "在高压下注入二氧化碳驱油，提高低渗透油藏采收率15%以上。",
                "18K彩金首饰合金的显色机理与耐腐蚀性能。",
                "石墨烯/环氧树脂复合材料在体育用品（网球拍、自行车架）中的应用。",
                "详情见公司官网，产品已通过ISO 9001认证。",
                "钙钛矿太阳能电池首次充电效率及循环稳定性研究。",
                "锂离子电池首充容量与首次库伦效率的提升方法。",
                // chips and computing
                "基于RISC-V架构的低功耗物联网芯片设计，主频200MHz，待机功耗低于5μW。",
                "采用遗传算法求解车间调度问题，选择算子使用轮盘赌选择，交叉概率0.8。",
                "系统后端基于ASP.NET Core开发，前端采用Vue.js与Node.js，部署在Linux服务器上。",
                "采用Socket.IO实现实时通信，接口文档见 https://github.com/example/project 。",
                "芯片良率提升：在晶圆清洗工序下注意控制颗粒污染，缺陷密度下降40%。",
                "基于深度学习的彩票式抽样方法在大规模数据集上的加速训练研究。",
                "研究德州扑克博弈中的不完全信息决策，提出反事实遗憾最小化的改进算法。",
                "本文提出一种面向移动支付的反洗钱监测模型，在真实交易数据上召回率达到92%。",
                "实验数据集下载地址：http://www.nsfc.gov.cn/data 与 https://arxiv.org/abs/2401.00001 。",
                "This topic, as in our earlier work, is treated with the finite element method.",
                "Results were compared with the WX2000 weather station and QQ plots of residuals.",
                "增加V型槽的深度可以提高密封性能，外加Vcc电压5V。",
                // agriculture
                "水稻品种选育：彩色稻米花青素含量测定及其在观光农业中的应用。",
                "工业大麻新品种选育与纤维提取工艺研究，适用于云南高海拔地区。",
                "鱼苗出售前需进行检疫，1.5厘米以下鱼苗不宜长途运输。",
                "在温室条件下注水量对番茄产量的影响，灌溉量减少20%而产量不变。",
                "菠菜硝酸盐积累的调控技术与设施栽培规范。",
                // medicine
                "皮下注射胰岛素的剂量调整方案及低血糖风险评估。",
                "海洛因依赖者前额叶皮层功能连接的静息态磁共振研究。",
                "在超声引导下注射透明质酸治疗膝骨关节炎的疗效观察。",
                "博士后工作站联合医院开展心血管介入器械的临床试验。",
                // business, law
                "本轮融资签署了对赌协议，约定三年内营收达到5亿元。",
                "体育器材研发企业寻求碳纤维成型技术合作，预算200万元。",
                "非法买卖枪支、弹药罪的司法认定问题研究。",
                "申报指南请登录科创中国官网 https://www.cast.org.cn 查看，联系邮箱 contact@163.com 。",
                "面向山东半岛体育产业的智能健身设备需求分析。",
                "本平台提供技术咨询服务，注册后可在线提交需求。",
                // identifiers that look like hosts or contact ids
                "专利号：ZL202310123456.7，公开号CN115123456A，已授权。",
                "样品为Y2O3:Eu.Gd荧光粉与Fe3O4@SiO2核壳结构，粒径50 nm。",
                "在Python 3.12与PyTorch 2.1.0环境下训练，代码见 https://gitee.com/example/demo 。",
                "深圳某科技有限公司（Shenzhen Example Technology Co., Ltd.）联系邮箱 wang.li@zju.edu.cn，电话0571-88888888。",
                "型号WX-2000气象站与QQ图残差检验，V2X车路协同通信。");
    }

    @ParameterizedTest
    @MethodSource("legitimateTechnicalText")
    void leavesLegitimateTechnicalTextClear(String text) {
        assertThat(SCREEN.screen("abstract", text)).isEmpty();
    }

    static Stream<Arguments> unwantedText() {
        String article = "科创中国平台聚焦产业链关键技术，推动高校院所成果转化。星空体育官网入口网站" + "各地科协组织技术经理人开展对接服务，累计促成合同金额12亿元。";
        return Stream.of(
                Arguments.of(article, "gambling", "星空体育官网入口网站"),
                Arguments.of("星空體育官網入口網站", "gambling", "星空體育官網入口網站"),
                Arguments.of("ＣＡＳＩＮＯ在线", "gambling", "ＣＡＳＩＮＯ"),
                Arguments.of("星-空-体-育 官网", "gambling", "星-空-体-育 官网"),
                Arguments.of("星 空 体 育官网入口", "gambling", "星 空 体 育官网入口"),
                Arguments.of("星\u200b空\u200b体\u200b育", "gambling", "星\u200b空\u200b体\u200b育"),
                Arguments.of("visit c a s i n o now", "gambling", "c a s i n o"),
                Arguments.of("新型传感器技术，百家乐真人在线，欢迎合作", "gambling", "百家乐"),
                Arguments.of("重庆时时彩计划群", "gambling", "时时彩"),
                Arguments.of("六合彩开奖结果", "gambling", "六合彩"),
                Arguments.of("澳门赌场线上开户", "gambling", "赌场"),
                Arguments.of("足球比分在线下注，赢取大奖", "gambling", "下注"),
                Arguments.of("最大的彩票网", "gambling", "彩票网"),
                Arguments.of("博彩平台", "gambling", "博彩"),
                Arguments.of("体育官网入口 2024", "gambling", "体育官网入口"),
                Arguments.of("技术合作请加微信", "spam", "加微信"),
                Arguments.of("联系QQ：1234 5678 9", "spam", "QQ：1234 5678 9"),
                Arguments.of("加V：xk8888", "spam", "加V：xk8888"),
                Arguments.of("专业代开发票，税点低", "spam", "代开发票"),
                Arguments.of("淘宝刷单兼职日结", "spam", "刷单兼职日结"),
                Arguments.of("免费领取试用装", "spam", "免费领取"),
                Arguments.of("出售枪支，货到付款", "sensitive", "出售枪支"),
                Arguments.of("专业办假证", "sensitive", "办假证"),
                Arguments.of("大量出售个人信息", "sensitive", "出售个人信息"),
                Arguments.of("详情访问 http://xk-sports.vip/reg", "link", "http://xk-sports.vip"),
                Arguments.of("点击 t.cn/A6abcdE 查看", "link", "t.cn"),
                Arguments.of("w w w . x k 1 2 3 . c o m", "link", "w w w . x k 1 2 3 . c o m"),
                Arguments.of("打开xk123点com注册", "link", "xk123点com"),
                Arguments.of("网址：ｗｗｗ．ｘｋ１２３．ｔｏｐ", "link", "ｗｗｗ．ｘｋ１２３．ｔｏｐ"),
                Arguments.of("hxxp://www.gov.cn.example.xyz", "link", "hxxp://www.gov.cn.example.xyz"),
                Arguments.of("访问abc(.)com", "link", "abc(.)com"));
    }

    @ParameterizedTest
    @MethodSource("unwantedText")
    void holdsSpamGamblingSensitiveOffersAndLinkTricks(String text, String category, String matched) {
        List<Match> matches = SCREEN.screen("description", text);

        assertThat(matches)
                .extracting(match -> match.finding().category(), Match::matched)
                .contains(org.assertj.core.groups.Tuple.tuple(category, matched));
    }

    @Test
    void reportsTheInjectedGamblingNameAsOneFindingWithItsPositionAndTheEntriesBehindIt() {
        String text = "本成果面向新能源汽车电池管理。星空体育官网入口网站 适用于储能电站。";

        List<Match> matches = SCREEN.screen("abstract", text);

        assertThat(matches).hasSize(1);
        Match match = matches.getFirst();
        assertThat(match.field()).isEqualTo("abstract");
        assertThat(match.category()).isEqualTo(Category.GAMBLING);
        assertThat(text.substring(match.start(), match.end())).isEqualTo("星空体育官网入口网站");
        assertThat(match.rules()).contains("星空体育", "体育官网", "官网入口网站");
    }

    @Test
    void screensEveryFieldAndNamesTheFieldOfEachFinding() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "高精度温湿度传感器");
        fields.put("abstract", "适用于粮仓与冷链。加微信了解详情");
        fields.put("keywords", "传感器, 百家乐");
        fields.put("empty", null);

        assertThat(SCREEN.screen(fields))
                .extracting(Match::field, match -> match.category().code())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("abstract", "spam"),
                        org.assertj.core.groups.Tuple.tuple("keywords", "gambling"));
    }

    @Test
    void holdsAFieldCrowdedWithLinksEvenToAllowedHosts() {
        String text = "参考 https://www.nsfc.gov.cn https://www.most.gov.cn https://www.cast.org.cn "
                + "https://www.tsinghua.edu.cn https://www.pku.edu.cn";

        assertThat(SCREEN.screen("abstract", text)).singleElement().satisfies(match -> {
            assertThat(match.category()).isEqualTo(Category.LINK);
            assertThat(match.rules().getFirst()).startsWith("5 links");
        });
    }

    @Test
    void leavesAFewLinksToAllowedHostsClear() {
        String text = "参考 https://www.nsfc.gov.cn 和 https://doi.org/10.1000/xyz123 以及 https://www.cast.org.cn";

        assertThat(SCREEN.screen("abstract", text)).isEmpty();
    }

    @Test
    void holdsAHostThatOnlyBeginsLikeAnAllowedOne() {
        assertThat(SCREEN.screen("abstract", "见 https://gov.cn.xk-bet.com/a"))
                .extracting(Match::matched)
                .containsExactly("https://gov.cn.xk-bet.com");
    }

    @Test
    void refusesASingleCharacterAsATerm() {
        assertThatThrownBy(() -> WordLists.term("test.txt", "賭"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void aPatternOpeningWithPlainAlternativesIsTriedOnlyAtTheirFirstCharactersAndFindsTheSameMatches() {
        java.util.regex.Pattern written = java.util.regex.Pattern.compile("(?:qq|扣扣|企鹅)(?:号码|号|群)?\\d{5,11}(?!\\d)");
        WordListScreen.Rule rule = WordListScreen.Rule.of(written);
        assertThat(rule.source()).isEqualTo(written.pattern());
        assertThat(rule.firsts()).isNotNull();
        assertThat(rule.firsts().cardinality()).isEqualTo(3);
        for (String text : List.of(
                "加qq123456789了解详情",
                "扣扣群12345678 企鹅号9876543210",
                "qq1234",
                "没有联系方式的技术文本 12345678",
                "qqqq号码55555",
                "qq12345qq67890")) {
            assertThat(found(rule, text)).as(text).isEqualTo(matches(written, text));
        }
        // optional or quantified groups, and groups that are not plain alternatives, are searched as written
        for (String regex : List.of("(?:qq|wx)?\\d{5}", "(?:q.|wx)\\d{5}", "(?:qq|wx)*x", "\\d{5}(?:qq|wx)")) {
            WordListScreen.Rule plain = WordListScreen.Rule.of(java.util.regex.Pattern.compile(regex));
            assertThat(plain.firsts()).as(regex).isNull();
            assertThat(found(plain, "qq12345 wx67890x"))
                    .as(regex)
                    .isEqualTo(matches(plain.pattern(), "qq12345 wx67890x"));
        }
    }

    private static List<String> found(WordListScreen.Rule rule, String text) {
        return rule.find(text).stream()
                .map(span -> span[0] + ":" + text.substring(span[0], span[1]))
                .toList();
    }

    private static List<String> matches(java.util.regex.Pattern pattern, String text) {
        List<String> found = new java.util.ArrayList<>();
        java.util.regex.Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.start() + ":" + matcher.group());
        }
        return found;
    }
}
