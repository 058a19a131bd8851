package org.mailsnap.bench;

/**
 * One target of {@code targets.md} judged on a run.
 *
 * @param target        the target as targets.md states it
 * @param limit         the limit applied, e.g. {@code ≤ 0.25×}
 * @param ratioToRestic mailsnap's figure over restic's (null when not a ratio target or restic was not measured)
 * @param ratioToBorg   mailsnap's figure over borg's
 * @param verdict       the target's verdict: the comparison with restic (targets.md states every limit against
 *                      restic), or the absolute figure for targets that are not ratios
 * @param verdictVsBorg the same limit applied to the comparison with borg; {@link Verdict#NA} for absolute targets
 * @param note          the figures behind the verdict, or why there is none
 */
record TargetCheck(
        String target,
        String limit,
        Double ratioToRestic,
        Double ratioToBorg,
        Verdict verdict,
        Verdict verdictVsBorg,
        String note) {}
