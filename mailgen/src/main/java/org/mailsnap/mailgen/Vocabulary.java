package org.mailsnap.mailgen;

import java.nio.charset.StandardCharsets;

/**
 * The fixed word lists messages are made of. Changing any list changes every generated store, so treat them as part
 * of the output format: append, never reorder.
 */
final class Vocabulary {
    private Vocabulary() {}

    static final String[] WORDS =
            ("the of and to in is that for it as was with be by on not he this are or his from at which but have an "
                            + "they you were their one all we can her has there been if more when will would who so no out up into "
                            + "do only new time some could them other than then now may these its also two first any like our over "
                            + "such make what know most people just year very back good well way because even work through use "
                            + "after down should still long own see here many before must where those right how much between same "
                            + "server mailbox backup restore folder message client release version build patch issue report test "
                            + "config option setting quota index cache lock thread storage network disk memory latency network "
                            + "meeting agenda budget invoice contract project deadline review draft proposal schedule customer "
                            + "supplier order shipment delivery payment account balance offer quote discount renewal license team "
                            + "manager colleague office holiday weekend morning afternoon evening tomorrow yesterday today week "
                            + "month quarter plan goal result figure chart table summary detail question answer problem solution "
                            + "please thanks regards hello sorry sure maybe probably certainly however therefore although while "
                            + "attached below above following previous next latest earlier later soon quickly carefully clearly "
                            + "update upgrade install remove migrate rollback deploy monitor measure compare improve reduce "
                            + "increase check confirm approve reject forward reply send receive share discuss agree decide "
                            + "document spreadsheet presentation photo scan copy original signed final revised updated pending "
                            + "urgent important minor major critical optional required available missing broken fixed stable "
                            + "café naïve résumé Grüße Straße über Zürich Malmö señor")
                    .split(" ");

    /** The words as UTF-8, so that writing text is a byte copy. */
    static final byte[][] WORD_BYTES = utf8(WORDS);

    static final String[] FIRST_NAMES =
            ("anna ben clara david emma felix greta hugo ida jonas karla leon mia noah olivia paul quinn rosa sam "
                            + "tara ulrich vera william xenia yusuf zoe amir bea carlos dana elif farid gina hana ivan julia kenji "
                            + "lena marco nina oscar petra rafael sofia tomas ursula viktor wanda")
                    .split(" ");

    static final String[] LAST_NAMES =
            ("meyer schmidt garcia rossi dubois smith nowak jensen kowalski silva novak horvat berg lindqvist "
                            + "okafor tanaka nguyen kim chen patel haddad costa moreau fischer weber wagner becker hoffmann "
                            + "schulz koch richter klein wolf braun")
                    .split(" ");

    static final String[] EXTERNAL_DOMAINS =
            ("example.com example.net mail.example.edu partner.example shop.example bank.example "
                            + "news.example travel.example supplier.example agency.example")
                    .split(" ");

    static final String[] SUBJECT_OPENERS = {
        "Re:", "Re:", "Re:", "Fwd:", "", "", "", "", "AW:", "[ticket #%d]", "Invitation:", "Reminder:"
    };

    static final String[] SUBJECT_ENCODED = {
        "=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_Z=C3=BCrich?=",
        "=?UTF-8?B?UsOpc3Vtw6kgZHUgcHJvamV0?=",
        "=?ISO-8859-1?Q?Besprechung_=FCber_das_Budget?=",
    };

    static final String[] FILE_TYPES = {
        "pdf", "application/pdf",
        "jpg", "image/jpeg",
        "png", "image/png",
        "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "zip", "application/zip",
    };

    static final String[] FILE_STEMS =
            ("report invoice scan photo contract slides budget minutes offer statement plan draft export "
                            + "diagram receipt")
                    .split(" ");

    /** Mailing lists: name, list host. Their folders are {@code .Lists.<name>}. */
    static final String[] LISTS =
            ("dovecot dovecot.org postfix-users postfix.org debian-devel lists.debian.org lkml vger.kernel.org "
                            + "announce lists.example.org openjdk-dev openjdk.org restic-users forum.restic.net "
                            + "borg-users python.org")
                    .split(" ");

    /** Extra folders a user creates, as Maildir++ names; one is modified UTF-7 ("Projekte.München"). */
    static final String[] PROJECT_FOLDERS = {
        "Projects.Alpha",
        "Projects.Beta",
        "Receipts",
        "Family",
        "Projekte.M&APw-nchen",
        "Archive.2023",
        "Travel",
        "Newsletters",
        "Support",
        "Clients.Acme",
    };

    private static byte[][] utf8(String[] words) {
        byte[][] result = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            result[i] = words[i].getBytes(StandardCharsets.UTF_8);
        }
        return result;
    }
}
