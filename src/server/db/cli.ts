// Database commands, without starting the server:
//   npm run db:migrate [-- --seed]              bring the schema of DATABASE_URL / DB_PATH forward (and seed)
//   npm run db:copy -- --from FILE|URL [--to URL|FILE] [--replace]
//                                               copy all data (default target: DATABASE_URL)
//   npm run db:backup -- FILE                   online backup of the SQLite database (DB_PATH) to FILE
// Targets are SQLite file paths or postgres:// URLs. Messages name hosts, never passwords.
import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { databaseConfigFromEnv, DatabaseConfigError, describeTarget, postgresConfig, type DatabaseConfig } from "./config";
import { copyDatabase, CopyError } from "./copy";
import { DatabaseStartError } from "./engines/engine";
import { openDatabase } from "./open";

const USAGE = "usage: cli.ts migrate [--seed] | copy --from FILE|URL [--to URL|FILE] [--replace] | backup FILE";

function target(spec: string, env: NodeJS.ProcessEnv): DatabaseConfig {
  return /^postgres(ql)?:\/\//i.test(spec) ? postgresConfig(spec, env) : { engine: "sqlite", path: resolve(spec) };
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith("--")) throw new DatabaseConfigError(`${name} needs a value. ${USAGE}`);
  return v;
}

/** Runs one command; returns the lines to print. Throws one-line errors (no stack, no secrets). */
export async function runDbCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string[]> {
  const [command, ...rest] = args;
  if (command === "migrate") {
    const config = databaseConfigFromEnv(env);
    const db = await openDatabase(config, { seed: rest.includes("--seed") });
    try {
      const version = await db.schemaVersion();
      return [
        db.migrated.length > 0
          ? `${describeTarget(config)}: applied migrations ${db.migrated.join(", ")}; schema version ${version}`
          : `${describeTarget(config)}: already at schema version ${version}`,
        ...(rest.includes("--seed") ? [`seeded: ${JSON.stringify(db.seeded)}`] : []),
      ];
    } finally {
      await db.close();
    }
  }
  if (command === "copy") {
    const fromSpec = option(rest, "--from");
    if (!fromSpec) throw new DatabaseConfigError(`copy needs --from. ${USAGE}`);
    const from = target(fromSpec, env);
    if (from.engine === "sqlite" && !existsSync(from.path)) throw new DatabaseConfigError(`copy: no SQLite file at ${from.path}`);
    const toSpec = option(rest, "--to");
    const to = toSpec ? target(toSpec, env) : databaseConfigFromEnv(env);
    if (describeTarget(from) === describeTarget(to)) throw new DatabaseConfigError("copy: source and target are the same database");
    const source = await openDatabase(from, { seed: false });
    try {
      const dest = await openDatabase(to, { seed: false });
      try {
        const counts = await copyDatabase(source, dest, { replace: rest.includes("--replace") });
        return [`copied ${describeTarget(from)} -> ${describeTarget(to)}: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(", ")}`];
      } finally {
        await dest.close();
      }
    } finally {
      await source.close();
    }
  }
  if (command === "backup") {
    const file = rest[0];
    if (!file) throw new DatabaseConfigError(`backup needs a target file. ${USAGE}`);
    const config = databaseConfigFromEnv(env);
    if (config.engine !== "sqlite") {
      throw new DatabaseConfigError("backup: DATABASE_URL is PostgreSQL: use pg_dump -Fc (see README, Operations)");
    }
    if (!existsSync(config.path)) throw new DatabaseConfigError(`backup: no SQLite file at ${config.path}`);
    // better-sqlite3's backup uses SQLite's online backup API: the server may keep running and writing.
    const db = new Database(config.path, { readonly: true, fileMustExist: true });
    try {
      const { totalPages } = await db.backup(resolve(file));
      return [`backed up ${describeTarget(config)} to ${resolve(file)} (${totalPages} pages)`];
    } finally {
      db.close();
    }
  }
  throw new DatabaseConfigError(USAGE);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    for (const line of await runDbCommand(process.argv.slice(2))) console.log(line);
  } catch (err) {
    const known = err instanceof DatabaseConfigError || err instanceof DatabaseStartError || err instanceof CopyError;
    console.error(known ? (err as Error).message : `db: ${(err as Error).message?.split("\n")[0] ?? String(err)}`);
    process.exit(1);
  }
}
