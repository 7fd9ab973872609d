package org.bulwark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measured run of a command in a child JVM: wall time, peak resident memory (the kernel's
 * VmHWM, polled while it runs) and peak heap occupancy (the largest heap seen before a collection
 * in the JVM's own GC log).
 */
record ChildRun(long nanos, long peakRssBytes, long peakHeapBytes, String stdout) {
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    static ChildRun run(List<String> jvmOptions, List<String> mainAndArgs, Path scratch) throws IOException, InterruptedException {
        Path gcLog = Files.createTempFile(scratch, "gc", ".log");
        Path out = Files.createTempFile(scratch, "out", ".txt");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Xlog:gc:file=" + gcLog + "::filecount=0"); // no rotation: one log, read below
        command.addAll(mainAndArgs);
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long rss = 0;
        while (!p.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            rss = Math.max(rss, vmHwm(status));
        }
        long nanos = System.nanoTime() - start;
        if (p.exitValue() != 0) {
            throw new IllegalStateException("benchmark step failed (exit " + p.exitValue() + "): " + String.join(" ", command));
        }
        long heap = peakHeap(Files.readAllLines(gcLog));
        String stdout = Files.readString(out);
        Files.delete(gcLog);
        Files.delete(out);
        return new ChildRun(nanos, rss, heap, stdout);
    }

    private static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process ended between the poll and the read: keep the last figure.
        }
        return 0;
    }

    static long peakHeap(List<String> gcLog) {
        long peak = 0;
        for (String line : gcLog) {
            Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                peak = Math.max(peak, Long.parseLong(m.group(1)) << 20);
            }
        }
        return peak;
    }
}
