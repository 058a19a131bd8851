package org.mailsnap.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tool's figures for one step, the hourly series folded into one row: the median time (a week of hours has
 * outliers), the highest peak RSS, the mean growth per hour and the repository after the last hour.
 *
 * @param runs  how many runs were folded (1 for a single step); failed runs are not folded in
 * @param error the first failure among the runs, or null
 */
record StepSummary(
        Step step,
        String tool,
        int runs,
        double seconds,
        double maxSeconds,
        long rssKb,
        long repoBytes,
        double growthBytes,
        long dataBytes,
        String error) {

    /** Throughput in MB/s (10^6 bytes), NaN where it means nothing. */
    double megabytesPerSecond() {
        return step.throughputMeaningful() && dataBytes > 0 && seconds > 0 ? dataBytes / 1e6 / seconds : Double.NaN;
    }

    /** Summaries by step, then by tool in the order the results name them. */
    static Map<Step, Map<String, StepSummary>> of(List<StepResult> results) {
        Map<Step, Map<String, List<StepResult>>> grouped = new LinkedHashMap<>();
        for (StepResult r : results) {
            grouped.computeIfAbsent(r.step(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(r.tool(), t -> new ArrayList<>())
                    .add(r);
        }
        Map<Step, Map<String, StepSummary>> summaries = new LinkedHashMap<>();
        grouped.forEach((step, byTool) -> byTool.forEach((tool, runs) ->
                summaries.computeIfAbsent(step, s -> new LinkedHashMap<>()).put(tool, fold(step, tool, runs))));
        return summaries;
    }

    static StepSummary fold(Step step, String tool, List<StepResult> runs) {
        String error = runs.stream()
                .filter(r -> !r.succeeded())
                .map(r -> (r.hour() > 0 ? "hour " + r.hour() + ": " : "") + r.error())
                .findFirst()
                .orElse(null);
        List<StepResult> ok = runs.stream().filter(StepResult::succeeded).toList();
        if (ok.isEmpty()) {
            return new StepSummary(step, tool, 0, Double.NaN, Double.NaN, -1, -1, Double.NaN, 0, error);
        }
        double[] seconds = ok.stream().mapToDouble(StepResult::seconds).sorted().toArray();
        StepResult last =
                ok.stream().max(Comparator.comparingInt(StepResult::hour)).orElseThrow();
        return new StepSummary(
                step,
                tool,
                ok.size(),
                median(seconds),
                seconds[seconds.length - 1],
                ok.stream().mapToLong(StepResult::rssKb).max().orElse(-1),
                last.repoBytes(),
                ok.stream().mapToLong(StepResult::growthBytes).average().orElse(Double.NaN),
                ok.stream().mapToLong(StepResult::dataBytes).max().orElse(0),
                error);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
