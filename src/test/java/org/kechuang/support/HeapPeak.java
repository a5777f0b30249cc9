package org.kechuang.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For benchmarks: the largest heap in use while something ran, sampled every 20 ms, and the heap pools' own peaks
 * (reset at the start).
 */
public final class HeapPeak {
    private final AtomicLong max = new AtomicLong();
    private ScheduledExecutorService sampler;

    private HeapPeak() {}

    public static HeapPeak start() {
        HeapPeak peak = new HeapPeak();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        peak.sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon(true).factory());
        peak.sampler.scheduleAtFixedRate(
                () -> peak.max.accumulateAndGet(
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max),
                0,
                20,
                TimeUnit.MILLISECONDS);
        return peak;
    }

    public void stop() throws InterruptedException {
        sampler.shutdown();
        sampler.awaitTermination(1, TimeUnit.MINUTES);
    }

    public long sampled() {
        return max.get();
    }

    public long poolPeaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    /** Both peaks and the maximum heap, in MiB, for a benchmark's report. */
    public String report() {
        return String.format(
                java.util.Locale.ROOT,
                "peak used %.0f MiB (sampled), %.0f MiB (sum of pool peaks), max %.0f MiB",
                sampled() / 1048576.0,
                poolPeaks() / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }
}
