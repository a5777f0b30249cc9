package org.kechuang.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kechuang.demo.DemoGenerator;
import org.kechuang.demo.GeneratedAchievement;
import org.kechuang.demo.GeneratedDemand;

/**
 * Traditional/simplified parity (issue 4): over the demo generator's demands and achievements (deterministic, written
 * in simplified characters), each of a fixed list of technical queries across the eight built-in chains returns the
 * same top 10, in the same order, whether typed in simplified or in traditional characters. The traditional forms are
 * written out here (character forms as used in Hong Kong and Taiwan, not Taiwan vocabulary such as 軟體 for 软件).
 */
class TraditionalSimplifiedParityTest {

    private static final int RECORDS_PER_LIBRARY = 1500;

    @TempDir
    static Path folder;

    private static LuceneSearchEngine engine;

    @BeforeAll
    static void indexTheDemoLibraries() {
        engine = new LuceneSearchEngine(folder);
        DemoGenerator generator = new DemoGenerator(DemoGenerator.SEED, LocalDate.of(2026, 1, 1));
        List<SearchDocument> documents = new ArrayList<>();
        long id = 0;
        for (GeneratedDemand d : generator.demands(RECORDS_PER_LIBRARY)) {
            documents.add(document(
                    "demand",
                    ++id,
                    d.title(),
                    List.of(),
                    String.join("\n", d.background(), d.technicalProblems(), d.applicationScenario()),
                    d.chainNodeCode()));
        }
        for (GeneratedAchievement a : generator.achievements(RECORDS_PER_LIBRARY)) {
            documents.add(document(
                    "achievement",
                    ++id,
                    a.title(),
                    a.keywords(),
                    String.join("\n", a.description(), a.technologyField()),
                    a.chainNodeCode()));
        }
        engine.index(documents);
    }

    private static SearchDocument document(
            String type, long id, String title, List<String> keywords, String body, String chainNode) {
        return new SearchDocument(
                type,
                id,
                title,
                keywords,
                body,
                null,
                null,
                chainNode,
                null,
                null,
                "PUBLISHED",
                new Access(true, false, null, Set.of()),
                Instant.EPOCH);
    }

    @AfterAll
    static void close() throws IOException {
        engine.close();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            耐盐碱水稻品种 | 耐鹽鹼水稻品種
            种子活力检测 | 種子活力檢測
            缓控释肥料 | 緩控釋肥料
            微生物菌剂 | 微生物菌劑
            植保无人机 | 植保無人機
            北斗导航定位 | 北斗導航定位
            水肥一体化系统 | 水肥一體化系統
            病虫害智能识别 | 病蟲害智能識別
            联邦学习 | 聯邦學習
            知识图谱 | 知識圖譜
            存算一体芯片 | 存算一體芯片
            MEMS 加速度计 | MEMS 加速度計
            激光雷达 | 激光雷達
            红外热成像传感器 | 紅外熱成像傳感器
            语音识别引擎 | 語音識別引擎
            检索增强生成 | 檢索增強生成
            连续流合成 | 連續流合成
            类器官模型 | 類器官模型
            药代动力学 | 藥代動力學
            手性中间体 | 手性中間體
            一次性生物反应器 | 一次性生物反應器
            冻干机 | 凍乾機
            重组蛋白疫苗 | 重組蛋白疫苗
            单克隆抗体 | 單克隆抗體
            谐波减速器 | 諧波減速器
            滚珠丝杠 | 滾珠絲槓
            误差补偿 | 誤差補償
            五轴联动加工中心 | 五軸聯動加工中心
            热等静压 | 熱等靜壓
            镍基高温合金 | 鎳基高溫合金
            六轴焊接机器人 | 六軸焊接機器人
            TC4 钛合金 | TC4 鈦合金
            静态时序分析 | 靜態時序分析
            光刻胶 | 光刻膠
            电子特气 | 電子特氣
            化学机械抛光液 | 化學機械拋光液
            刻蚀设备 | 刻蝕設備
            离子注入机 | 離子注入機
            原子层沉积 | 原子層沉積
            电源管理芯片 | 電源管理芯片
            钠离子电池 | 鈉離子電池
            光伏银浆 | 光伏銀漿
            金刚线切片 | 金剛線切片
            钙钛矿叠层电池 | 鈣鈦礦疊層電池
            储能变流器 | 儲能變流器
            液冷温控系统 | 液冷溫控系統
            PEM 电解槽 | PEM 電解槽
            燃料电池电堆 | 燃料電池電堆
            硅碳负极材料 | 硅碳負極材料
            固态电解质 | 固態電解質
            盐湖提锂 | 鹽湖提鋰
            栅极驱动芯片 | 柵極驅動芯片
            IGBT 模块 | IGBT 模塊
            一体化压铸 | 一體化壓鑄
            线控制动系统 | 線控制動系統
            热失控防护 | 熱失控防護
            稀土分离 | 稀土分離
            萃取分离 | 萃取分離
            镁合金压铸件 | 鎂合金壓鑄件
            聚酰亚胺薄膜 | 聚醯亞胺薄膜
            光学级聚碳酸酯 | 光學級聚碳酸酯
            氧化锆陶瓷 | 氧化鋯陶瓷
            高纯石英 | 高純石英
            气雾化制粉 | 氣霧化製粉
            机器视觉 检测 | 機器視覺 檢測
            数字孪生 故障诊断 | 數字孿生 故障診斷
            电池管理系统 均衡控制 | 電池管理系統 均衡控制
            增材制造 钛合金 | 增材製造 鈦合金
            """)
    void theTraditionalFormFindsTheSameTopTen(String simplified, String traditional) {
        assertThat(traditional).isNotEqualTo(simplified);

        List<String> bySimplified = topTen(simplified);
        List<String> byTraditional = topTen(traditional);

        assertThat(bySimplified).as("the query finds demo records").isNotEmpty();
        assertThat(byTraditional).isEqualTo(bySimplified);
    }

    private static List<String> topTen(String text) {
        return engine
                .search(new SearchQuery(
                        text, null, null, null, null, null, SearchQuery.Order.RELEVANCE, Searcher.VISITOR, 0, 10))
                .results()
                .stream()
                .map(hit -> hit.type() + ":" + hit.id() + ":" + hit.score())
                .toList();
    }
}
