package org.mailsnap.maildir;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * IMAP's modified UTF-7 (RFC 3501 section 5.1.3), the encoding Dovecot gives folder names on disk unless
 * {@code mailbox_list_utf8=yes}: printable ASCII stands for itself, {@code &} is written {@code &-}, and any run of
 * other characters is {@code &}, the modified base64 ({@code ,} for {@code /}, no padding) of its UTF-16BE, {@code -}.
 */
public final class ModifiedUtf7 {
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    private ModifiedUtf7() {}

    public static String encode(String name) {
        StringBuilder out = new StringBuilder(name.length() + 8);
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c >= 0x20 && c <= 0x7e) {
                out.append(c == '&' ? "&-" : String.valueOf(c));
                i++;
                continue;
            }
            int end = i;
            while (end < name.length() && (name.charAt(end) < 0x20 || name.charAt(end) > 0x7e)) {
                end++;
            }
            byte[] utf16 = name.substring(i, end).getBytes(StandardCharsets.UTF_16BE);
            out.append('&')
                    .append(BASE64.encodeToString(utf16).replace('/', ','))
                    .append('-');
            i = end;
        }
        return out.toString();
    }
}
