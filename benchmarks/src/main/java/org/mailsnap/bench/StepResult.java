package org.mailsnap.bench;

import java.util.Map;

/**
 * One tool's run of one step (for {@link Step#HOURLY}, of one hour).
 *
 * @param hour        1-based hour of the hourly series; 0 for the other steps
 * @param seconds     wall-clock time of the command, JVM or interpreter start included
 * @param rssKb       peak resident set size, -1 when not measured
 * @param exitCode    the command's exit code
 * @param repoBytes   the repository's size after the step (apparent bytes, {@code du -sb}); -1 for a restore
 * @param growthBytes the repository's growth during the step
 * @param dataBytes   bytes the step had to move, for MB/s: the whole store for the initial backup, the restored
 *                    mailbox for a restore; 0 otherwise
 * @param error       why the step failed, or null
 * @param details     further facts: mailsnap's JSON output, the restore's verification
 */
record StepResult(
        Step step,
        int hour,
        String tool,
        double seconds,
        long rssKb,
        int exitCode,
        long repoBytes,
        long growthBytes,
        long dataBytes,
        String error,
        Map<String, Object> details) {

    boolean succeeded() {
        return error == null;
    }

    /** A step that could not run because an earlier step of the same tool failed. */
    static StepResult skipped(Step step, int hour, String tool, String reason) {
        return new StepResult(step, hour, tool, Double.NaN, -1, -1, -1, 0, 0, reason, Map.of());
    }
}
