package org.mailsnap.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds step results for the tests of the pure parts: one tool's figures, step by step. */
final class Results {
    private final List<StepResult> results = new ArrayList<>();

    Results add(Step step, String tool, double seconds, long rssKb, long repoBytes, long growthBytes) {
        return add(step, 0, tool, seconds, rssKb, repoBytes, growthBytes, Map.of());
    }

    Results add(
            Step step,
            int hour,
            String tool,
            double seconds,
            long rssKb,
            long repoBytes,
            long growthBytes,
            Map<String, Object> details) {
        long data = step == Step.INITIAL
                ? 1_000_000_000L
                : step == Step.RESTORE ? 50_000_000L : step == Step.RESTORE_STORE ? 1_000_000_000L : 0;
        results.add(new StepResult(step, hour, tool, seconds, rssKb, 0, repoBytes, growthBytes, data, null, details));
        return this;
    }

    Results failed(Step step, String tool, String error) {
        results.add(new StepResult(step, 0, tool, 9.9, 1000, 1, 5, 5, 0, error, Map.of()));
        return this;
    }

    List<StepResult> list() {
        return List.copyOf(results);
    }

    /**
     * A run where mailsnap takes a fifth of restic's time everywhere, and borg is slower than restic: every
     * ratio target passes against restic, and borg is never the one that makes it miss.
     */
    static Results typical() {
        Map<String, Object> lock = Map.of("lockHoldMaxMillis", 12.5, "storedBytes", 40_000L);
        Results r = new Results();
        for (String tool : List.of("mailsnap", "restic", "borg")) {
            double factor = switch (tool) {
                case "mailsnap" -> 0.2;
                case "restic" -> 1.0;
                default -> 1.25;
            };
            long rss = tool.equals("mailsnap") ? 100_000 : 200_000;
            long repo = tool.equals("mailsnap") ? 800_000_000L : 1_000_000_000L;
            long renameGrowth = tool.equals("mailsnap") ? 4_000 : 4_000_000;
            Map<String, Object> details = tool.equals("mailsnap") ? lock : Map.of();
            r.add(Step.INITIAL, 0, tool, 20 * factor, rss, repo, repo, details);
            r.add(Step.NO_CHANGE, 0, tool, 3 * factor, rss, repo, 100, details);
            r.add(Step.CHURN, 0, tool, 4 * factor, rss, repo + 50_000, 50_000, details);
            r.add(Step.RENAMES, 0, tool, 4 * factor, rss, repo + 54_000, renameGrowth, details);
            for (int hour = 1; hour <= 3; hour++) {
                r.add(Step.HOURLY, hour, tool, (3 + hour) * factor, rss, repo + 60_000L * hour, 60_000, details);
            }
            r.add(Step.RESTORE, 0, tool, 2 * factor, rss, -1, 0, Map.of());
            r.add(Step.RESTORE_STORE, 0, tool, 30 * factor, rss, -1, 0, Map.of());
        }
        return r;
    }
}
