package org.mailsnap.mailgen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans one mailbox: its folders, and for each message its folder, arrival time, unique name parts, UID and flags.
 * The plan draws only from the mailbox's own random stream (and the shared {@link Population}), so mailboxes can be
 * planned and written in any order or in parallel with the same result.
 *
 * <p>Algorithm: (1) folders: INBOX, Sent, Drafts, Trash, Archive, one {@code Lists.<name>} per subscribed list while
 * there is room, then the user's own folders. (2) list mail: a random subset of each subscribed list's posts,
 * delivered 2–90 s after posting. (3) personal mail: 15% sent, 1% drafts, the rest received and filed into INBOX
 * (55%), Archive (20%), Trash (5%) or the user's folders (20%), at uniform times; 12% (by default) with an attachment,
 * a share of those from the forwarded pool. (4) per folder: sort by arrival, give UIDs with occasional gaps (old
 * expunges), leave the newest deliveries in {@code new/}, draw flags and keywords by folder role.
 */
final class MailboxPlanner {
    private static final double SENT = 0.15;
    private static final double DRAFTS = 0.01;

    private final Population population;

    MailboxPlanner(Population population) {
        this.population = population;
    }

    List<FolderPlan> plan(int mailbox) {
        StoreSpec spec = population.spec;
        Prng rnd = Prng.derive(spec.seed(), Labels.MAILBOX, mailbox);
        long created = population.windowStart - rnd.between(1, 400) * 86_400L - rnd.nextInt(86_400);
        List<FolderPlan> folders = folders(mailbox, rnd, created);

        Set<Long> usedNames = new HashSet<>();
        for (int list = 0; list < spec.lists(); list++) {
            int count = population.listMessages(mailbox, list);
            if (count == 0) {
                continue;
            }
            int target = folderIndex(folders, ".Lists." + Population.listName(list));
            int[] posts =
                    sample(Prng.derive(spec.seed(), Labels.LIST_PICK, mailbox, list), population.listPool(list), count);
            for (int post : posts) {
                PlannedMessage message = new PlannedMessage(
                        PlannedMessage.Kind.LIST_POST,
                        rnd.nextLong(),
                        -1,
                        population.post(list, post),
                        PlannedMessage.NO_ATTACHMENT);
                message.folder = target < 0 ? 0 : target;
                stamp(message, message.post.sentSecond() + rnd.between(2, 90), rnd, usedNames);
                folders.get(message.folder).messages.add(message);
            }
        }
        int listTotal = 0;
        for (FolderPlan folder : folders) {
            listTotal += folder.messages.size();
        }
        long window = population.windowEnd - population.windowStart;
        for (int i = listTotal; i < spec.messagesPerMailbox(); i++) {
            double kindDraw = rnd.nextDouble();
            PlannedMessage.Kind kind = kindDraw < SENT
                    ? PlannedMessage.Kind.SENT
                    : kindDraw < SENT + DRAFTS ? PlannedMessage.Kind.DRAFT : PlannedMessage.Kind.INCOMING;
            int correspondent = -1;
            if (population.mailboxes() > 1 && rnd.chance(0.4)) {
                correspondent = (mailbox + 1 + rnd.nextInt(population.mailboxes() - 1)) % population.mailboxes();
            }
            int attachment = PlannedMessage.NO_ATTACHMENT;
            if (kind != PlannedMessage.Kind.DRAFT && rnd.chance(spec.attachmentShare())) {
                attachment = rnd.chance(spec.sharedAttachmentShare())
                        ? rnd.nextInt(population.sharedAttachments())
                        : PlannedMessage.UNIQUE_ATTACHMENT;
            }
            PlannedMessage message = new PlannedMessage(kind, rnd.nextLong(), correspondent, null, attachment);
            message.folder = personalFolder(folders, kind, rnd);
            stamp(message, population.windowStart + (long) (rnd.nextDouble() * window), rnd, usedNames);
            folders.get(message.folder).messages.add(message);
        }
        for (FolderPlan folder : folders) {
            numberAndFlag(folder, rnd, spec.newShare());
        }
        return folders;
    }

    private List<FolderPlan> folders(int mailbox, Prng rnd, long created) {
        StoreSpec spec = population.spec;
        List<FolderPlan> folders = new ArrayList<>();
        folders.add(new FolderPlan("", Role.INBOX, created, guid(rnd)));
        String[] standard = {".Sent", ".Drafts", ".Trash", ".Archive"};
        Role[] roles = {Role.SENT, Role.DRAFTS, Role.TRASH, Role.ARCHIVE};
        for (int i = 0; i < standard.length; i++) {
            folders.add(new FolderPlan(standard[i], roles[i], created + folders.size(), guid(rnd)));
        }
        for (int list = 0; list < spec.lists() && folders.size() <= spec.foldersPerMailbox(); list++) {
            if (population.listMessages(mailbox, list) > 0) {
                folders.add(new FolderPlan(
                        ".Lists." + Population.listName(list), Role.LIST, created + folders.size(), guid(rnd)));
            }
        }
        String[] own = Vocabulary.PROJECT_FOLDERS;
        for (int i = 0; folders.size() <= spec.foldersPerMailbox(); i++) {
            String name = i < own.length ? own[(mailbox + i) % own.length] : "Folder" + (i - own.length + 1);
            folders.add(new FolderPlan("." + name, Role.OWN, created + folders.size(), guid(rnd)));
        }
        return folders;
    }

    private static int personalFolder(List<FolderPlan> folders, PlannedMessage.Kind kind, Prng rnd) {
        switch (kind) {
            case SENT:
                return 1;
            case DRAFT:
                return 2;
            default:
                double draw = rnd.nextDouble();
                if (draw < 0.55) {
                    return 0;
                } else if (draw < 0.75) {
                    return 4;
                } else if (draw < 0.80) {
                    return 3;
                }
                List<Integer> own = new ArrayList<>();
                for (int i = 0; i < folders.size(); i++) {
                    if (folders.get(i).role == Role.OWN) {
                        own.add(i);
                    }
                }
                return own.isEmpty() ? 4 : rnd.pick(own);
        }
    }

    /** Gives the message an arrival second and a name (usec, pid) no other message of the mailbox has. */
    private static void stamp(PlannedMessage message, long second, Prng rnd, Set<Long> usedNames) {
        message.second = second;
        message.pid = rnd.between(1_000, 65_000);
        do {
            message.microsecond = rnd.nextInt(1_000_000);
        } while (!usedNames.add(second * 1_000_000L + message.microsecond));
    }

    private static void numberAndFlag(FolderPlan folder, Prng rnd, double newShare) {
        folder.messages.sort(
                Comparator.<PlannedMessage>comparingLong(m -> m.second).thenComparingInt(m -> m.microsecond));
        long uid = 1;
        int count = folder.messages.size();
        int firstNew = folder.role.receivesDeliveries() ? count - (int) Math.round(newShare * count) : count;
        for (int i = 0; i < count; i++) {
            PlannedMessage message = folder.messages.get(i);
            if (rnd.chance(0.03)) {
                uid += rnd.between(1, 10);
            }
            message.uid = uid++;
            message.inNew = i >= firstNew;
            if (!message.inNew) {
                flag(message, folder.role, rnd);
            }
        }
        folder.nextUid = uid + (rnd.chance(0.2) ? rnd.between(1, 5) : 0);
    }

    /** System flags and keyword bits (bit i = {@link Keywords#CATALOG}[i]) typical for the folder's role. */
    private static void flag(PlannedMessage message, Role role, Prng rnd) {
        double draw = rnd.nextDouble();
        switch (role) {
            case INBOX:
                message.systemFlags = draw < 0.04
                        ? ""
                        : draw < 0.74 ? "S" : draw < 0.88 ? "RS" : draw < 0.94 ? "FS" : draw < 0.96 ? "FRS" : "PS";
                message.keywordMask =
                        keyword(rnd, 0, 0.10) | keyword(rnd, 1, 0.03) | keyword(rnd, 2, 0.01) | keyword(rnd, 3, 0.02);
                break;
            case LIST:
                message.systemFlags = draw < 0.15 ? "" : draw < 0.98 ? "S" : "FS";
                break;
            case SENT:
                message.systemFlags = "S";
                break;
            case DRAFTS:
                message.systemFlags = "DS";
                break;
            case TRASH:
                message.systemFlags = draw < 0.05 ? "" : draw < 0.95 ? "S" : "ST";
                break;
            default:
                message.systemFlags = draw < 0.88 ? "S" : draw < 0.96 ? "RS" : "FS";
                message.keywordMask =
                        keyword(rnd, 4, 0.05) | keyword(rnd, 0, 0.05) | (role == Role.OWN ? keyword(rnd, 5, 0.05) : 0);
                break;
        }
    }

    private static int keyword(Prng rnd, int catalogIndex, double probability) {
        return rnd.chance(probability) ? 1 << catalogIndex : 0;
    }

    private static int folderIndex(List<FolderPlan> folders, String directory) {
        for (int i = 0; i < folders.size(); i++) {
            if (folders.get(i).directory.equals(directory)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code count} distinct numbers from {@code [0, range)}, in increasing order. */
    private static int[] sample(Prng rnd, int range, int count) {
        int[] all = new int[range];
        for (int i = 0; i < range; i++) {
            all[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + rnd.nextInt(range - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] chosen = java.util.Arrays.copyOf(all, count);
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    private static String guid(Prng rnd) {
        return String.format("%016x%016x", rnd.nextLong(), rnd.nextLong());
    }
}
