package org.mailsnap.bench;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Renders a run as the Markdown of {@code README.md}: circumstances, one table per step (each tool's row, then
 * mailsnap's ratio to each peer), the hourly series, the targets with PASS/MISS, the simulated hours.
 */
final class MarkdownReport {
    private static final String PEER_ORDER_NOTE = "ratios are mailsnap's figure divided by the peer's "
            + "(below 1 means mailsnap took less time, memory or space; for MB/s above 1 is better)";

    private MarkdownReport() {}

    static String render(ScenarioResults r) {
        StringBuilder md = new StringBuilder();
        String date = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(r.started());
        md.append("# mailsnap vs restic vs borg: ")
                .append(r.options().preset())
                .append(" store, ")
                .append(date)
                .append("\n\n");
        circumstances(md, r);
        Map<Step, Map<String, StepSummary>> summaries = StepSummary.of(r.steps());
        md.append("## Results\n\n")
                .append("Seconds are wall-clock time of the whole command (JVM or interpreter "
                        + "start included); peak RSS from `/usr/bin/time -v`; repository size is `du -sb` after the step; "
                        + PEER_ORDER_NOTE + ".\n\n");
        for (Step step : Step.values()) {
            Map<String, StepSummary> byTool = summaries.get(step);
            if (byTool == null) {
                continue;
            }
            if (step == Step.HOURLY) {
                hourlyTable(md, byTool);
            } else {
                stepTable(md, step, byTool);
            }
        }
        targets(md, r.targets());
        md.append("## Simulated hours\n\n");
        for (String line : r.churn()) {
            md.append("- ").append(line).append('\n');
        }
        md.append("\nEvery command, with its environment, is in `commands.txt`; every figure in `raw.json`.\n");
        return md.toString();
    }

    private static void circumstances(StringBuilder md, ScenarioResults r) {
        md.append("- **Date:** ")
                .append(DateTimeFormatter.ISO_INSTANT.format(r.started()))
                .append('\n');
        md.append("- **Machine:** ").append(r.machine()).append('\n');
        md.append("- **Store:** preset `")
                .append(r.options().preset())
                .append("`, seed ")
                .append(r.options().seed())
                .append(": ")
                .append(r.store().summary().mailboxes())
                .append(" mailboxes, ")
                .append(r.store().summary().folders())
                .append(" folders, ")
                .append(String.format(
                        Locale.ROOT,
                        "%,d messages, %,d files, %.1f MB",
                        r.store().summary().messages(),
                        r.store().summary().files(),
                        r.store().summary().bytes() / 1e6))
                .append(
                        r.store().generateSeconds() > 0
                                ? String.format(
                                        Locale.ROOT,
                                        " (generated in %.1f s)",
                                        r.store().generateSeconds())
                                : " (reused, untouched)")
                .append("; restored mailbox `")
                .append(r.store().firstMailbox())
                .append("`; largest folder ")
                .append(r.store().largestFolder())
                .append(" messages\n");
        md.append("- **Versions:**\n");
        r.versions()
                .forEach((tool, version) -> md.append("  - ")
                        .append(tool)
                        .append(": `")
                        .append(version.replace("\n", " / "))
                        .append("`\n"));
        r.absent()
                .forEach((tool, why) -> md.append("- **")
                        .append(tool)
                        .append(" not measured:** ")
                        .append(why)
                        .append('\n'));
        md.append("- **mailsnap lock mode:** `")
                .append(Mailsnap.LOCK_MODE)
                .append("` (a generated store has no "
                        + "Dovecot); its lock hold is the time the listing would hold Dovecot's lock\n");
        md.append("- **Settings:** restic and borg with their default caches in the work dir (`RESTIC_CACHE_DIR`, "
                + "`BORG_BASE_DIR`); borg `repokey-blake2`, `--compression zstd,3`; the page cache is warm "
                + "(nothing is dropped between steps); the tools run one after another, never together; before each "
                + "whole-store restore the runner syncs and waits `settledSeconds` (raw.json), so that no tool "
                + "pays for files another tool's restored copy freed just before\n");
        if (!r.rssMeasured()) {
            md.append("- **Peak RSS not measured:** `/usr/bin/time` is missing\n");
        }
        md.append("- **Command:** `").append(r.commandLine()).append("`\n\n");
    }

    private static void stepTable(StringBuilder md, Step step, Map<String, StepSummary> byTool) {
        md.append("### ").append(step.title()).append("\n\n");
        boolean throughput = step.throughputMeaningful();
        boolean repository = !step.restores();
        List<String> header = new ArrayList<>(List.of("tool", "seconds"));
        if (throughput) {
            header.add("MB/s");
        }
        header.add("peak RSS MB");
        if (repository) {
            header.addAll(List.of("repository MB", "growth MB"));
        }
        header.add("note");
        row(md, header);
        separator(md, header.size());
        for (StepSummary s : byTool.values()) {
            List<String> cells = new ArrayList<>(List.of(s.tool(), number(s.seconds())));
            if (throughput) {
                cells.add(number(s.megabytesPerSecond()));
            }
            cells.add(number(s.rssKb() < 0 ? Double.NaN : s.rssKb() * 1024 / 1e6));
            if (repository) {
                cells.add(number(s.repoBytes() < 0 ? Double.NaN : s.repoBytes() / 1e6));
                cells.add(number(s.growthBytes() / 1e6));
            }
            cells.add(s.error() == null ? "" : "FAILED: " + s.error());
            row(md, cells);
        }
        StepSummary ours = byTool.get("mailsnap");
        for (StepSummary peer : byTool.values()) {
            if (ours == null || peer.tool().equals(ours.tool())) {
                continue;
            }
            List<String> cells =
                    new ArrayList<>(List.of("mailsnap / " + peer.tool(), ratio(ours, peer, StepSummary::seconds)));
            if (throughput) {
                cells.add(ratio(ours, peer, StepSummary::megabytesPerSecond));
            }
            cells.add(ratio(ours, peer, s -> s.rssKb() < 0 ? Double.NaN : s.rssKb()));
            if (repository) {
                cells.add(ratio(ours, peer, s -> s.repoBytes() < 0 ? Double.NaN : s.repoBytes()));
                cells.add(ratio(ours, peer, StepSummary::growthBytes));
            }
            cells.add("");
            row(md, cells);
        }
        md.append('\n');
    }

    private static void hourlyTable(StringBuilder md, Map<String, StepSummary> byTool) {
        int runs = byTool.values().stream().mapToInt(StepSummary::runs).max().orElse(0);
        md.append("### ").append(Step.HOURLY.title()).append(" (").append(runs).append(" hours)\n\n");
        List<String> header = List.of(
                "tool",
                "hours",
                "median seconds",
                "max seconds",
                "peak RSS MB",
                "growth MB per hour",
                "repository MB after",
                "note");
        row(md, header);
        separator(md, header.size());
        for (StepSummary s : byTool.values()) {
            row(
                    md,
                    List.of(
                            s.tool(),
                            Integer.toString(s.runs()),
                            number(s.seconds()),
                            number(s.maxSeconds()),
                            number(s.rssKb() < 0 ? Double.NaN : s.rssKb() * 1024 / 1e6),
                            number(s.growthBytes() / 1e6),
                            number(s.repoBytes() < 0 ? Double.NaN : s.repoBytes() / 1e6),
                            s.error() == null ? "" : "FAILED: " + s.error()));
        }
        StepSummary ours = byTool.get("mailsnap");
        for (StepSummary peer : byTool.values()) {
            if (ours != null && !peer.tool().equals(ours.tool())) {
                row(
                        md,
                        List.of(
                                "mailsnap / " + peer.tool(),
                                "",
                                ratio(ours, peer, StepSummary::seconds),
                                ratio(ours, peer, StepSummary::maxSeconds),
                                ratio(ours, peer, s -> s.rssKb() < 0 ? Double.NaN : s.rssKb()),
                                ratio(ours, peer, StepSummary::growthBytes),
                                ratio(ours, peer, s -> s.repoBytes() < 0 ? Double.NaN : s.repoBytes()),
                                ""));
            }
        }
        md.append('\n');
    }

    static void targets(StringBuilder md, List<TargetCheck> checks) {
        md.append("## Targets (targets.md)\n\n");
        md.append("The verdict compares with restic, against which targets.md states each limit; the last column "
                + "applies the same limit to borg.\n\n");
        List<String> header = List.of(
                "target", "limit", "mailsnap / restic", "mailsnap / borg", "verdict", "note", "same limit vs borg");
        row(md, header);
        separator(md, header.size());
        for (TargetCheck c : checks) {
            row(
                    md,
                    List.of(
                            c.target(),
                            c.limit(),
                            times(c.ratioToRestic()),
                            times(c.ratioToBorg()),
                            "**" + c.verdict() + "**",
                            c.note(),
                            c.verdictVsBorg().toString()));
        }
        md.append('\n');
    }

    private static String ratio(StepSummary ours, StepSummary peer, ToDoubleFunction<StepSummary> figure) {
        double theirs = figure.applyAsDouble(peer);
        double mine = figure.applyAsDouble(ours);
        if (ours.runs() == 0 || peer.runs() == 0 || Double.isNaN(mine) || Double.isNaN(theirs) || theirs == 0) {
            return "—";
        }
        return times(mine / theirs);
    }

    private static String times(Double ratio) {
        return ratio == null || ratio.isNaN() || ratio.isInfinite() ? "—" : Targets.format(ratio) + "×";
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "—" : Targets.format(value);
    }

    private static void row(StringBuilder md, List<String> cells) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(cell.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        md.append('\n');
    }

    private static void separator(StringBuilder md, int columns) {
        md.append('|').append("---|".repeat(columns)).append('\n');
    }
}
