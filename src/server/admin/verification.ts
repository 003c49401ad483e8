// Verification of a published service: an officer who checked the record against its source marks
// it verified, naming the source (URL, or No. SK / Perda / PP) and the source's own date. The record
// becomes verified with lastVerified = today (WIB) and the verifier recorded; the facts themselves
// do not change, so no review is needed. One audit row; the data version moves (db.write), so the
// kiosks show the new date at their next fetch.
import { checkClaim, diffPairs, type VerificationClaim } from "../../domain/admin/service-fields";
import { todayWib } from "../../domain/admin/review-age";
import { recordAudit } from "../audit/log";
import { HttpError } from "../errors";
import { auditActor, fieldErrors, type Actor, type WorkflowContext } from "./drafts";
import { loadService } from "./kinds/service";

export async function verifyService(ctx: WorkflowContext, id: string, claim: VerificationClaim, actor: Actor): Promise<void> {
  const today = todayWib(ctx.now());
  const errors = checkClaim(claim, today);
  if (errors.length > 0) throw fieldErrors(errors, "");
  const now = new Date(ctx.now()).toISOString();
  await ctx.db.write(async (trx) => {
    const rec = await loadService(trx, id);
    if (!rec) throw new HttpError("record_not_found", `No service ${id}.`);
    const source = claim.source.trim();
    await trx.updateTable("services").set({
      verified: 1, source, source_date: claim.sourceDate, last_verified: today, verified_by: actor.officer.username,
    }).where("id", "=", id).execute();
    const x = rec.extra;
    const changes = diffPairs(
      [["source", rec.fields.source], ["sourceDate", x.sourceDate], ["verified", x.verified], ["lastVerified", x.lastVerified], ["verifiedBy", x.verifiedBy]],
      [["source", source], ["sourceDate", claim.sourceDate], ["verified", true], ["lastVerified", today], ["verifiedBy", actor.officer.username]],
    );
    await recordAudit(trx, { actor: auditActor(actor), action: "record.verify", entity: `service:${id}`, changes, at: now });
  });
}
