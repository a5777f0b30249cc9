package org.kechuang.imports;

import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Locale;
import javax.sql.DataSource;
import org.kechuang.KechuangApplication;
import org.kechuang.support.BenchRun;
import org.kechuang.support.HeapPeak;
import org.postgresql.PGConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark, not a test: imports a generated CSV of achievements (1,000,000 rows by default) through the pipeline
 * into a fresh embedded PostgreSQL, then {@code COPY}s the same file into a plain table in the same database, and
 * prints rows per second of both, their ratio and the peak heap. Run with {@code bench/import-benchmark.sh} (which
 * sets {@code -Xmx1g}); never part of {@code ./mvnw verify}.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Path.of("target/bench");
        Files.createDirectories(dir);
        Path csv = dir.resolve("achievements-" + rows + ".csv");
        if (!Files.exists(csv)) {
            generate(csv, rows);
        }
        System.out.printf(Locale.ROOT, "file: %s, %d rows, %.1f MB%n", csv, rows, Files.size(csv) / 1e6);

        SpringApplication application = new SpringApplication(KechuangApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        BenchRun run = BenchRun.fresh();
        // the demo's stations and accounts without its generated records: their seeding, and the search and matching
        // indexes taking them up, would otherwise run beside the import (the matching index learns its vectors at
        // start)
        try (ConfigurableApplicationContext context = application.run(run.arguments(
                "--kechuang.demo.demands=0",
                "--kechuang.demo.achievements=0",
                "--kechuang.demo.experts=0",
                "--kechuang.demo.cases=0"))) {
            ImportService imports = context.getBean(ImportService.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            // the fresh index is built from the demo records at start: let that finish before the clock starts
            org.kechuang.search.SearchEngine engine = context.getBean(org.kechuang.search.SearchEngine.class);
            await().atMost(Duration.ofMinutes(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !engine.needsRebuild());
            // and whatever else the start left running in the background (the matching index's first training,
            // events of the seeding): the clock starts once the process has used less than 5 % of a processor for 3 s
            awaitIdle();
            long indexedBefore = engine.count();
            long postmaster = CpuTime.parent(
                    jdbc.sql("select pg_backend_pid()").query(Long.class).single());
            HeapPeak heap = HeapPeak.start();

            CpuTime cpuBefore = CpuTime.now(postmaster);
            double importThreadsBefore = importThreadsCpu();
            java.util.Map<String, Double> threadsBefore = threadCpu();
            long start = System.nanoTime();
            long batch = imports.submitAsPlatform(
                    "achievement", "zju", csv.getFileName().toString(), csv);
            long staged = System.nanoTime();
            ImportBatch done = await().atMost(Duration.ofHours(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> imports.batch(batch), found -> found.status().finished());
            long finished = System.nanoTime();
            CpuTime pipelineCpu = CpuTime.now(postmaster).minus(cpuBefore);
            double importThreads = importThreadsCpu() - importThreadsBefore;
            java.util.Map<String, Double> threadsAfter = threadCpu();
            StringBuilder busiest = new StringBuilder();
            threadsAfter.entrySet().stream()
                    .map(e ->
                            java.util.Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0.0)))
                    .sorted(java.util.Map.Entry.<String, Double>comparingByValue()
                            .reversed())
                    .limit(8)
                    .forEach(e -> busiest.append(String.format(Locale.ROOT, " %s %.1f s;", e.getKey(), e.getValue())));
            heap.stop();
            if (done.accepted() != rows) {
                throw new IllegalStateException("expected " + rows + " accepted rows, got " + done);
            }
            double pipelineSeconds = (finished - start) / 1e9;
            double pipelineRate = rows / pipelineSeconds;

            // the search and matching indexes follow after commit, through the event publication registry, once the
            // bulk write has paused (ADR 0015): how long until the search index holds every imported record, and until
            // every publication completed (matching too), measured separately from the import
            // -Dbench.follow=false skips that wait (for quick runs of the import alone)
            boolean follow = Boolean.parseBoolean(System.getProperty("bench.follow", "true"));
            long indexWaitStart = System.nanoTime();
            long expected = indexedBefore + rows;
            await().atMost(Duration.ofHours(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !follow || engine.count() >= expected);
            long searchCaughtUp = System.nanoTime();
            long indexed = engine.count();
            boolean allDone;
            try {
                if (!follow) {
                    throw new org.awaitility.core.ConditionTimeoutException("not followed (-Dbench.follow=false)");
                }
                await().atMost(Duration.ofMinutes(20))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                        .query(Long.class)
                                        .single()
                                == 0);
                allDone = true;
            } catch (org.awaitility.core.ConditionTimeoutException notYet) {
                allDone = false;
            }
            long indexCaughtUp = System.nanoTime();

            jdbc.sql("create table bench_copy (source_id text, title text, description text, keywords text)")
                    .update();
            long copied;
            CpuTime copyCpuBefore = CpuTime.now(postmaster);
            long copyStart = System.nanoTime();
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                    Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                copied = connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("copy bench_copy from stdin with (format csv, header true)", reader);
            }
            double copySeconds = (System.nanoTime() - copyStart) / 1e9;
            CpuTime copyCpu = CpuTime.now(postmaster).minus(copyCpuBefore);
            double copyRate = copied / copySeconds;

            // the same rows COPYed into a table like the one the import fills (its columns, checks, defaults and
            // indexes), from a file in that table's shape written beforehand (not timed): what storing these records
            // costs the database alone
            Path shaped = dir.resolve("achievements-" + rows + "-shaped.tsv");
            shape(csv, shaped);
            jdbc.sql("create table bench_achievement (like achievement including all)")
                    .update();
            long tableCopied;
            CpuTime tableCopyCpuBefore = CpuTime.now(postmaster);
            long tableCopyStart = System.nanoTime();
            try (Connection connection = context.getBean(DataSource.class).getConnection();
                    Reader reader = Files.newBufferedReader(shaped, StandardCharsets.UTF_8)) {
                tableCopied = connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn(
                                "copy bench_achievement (title, title_key, description, keywords, station_id,"
                                        + " source_system, source_id, status, created_at, updated_at) from stdin",
                                reader);
            }
            double tableCopySeconds = (System.nanoTime() - tableCopyStart) / 1e9;
            CpuTime tableCopyCpu = CpuTime.now(postmaster).minus(tableCopyCpuBefore);
            double tableCopyRate = tableCopied / tableCopySeconds;
            Files.delete(shaped);

            System.out.printf(
                    Locale.ROOT,
                    "pipeline: %d rows in %.1f s (staging %.1f s, applying %.1f s) = %.0f rows/s%n",
                    rows,
                    pipelineSeconds,
                    (staged - start) / 1e9,
                    (finished - staged) / 1e9,
                    pipelineRate);
            System.out.printf(
                    Locale.ROOT, "COPY:     %d rows in %.1f s = %.0f rows/s%n", copied, copySeconds, copyRate);
            System.out.printf(
                    Locale.ROOT,
                    "COPY:     %d rows in %.1f s = %.0f rows/s into a table like achievement (its checks and %d"
                            + " indexes)%n",
                    tableCopied,
                    tableCopySeconds,
                    tableCopyRate,
                    jdbc.sql("select count(*) from pg_indexes where tablename = 'bench_achievement'")
                            .query(Long.class)
                            .single());
            System.out.printf(
                    Locale.ROOT,
                    "ratio:    pipeline = %.1f%% of COPY into a plain table, %.1f%% of COPY into a table like"
                            + " achievement%n",
                    100 * pipelineRate / copyRate,
                    100 * pipelineRate / tableCopyRate);
            System.out.printf(
                    Locale.ROOT,
                    "search:   every imported record searchable %.1f s after the batch completed (%.1f s after"
                            + " upload), %d documents in the index%n",
                    (searchCaughtUp - indexWaitStart) / 1e9,
                    (searchCaughtUp - start) / 1e9,
                    indexed);
            System.out.printf(
                    Locale.ROOT,
                    "events:   %s %.1f s after the batch completed (search and matching indexes)%n",
                    allDone ? "every publication completed" : "publications still open",
                    (indexCaughtUp - indexWaitStart) / 1e9);
            System.out.printf(
                    Locale.ROOT,
                    "cpu:      pipeline %s, of which the reading thread and the import workers %.1f s; COPY into the"
                            + " plain table %s; COPY into a table like achievement %s (processor seconds; load average"
                            + " %.1f at the end)%n",
                    pipelineCpu,
                    importThreads,
                    copyCpu,
                    tableCopyCpu,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            System.out.println("threads:  the busiest Java threads during the pipeline (processor time):" + busiest);
            System.out.println("heap:     " + heap.report());
        }
        // the context is closed and the embedded server stopped: the run's database and index go
        run.delete();
    }

    /** Processor seconds of every live Java thread by name (names made unique with the thread id). */
    private static java.util.Map<String, Double> threadCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Double> cpu = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                cpu.put(
                        info.getThreadName() + "#" + info.getThreadId(),
                        Math.max(0, threads.getThreadCpuTime(info.getThreadId())) / 1e9);
            }
        }
        return cpu;
    }

    /** Processor seconds of the thread that reads the file (this one) and of the import workers so far. */
    private static double importThreadsCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = threads.getCurrentThreadCpuTime();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("import-worker-")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total / 1e9;
    }

    private static void awaitIdle() {
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long[] last = {os.getProcessCpuTime(), System.nanoTime()};
        long waitStart = System.nanoTime();
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    long cpu = os.getProcessCpuTime();
                    long now = System.nanoTime();
                    double share = (double) (cpu - last[0]) / (now - last[1]);
                    last[0] = cpu;
                    last[1] = now;
                    return share < 0.05;
                });
        System.out.printf(
                Locale.ROOT,
                "start:    the application was idle %.1f s after the index was ready%n",
                (System.nanoTime() - waitStart) / 1e9);
    }

    /** The generated rows in the achievement table's shape, as {@code COPY}'s text format. */
    private static void shape(Path csv, Path shaped) throws IOException {
        String now = java.time.OffsetDateTime.now().toString();
        try (var lines = Files.lines(csv, StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(shaped, StandardCharsets.UTF_8)) {
            var rows = lines.skip(1).iterator();
            while (rows.hasNext()) {
                // the generated file quotes nothing and has no comma inside a cell
                String[] cells = rows.next().split(",", 4);
                String keywords = "{" + String.join(",", cells[3].split(";")) + "}";
                out.write(String.join(
                        "\t", cells[1], cells[1], cells[2], keywords, "1", "import", cells[0], "PUBLISHED", now, now));
                out.write('\n');
            }
        }
    }

    private static void generate(Path csv, int rows) throws IOException {
        String[] words = {"图神经网络", "交通流", "预测", "新能源", "储能", "电池", "材料", "传感器", "精密加工", "工业软件", "芯片", "封装"};
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("来源编号,成果名称,成果摘要,关键词\n");
            for (int i = 0; i < rows; i++) {
                String a = words[i % words.length];
                String b = words[(i / words.length) % words.length];
                out.write("bench-" + i + ",基于" + a + "的" + b + "技术 " + i + ",本成果提出一种面向" + a + "与" + b
                        + "的系统方法，在实验中将关键指标提升约 " + (i % 50) + "%，已在多家企业完成中试验证，可通过技术转让、许可或合作开发方式转化。"
                        + "适用于制造、能源与交通等领域的场景，具备良好的推广前景。编号 " + i + "," + a + ";" + b + "\n");
            }
        }
    }

    /**
     * Processor time used by this JVM and by the benchmark's PostgreSQL server (its postmaster and its children), read
     * from {@code /proc}. Unlike the
     * wall-clock figures it hardly depends on what else runs on the machine. Backends that exited in between are not
     * counted (the pool's connections live through the run).
     */
    record CpuTime(double jvm, double postgres) {

        /** The parent of a process (a backend's parent is the server's postmaster). */
        static long parent(long pid) {
            try {
                return Long.parseLong(fields(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))[1]);
            } catch (IOException | RuntimeException noProc) {
                return -1;
            }
        }

        /** The fields of a {@code /proc/PID/stat} line after the process's name: state [0], parent [1], … */
        private static String[] fields(String stat) {
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        }

        static CpuTime now(long postmaster) {
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            double postgres = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String name = process.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String[] fields = fields(Files.readString(process.resolve("stat")));
                        // the benchmark's own server only: its postmaster and that one's children (other builds on
                        // the machine run servers of their own)
                        if (Long.parseLong(name) != postmaster && Long.parseLong(fields[1]) != postmaster) {
                            continue;
                        }
                        // utime [11], stime [12] in clock ticks (100 per second)
                        postgres += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
                    } catch (IOException | RuntimeException gone) {
                        // the process ended while being read
                    }
                }
            } catch (IOException noProc) {
                postgres = Double.NaN;
            }
            return new CpuTime(os.getProcessCpuTime() / 1e9, postgres);
        }

        CpuTime minus(CpuTime before) {
            return new CpuTime(jvm - before.jvm, postgres - before.postgres);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f s (java %.1f, postgres %.1f)", jvm + postgres, jvm, postgres);
        }
    }
}
