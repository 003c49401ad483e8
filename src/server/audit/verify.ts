// Checks the audit chain end to end: sequence numbers 1..n without a gap, each row's prev_hash is
// the hash of the row before, each row's hash matches its content, and the head names the last row.
// An UPDATE made by hand (with the append-only trigger dropped), a deleted row in the middle, an
// inserted row or a truncated tail with an unchanged head are all reported with the row's seq.
// Reads in pages, so a long log needs little memory.
import type { Kysely } from "kysely";
import type { Database } from "../db/tables";
import { AUDIT_GENESIS } from "../db/migration-officers";
import { rowHash, type AuditRow } from "./log";

export interface AuditVerification {
  ok: boolean;
  rows: number;
  head: { seq: number; hash: string };
  /** The first problems found (at most `maxProblems`), each naming a seq. */
  problems: string[];
}

const PAGE = 1000;

export async function verifyAudit(db: Kysely<Database>, options: { maxProblems?: number } = {}): Promise<AuditVerification> {
  const max = options.maxProblems ?? 20;
  const problems: string[] = [];
  const report = (p: string) => { if (problems.length < max) problems.push(p); };
  const headRow = await db.selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1).executeTakeFirst();
  const head = { seq: Number(headRow?.seq ?? -1), hash: headRow?.hash ?? "" };
  if (!headRow) report("the audit head row is missing");

  let expectedSeq = 1;
  let prevHash = AUDIT_GENESIS;
  let rows = 0;
  let after = 0;
  for (;;) {
    const page = await db.selectFrom("audit_log").selectAll().where("seq", ">", after).orderBy("seq").limit(PAGE).execute() as AuditRow[];
    if (page.length === 0) break;
    for (const r of page) {
      const seq = Number(r.seq);
      rows++;
      if (seq !== expectedSeq) report(`row ${seq}: expected row ${expectedSeq} next (rows ${expectedSeq}..${seq - 1} are missing or renumbered)`);
      if (r.prev_hash !== prevHash) report(`row ${seq}: prev_hash does not match the hash of the row before it`);
      const recomputed = rowHash({ ...r, seq });
      if (recomputed !== r.hash) report(`row ${seq}: its content does not match its hash (edited after it was written)`);
      prevHash = r.hash;
      expectedSeq = seq + 1;
    }
    after = Number(page[page.length - 1]!.seq);
  }
  if (headRow) {
    if (head.seq !== expectedSeq - 1) report(`the head names row ${head.seq} but the log ends at row ${expectedSeq - 1}`);
    else if (head.hash !== prevHash) report(`the head's hash does not match row ${head.seq}`);
  }
  return { ok: problems.length === 0, rows, head, problems };
}
