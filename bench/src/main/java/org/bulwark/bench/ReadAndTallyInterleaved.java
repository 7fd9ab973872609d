package org.bulwark.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link ReadAndTallyBenchmark}'s operations run in turn (token stream, read, read and tally, then
 * again), timed by the thread's CPU time as well as the wall clock. JMH runs one benchmark after the
 * other, so on a shared, busy machine a burst of load can hit one and spare the next, and the ratio of
 * their wall times measures the load; taking turns and counting CPU time gives a ratio that survives
 * it. Run: {@code java -cp bench/target/bulwark-bench.jar org.bulwark.bench.ReadAndTallyInterleaved [rounds]}.
 */
public final class ReadAndTallyInterleaved {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReadAndTallyInterleaved() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int warmup = 5;
        ReadAndTallyBenchmark bench = new ReadAndTallyBenchmark();
        bench.ballots = 20_000;
        bench.setUp();
        Blackhole hole = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        String[] names = {"tokenStream", "readCvrs", "readAndTally"};
        long[][] cpu = new long[names.length][rounds];
        long[][] wall = new long[names.length][rounds];
        for (int r = -warmup; r < rounds; r++) {
            for (int b = 0; b < names.length; b++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                switch (b) {
                    case 0 -> hole.consume(bench.tokenStream());
                    case 1 -> bench.readCvrs(hole);
                    default -> hole.consume(bench.readAndTally());
                }
                if (r >= 0) {
                    cpu[b][r] = THREADS.getCurrentThreadCpuTime() - c0;
                    wall[b][r] = System.nanoTime() - w0;
                }
            }
        }
        long baseCpu = median(cpu[0]);
        long baseWall = median(wall[0]);
        System.out.printf(Locale.ROOT, "%d ballots per operation, %d rounds after %d warm-up rounds, medians%n",
                bench.ballots, rounds, warmup);
        System.out.printf(Locale.ROOT, "%-14s %10s %12s %10s %10s%n", "operation", "CPU ms", "ballots/s CPU", "vs tokens", "wall vs");
        for (int b = 0; b < names.length; b++) {
            long c = median(cpu[b]);
            long w = median(wall[b]);
            System.out.printf(Locale.ROOT, "%-14s %10.1f %12.0f %9.2fx %9.2fx%n", names[b], c / 1e6,
                    bench.ballots / (c / 1e9), (double) c / baseCpu, (double) w / baseWall);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
