// Start-up checks and start failures in one line each: what is wrong and what to do, for the
// person at the lobby machine's terminal, instead of a bare stack trace (issue 19 item 6).
import { existsSync } from "node:fs";
import { join } from "node:path";

/** A start failure already put in words; main.ts prints its message and exits non-zero. */
export class StartError extends Error {
  override name = "StartError";
}

/** Loads the SQLite driver's native part now, so its absence is named before anything else runs. */
export async function checkSqliteBinding(): Promise<void> {
  try {
    const { default: Database } = await import("better-sqlite3");
    new Database(":memory:").close();
  } catch (e) {
    const err = e as Error & { code?: string };
    throw new StartError(
      "the SQLite driver's native part (better-sqlite3) is missing or was built for another Node.js version "
      + `(${oneLine(err.message)}): run \`npm rebuild better-sqlite3\` (needs python3, make and g++), `
      + "or `npm ci` again with its install script allowed (package.json allowScripts)",
    );
  }
}

/** Warnings to print at start: the server runs, but not everything will work. */
export function startupWarnings(options: { distDir: string }): string[] {
  const out: string[] = [];
  if (!existsSync(join(options.distDir, "index.html"))) {
    out.push(`the app is not built (${options.distDir} has no index.html): / answers 503 until \`npm run build\` is run; the API and /layanan work`);
  }
  return out;
}

function oneLine(text: string): string {
  const first = text.split("\n").find((l) => l.trim() !== "") ?? text;
  return first.trim().slice(0, 300);
}

export interface StartContext { dbPath: string; port: number; host: string }

/** Turns any error thrown while starting into one line saying what is wrong and what to do. */
export function explainStartError(e: unknown, ctx: StartContext): string {
  const err = (e instanceof Error ? e : new Error(String(e))) as Error & { code?: string; syscall?: string; path?: string };
  if (err instanceof StartError) return err.message;
  const code = err.code ?? "";
  const db = ctx.dbPath;
  // Listening.
  if (err.syscall === "listen" || code === "EADDRINUSE") {
    if (code === "EADDRINUSE") return `port ${ctx.port} on ${ctx.host} is already in use (another server?): stop it, or set PORT to a free port`;
    if (code === "EACCES") return `not allowed to listen on port ${ctx.port}${ctx.port < 1024 ? " (ports below 1024 need root)" : ""}: set PORT to 1024 or above`;
    if (code === "EADDRNOTAVAIL") return `HOST ${ctx.host} is not an address of this machine: set HOST to one of its addresses, or 0.0.0.0 for all`;
  }
  // The database's folder and file, before SQLite opens it.
  if (err.syscall === "mkdir" || err.syscall === "open" || err.syscall === "access") {
    const where = err.path ?? db;
    const why: Record<string, string> = {
      EROFS: "the file system is read-only",
      EACCES: "permission denied",
      EPERM: "permission denied",
      ENOENT: "a folder on the way does not exist or cannot be created (read-only file system?)",
      ENOTDIR: "a part of the path is a file, not a folder",
      ENOSPC: "the disk is full",
    };
    return `cannot create or open the database at ${db} (${where}: ${why[code] ?? code}): set DB_PATH to a file in a writable folder`;
  }
  // SQLite's own errors (better-sqlite3 SqliteError codes).
  if (code.startsWith("SQLITE_")) {
    const what: Record<string, string> = {
      SQLITE_CANTOPEN: "cannot be opened (the folder is missing or not writable)",
      SQLITE_NOTADB: "is not an SQLite database (another kind of file, or damaged)",
      SQLITE_CORRUPT: "is damaged",
      SQLITE_READONLY: "is read-only (file or folder permissions, or a read-only file system)",
      SQLITE_FULL: "cannot grow: the disk is full",
      SQLITE_IOERR: "cannot be read or written (disk error)",
      SQLITE_BUSY: "is locked by another program",
      SQLITE_PERM: "may not be accessed (permissions)",
    };
    const base = code.split("_").slice(0, 2).join("_");
    const hint = base === "SQLITE_NOTADB" || base === "SQLITE_CORRUPT"
      ? "move the file away to start with a fresh database (or restore a backup), or set DB_PATH"
      : "check the file and its folder, or set DB_PATH to another file";
    return `the database ${db} ${what[base] ?? `failed (${code})`}: ${oneLine(err.message)}; ${hint}`;
  }
  if (/bindings|better_sqlite3\.node|NODE_MODULE_VERSION/.test(err.message)) {
    return "the SQLite driver's native part (better-sqlite3) is missing or was built for another Node.js version: run `npm rebuild better-sqlite3`";
  }
  return `${err.name === "Error" ? "" : `${err.name}: `}${oneLine(err.message)}${code ? ` (${code})` : ""}`;
}
