package org.mailsnap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.mailsnap.cli.Json;

/**
 * {@code raw.json}: every figure of a run, one object per tool and step (each hour separately), plus the
 * circumstances and the targets; and reading back a baseline's peak RSS from an earlier run's file.
 */
final class RawJson {
    private RawJson() {}

    static String render(ScenarioResults r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("started", r.started().toString());
        root.put("commandLine", r.commandLine());
        root.put("preset", r.options().preset());
        root.put("seed", r.options().seed());
        root.put("hours", (long) r.options().hours());
        root.put("mailsnapLockMode", Mailsnap.LOCK_MODE);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("processors", (long) r.machine().processors());
        machine.put("memoryBytes", r.machine().memoryBytes());
        machine.put("cpuModel", r.machine().cpuModel());
        machine.put("kernel", r.machine().kernel());
        machine.put("loadAverageAtStart", r.machine().loadAverage());
        root.put("machine", machine);
        root.put("versions", new LinkedHashMap<>(r.versions()));
        root.put("absent", new LinkedHashMap<>(r.absent()));
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("path", r.store().root().toString());
        store.put("spec", r.options().spec().toString());
        store.put("mailboxes", (long) r.store().summary().mailboxes());
        store.put("folders", (long) r.store().summary().folders());
        store.put("messages", r.store().summary().messages());
        store.put("files", r.store().summary().files());
        store.put("bytes", r.store().summary().bytes());
        store.put("generateSeconds", r.store().generateSeconds());
        store.put("firstMailbox", r.store().firstMailbox());
        store.put("largestFolderMessages", r.store().largestFolder());
        root.put("store", store);
        root.put("churn", new ArrayList<Object>(r.churn()));
        List<Object> steps = new ArrayList<>();
        for (StepResult s : r.steps()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("step", s.step().label());
            o.put("hour", (long) s.hour());
            o.put("tool", s.tool());
            o.put("seconds", s.seconds());
            o.put("maxRssKb", s.rssKb());
            o.put("exitCode", (long) s.exitCode());
            o.put("repositoryBytes", s.repoBytes());
            o.put("growthBytes", s.growthBytes());
            o.put("dataBytes", s.dataBytes());
            o.put("error", s.error());
            o.put("details", new LinkedHashMap<>(s.details()));
            steps.add(o);
        }
        root.put("steps", steps);
        Map<String, Object> peaks = new LinkedHashMap<>();
        for (String tool : RunnerOptions.ALL_TOOLS) {
            OptionalLong peak = Targets.peakRssKb(r.steps(), tool);
            peaks.put(tool, peak.isPresent() ? peak.getAsLong() : null);
        }
        root.put("peakRssKb", peaks);
        List<Object> targets = new ArrayList<>();
        for (TargetCheck t : r.targets()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("target", t.target());
            o.put("limit", t.limit());
            o.put("ratioToRestic", t.ratioToRestic());
            o.put("ratioToBorg", t.ratioToBorg());
            o.put("verdict", t.verdict().name());
            o.put("verdictVsBorg", t.verdictVsBorg().name());
            o.put("note", t.note());
            targets.add(o);
        }
        root.put("targets", targets);
        return Json.indented(root) + "\n";
    }

    /**
     * mailsnap's peak RSS recorded in an earlier run's {@code raw.json}.
     *
     * @throws IOException when the file cannot be read or records no mailsnap peak
     */
    static long baselinePeakRssKb(Path rawJson) throws IOException {
        Object parsed;
        try {
            parsed = Json.parse(Files.readString(rawJson, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(rawJson + ": not valid JSON: " + e.getMessage(), e);
        }
        if (parsed instanceof Map<?, ?> root
                && root.get("peakRssKb") instanceof Map<?, ?> peaks
                && peaks.get("mailsnap") instanceof Number peak) {
            return peak.longValue();
        }
        throw new IOException(rawJson + ": no peakRssKb.mailsnap figure (is it a raw.json of a run with mailsnap?)");
    }
}
