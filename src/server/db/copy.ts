// Copies the data of one database into another, e.g. an SQLite file into PostgreSQL when a
// deployment grows past one machine (npm run db:copy). Both are brought to the same schema
// version first; the target's data tables must be empty unless `replace` is set (then they are
// emptied first); everything is written in one transaction on the target, keys kept as they are
// (services.pk too, with PostgreSQL's numbering moved past them), and the counts are compared
// at the end. The target's search index and data version follow by their triggers.
import { sql, type Kysely } from "kysely";
import type { Db } from "./open";
import { DATA_TABLES } from "./tables";

const CHUNK = 200;
/** Tables copied, in foreign-key order, with the key that orders the read. */
const COPIED: ReadonlyArray<[string, string]> = [...DATA_TABLES.map((t) => [t, t === "regions" ? "code" : t === "services" ? "pk" : "id"] as [string, string]), ["meta", "key"]];

export class CopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CopyError";
  }
}

export async function copyDatabase(from: Db, to: Db, options: { replace?: boolean } = {}): Promise<Record<string, number>> {
  const [vf, vt] = await Promise.all([from.schemaVersion(), to.schemaVersion()]);
  if (vf !== vt) throw new CopyError(`copy: schema versions differ (source ${vf}, target ${vt}); open both with this server's version first`);
  const src = from.kysely as unknown as Kysely<any>;
  const counts: Record<string, number> = {};
  await to.write(async (trx) => {
    const dst = trx as unknown as Kysely<any>;
    for (const table of DATA_TABLES) {
      const { rows } = await sql<{ n: number }>`SELECT cast(count(*) as integer) AS n FROM ${sql.table(table)}`.execute(dst);
      if (Number(rows[0]!.n) > 0 && !options.replace) {
        throw new CopyError(`copy: the target's ${table} table is not empty; pass --replace to overwrite the target's data`);
      }
    }
    if (options.replace) {
      for (const [table] of [...COPIED].reverse()) await dst.deleteFrom(table).execute();
    } else {
      await dst.deleteFrom("meta").execute();
    }
    for (const [table, key] of COPIED) {
      let copied = 0;
      for (let offset = 0; ; offset += CHUNK) {
        const rows = await src.selectFrom(table).selectAll().orderBy(key).limit(CHUNK).offset(offset).execute();
        if (rows.length === 0) break;
        await dst.insertInto(table).values(rows).execute();
        copied += rows.length;
        if (rows.length < CHUNK) break;
      }
      counts[table] = copied;
    }
    await to.engine.afterExplicitKeys(dst, "services", "pk");
    for (const [table] of COPIED) {
      const { rows } = await sql<{ n: number }>`SELECT cast(count(*) as integer) AS n FROM ${sql.table(table)}`.execute(dst);
      if (Number(rows[0]!.n) !== counts[table]) throw new CopyError(`copy: ${table} has ${rows[0]!.n} rows in the target after copying ${counts[table]}`);
    }
  });
  return counts;
}
