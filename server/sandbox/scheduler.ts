import type { PGlite } from '@electric-sql/pglite';

/**
 * One pass of the sandbox's delivery: messages handed over (`sending`) count as delivered, and
 * scheduled messages whose `send_after` has come go out. There is no provider behind the
 * sandbox, so both end as `sent`. Returns how many messages changed.
 */
export async function runSchedulerPass(db: PGlite, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const changed = await tx.query<{ id: string }>(
      `UPDATE message SET status = 'sent', sent_at = $1, "timestamp" = $1, updated_at = $1
       WHERE status = 'sending' OR (status = 'scheduled' AND send_after <= $1)
       RETURNING id`,
      [now],
    );
    if (changed.rows.length > 0) {
      await tx.query(
        `UPDATE recipient SET status = 'sent', updated_at = $1 WHERE message_id = ANY($2::uuid[])`,
        [now, changed.rows.map((row) => row.id)],
      );
    }
    return changed.rows.length;
  });
}
