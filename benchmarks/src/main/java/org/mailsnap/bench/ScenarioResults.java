package org.mailsnap.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one run measured and the circumstances needed to judge and repeat it.
 *
 * @param started  when the run began (UTC)
 * @param versions tool (and {@code java}) → its version text
 * @param absent   tool → why it was not measured
 * @param churn    one line per simulated hour: its step, seed and what it did
 * @param targets  targets.md judged on this run
 * @param commandLine the runner's own arguments
 */
record ScenarioResults(
        Instant started,
        RunnerOptions options,
        String commandLine,
        Machine machine,
        Map<String, String> versions,
        Map<String, String> absent,
        PreparedStore store,
        List<String> churn,
        List<StepResult> steps,
        List<TargetCheck> targets,
        boolean rssMeasured) {}
