package bench;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.huaban.analysis.jieba.JiebaSegmenter;
import java.nio.file.*;
import java.text.Normalizer;
import java.util.*;
import java.util.function.Function;
import java.util.regex.*;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;
import org.apache.lucene.document.*;
import org.apache.lucene.index.*;
import org.apache.lucene.search.*;
import org.apache.lucene.store.ByteBuffersDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Segmenters compared on the CSL sample: author keywords kept whole, speed, and P@10 / nDCG@10 of the matching protocol. */
public class Measure {
    record Paper(String title, String text, List<String> keywords, String discipline) {}

    static String norm(String s) {
        return ZhConverterUtil.toSimple(Normalizer.normalize(s, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
    }
    static boolean han(char c) { return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN; }
    static final Pattern LATIN = Pattern.compile("[\\p{L}\\p{N}&&[^\\p{IsHan}]]+(?:[./\\-_][\\p{L}\\p{N}&&[^\\p{IsHan}]]+)*");

    /** tokens of text: segmenter words of Han runs (if words), bigrams (if bigrams), Latin terms */
    static List<String> tokens(String text, Function<String, List<String>> seg, boolean words, boolean bigrams) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (han(text.charAt(i))) {
                int e = i; while (e < text.length() && han(text.charAt(e))) e++;
                String run = text.substring(i, e);
                if (words) out.addAll(seg.apply(run));
                if (bigrams) { for (int k = 0; k + 1 < run.length(); k++) out.add(run.substring(k, k + 2)); if (run.length() == 1 && !words) out.add(run); }
                i = e;
            } else {
                Matcher m = LATIN.matcher(text).region(i, text.length());
                if (m.lookingAt()) { out.add(m.group()); i = m.end(); } else i++;
            }
        }
        return out;
    }

    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<Paper> papers = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args.length > 0 ? args[0] : "../../../shared/data/eval/csl-dev.jsonl"))) {
            JsonNode n = json.readTree(line);
            List<String> kws = new ArrayList<>();
            n.get("keywords").forEach(k -> kws.add(norm(k.asString())));
            papers.add(new Paper(norm(n.get("title").asString()), norm(n.get("title").asString() + "。" + n.get("abstract").asString()), kws, n.get("discipline").asString()));
        }
        Map<String, Function<String, List<String>>> segs = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        HHMMSegmenter smart = new HHMMSegmenter(); smart.process("初始化");
        long tSmart = System.nanoTime() - t0;
        segs.put("smartcn", run -> { List<String> w = new ArrayList<>(); for (SegToken t : smart.process(run)) if (t.wordType > 1) w.add(run.substring(t.startOffset, t.endOffset)); return w; });
        t0 = System.nanoTime();
        JiebaSegmenter jieba = new JiebaSegmenter(); jieba.process("初始化", JiebaSegmenter.SegMode.SEARCH);
        long tJieba = System.nanoTime() - t0;
        segs.put("jieba-search", run -> jieba.process(run, JiebaSegmenter.SegMode.SEARCH).stream().map(t -> t.word).toList());
        segs.put("jieba-index", run -> jieba.process(run, JiebaSegmenter.SegMode.INDEX).stream().map(t -> t.word).toList());
        t0 = System.nanoTime();
        Segment hanlp = HanLP.newSegment(); hanlp.seg("初始化");
        long tHanlp = System.nanoTime() - t0;
        Segment hanlpIndex = HanLP.newSegment().enableIndexMode(true);
        segs.put("hanlp", run -> hanlp.seg(run).stream().map(t -> t.word).toList());
        segs.put("hanlp-index", run -> hanlpIndex.seg(run).stream().map(t -> t.word).toList());
        System.out.printf("init ms: smartcn %d, jieba %d, hanlp %d%n", tSmart / 1_000_000, tJieba / 1_000_000, tHanlp / 1_000_000);

        // A. keyword wholeness and speed
        long chars = papers.stream().mapToLong(p -> p.text().length()).sum();
        for (var e : segs.entrySet()) {
            int found = 0, whole = 0;
            long start = System.nanoTime();
            List<List<String>> all = new ArrayList<>();
            for (Paper p : papers) all.add(tokens(p.text(), e.getValue(), true, false));
            long ns = System.nanoTime() - start;
            for (int i = 0; i < papers.size(); i++) {
                Set<String> set = new HashSet<>(all.get(i));
                for (String k : papers.get(i).keywords()) {
                    if (k.length() >= 2 && k.chars().allMatch(c -> han((char) c)) && papers.get(i).text().contains(k)) {
                        found++; if (set.contains(k)) whole++;
                    }
                }
            }
            System.out.printf("%-13s keywords kept whole %d/%d = %.3f; %.0f kchars/s%n", e.getKey(), whole, found, (double) whole / found, chars / (ns / 1e9) / 1000);
        }
        // B. retrieval protocol
        List<String[]> variants = new ArrayList<>();
        variants.add(new String[] {"bigrams only", "smartcn", "false", "true"});
        for (String s : segs.keySet()) {
            variants.add(new String[] {s + " words", s, "true", "false"});
            variants.add(new String[] {s + " + bigrams", s, "true", "true"});
        }
        for (String[] v : variants) retrieval(v[0], papers, segs.get(v[1]), Boolean.parseBoolean(v[2]), Boolean.parseBoolean(v[3]));
    }

    static void retrieval(String name, List<Paper> papers, Function<String, List<String>> seg, boolean words, boolean bigrams) throws Exception {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (int i = 0; i < papers.size(); i++) {
                Paper p = papers.get(i);
                Document d = new Document();
                d.add(new StoredField("i", i));
                d.add(new TextField("t", String.join(" ", tokens(p.text() + "。" + String.join("。", p.keywords()), seg, words, bigrams)), Field.Store.NO));
                w.addDocument(d);
            }
        }
        double p10 = 0, ndcg = 0;
        try (DirectoryReader r = DirectoryReader.open(dir)) {
            IndexSearcher s = new IndexSearcher(r);
            Map<String, Long> perDiscipline = new HashMap<>();
            papers.forEach(p -> perDiscipline.merge(p.discipline(), 1L, Long::sum));
            for (int i = 0; i < papers.size(); i++) {
                BooleanQuery.Builder q = new BooleanQuery.Builder();
                for (String t : new LinkedHashSet<>(tokens(papers.get(i).title(), seg, words, bigrams))) q.add(new TermQuery(new Term("t", t)), BooleanClause.Occur.SHOULD);
                TopDocs top = s.search(q.build(), 11);
                int rank = 0, hits = 0; double dcg = 0;
                for (ScoreDoc sd : top.scoreDocs) {
                    int j = s.storedFields().document(sd.doc).getField("i").numericValue().intValue();
                    if (j == i) continue;
                    if (rank == 10) break;
                    if (papers.get(j).discipline().equals(papers.get(i).discipline())) { hits++; dcg += 1 / (Math.log(rank + 2) / Math.log(2)); }
                    rank++;
                }
                long rel = Math.min(10, perDiscipline.get(papers.get(i).discipline()) - 1);
                double idcg = 0; for (int k = 0; k < rel; k++) idcg += 1 / (Math.log(k + 2) / Math.log(2));
                p10 += hits / 10.0; ndcg += idcg == 0 ? 0 : dcg / idcg;
            }
        }
        System.out.printf("%-24s P@10 %.3f nDCG@10 %.3f%n", name, p10 / papers.size(), ndcg / papers.size());
    }
}
