package org.mailsnap.cli;

import java.util.List;
import org.mailsnap.recovery.MessageHit;

/**
 * One {@code find} hit as printed: the hit and its flags in words, keywords by the names of the folder's
 * {@code dovecot-keywords} in the hit's last snapshot ({@link org.mailsnap.recovery.HitFlagWords}).
 */
record FindHit(MessageHit hit, List<String> flagWords) {}
