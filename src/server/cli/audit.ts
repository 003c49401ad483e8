// The audit trail from the server's shell:
//
//   npm run audit -- verify     checks the whole hash chain; exit 0 when intact, 1 with the problems
//   npm run audit -- head       prints the newest row's seq and hash (write it down somewhere else:
//                               a later verify against it also catches a truncated tail)
//
// The database is the server's (DATABASE_URL, or DB_PATH / data/mpp.sqlite).
import { databaseConfigFromEnv } from "../db/config";
import { openDatabase } from "../db/open";
import { verifyAudit } from "../audit/verify";

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = console.log): Promise<number> {
  const [command, expected] = argv;
  if (command !== "verify" && command !== "head") {
    out("usage: npm run audit -- verify [SEQ:HASH]   |   npm run audit -- head");
    return 2;
  }
  const db = await openDatabase(databaseConfigFromEnv(env), { seed: false });
  try {
    const result = await verifyAudit(db.kysely);
    if (command === "head") {
      out(`${result.head.seq}:${result.head.hash}`);
      return 0;
    }
    const problems = [...result.problems];
    // An anchor written down earlier: the row it names must still carry that hash.
    if (expected) {
      const [seqText, hash] = expected.split(":");
      const seq = Number(seqText);
      if (!Number.isInteger(seq) || !hash) {
        out("audit: the anchor must look like SEQ:HASH (from npm run audit -- head)");
        return 2;
      }
      const row = await db.kysely.selectFrom("audit_log").select("hash").where("seq", "=", seq).executeTakeFirst();
      if (!row) problems.push(`row ${seq} of the anchor is missing (the log was cut back)`);
      else if (row.hash !== hash) problems.push(`row ${seq} no longer has the anchor's hash`);
    }
    if (problems.length === 0) {
      out(`audit: ${result.rows} rows, chain intact; head ${result.head.seq}:${result.head.hash}`);
      return 0;
    }
    out(`audit: ${result.rows} rows, CHAIN BROKEN:`);
    for (const p of problems) out(`  ${p}`);
    return 1;
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (err: Error) => {
    console.error(`audit: ${err.message.split("\n")[0]}`);
    process.exit(1);
  });
}
