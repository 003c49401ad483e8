// Deleting personal data on schedule (UU 27/2022): a ticket's contact is deleted `contactRetentionDays`
// after the ticket was closed; expired visit tokens a day after they expired; the daily limits'
// counts and salts two days after their day. Runs at start and then every `purgeEveryMs` on each
// node (the statements are idempotent, so nodes running it together do no harm).
import { addDays, toWib } from "../../domain/time/wib";
import type { Db } from "../db/open";

export interface PurgeCounts { contacts: number; visitTokens: number; quotaDays: number }

const DAY = 86_400_000;

export async function purgeFeedback(db: Db, now: Date, contactRetentionDays: number): Promise<PurgeCounts> {
  const at = now.toISOString();
  const closedBefore = new Date(now.getTime() - contactRetentionDays * DAY).toISOString();
  const keepFrom = addDays(toWib(now).date, -1);
  return db.transaction(async (trx) => {
    const contacts = await trx.updateTable("tickets")
      .set({ contact: null, contact_kind: null, contact_purged_at: at })
      .where("contact", "is not", null).where("closed_at", "is not", null).where("closed_at", "<=", closedBefore)
      .executeTakeFirst();
    const tokens = await trx.deleteFrom("visit_tokens").where("expires_at", "<", new Date(now.getTime() - DAY).toISOString()).executeTakeFirst();
    await trx.deleteFrom("feedback_quota").where("day", "<", keepFrom).execute();
    const salts = await trx.deleteFrom("feedback_salt").where("day", "<", keepFrom).executeTakeFirst();
    return { contacts: Number(contacts.numUpdatedRows), visitTokens: Number(tokens.numDeletedRows), quotaDays: Number(salts.numDeletedRows) };
  });
}
