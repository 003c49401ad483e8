// Officer accounts from the server's shell (the only way to make one: no default account exists).
//
//   npm run users -- add NAME --role ROLE [--region CODE] [--agency SLUG]
//   npm run users -- list
//   npm run users -- disable NAME | enable NAME
//   npm run users -- reset-password NAME
//
// The password is read from standard input, never from an argument (arguments end up in shell
// history and in the process list): typed twice without echo on a terminal, or the first line of a
// pipe (`printf '%s\n' "$PW" | npm run users -- add ...`). Weak passwords are refused with the
// reason. The database is the server's (DATABASE_URL, or DB_PATH / data/mpp.sqlite).
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { databaseConfigFromEnv } from "../db/config";
import { openDatabase } from "../db/open";
import { AccountError, createAccount, listAccounts, resetPassword, setDisabled } from "../auth/accounts";
import { Passwords } from "../auth/passwords";
import { isRole } from "../../domain/admin/roles";
import type { AuditActor } from "../audit/log";

const USAGE = `usage:
  npm run users -- add NAME --role province-admin|region-admin|editor [--region CODE] [--agency SLUG]
  npm run users -- list
  npm run users -- disable NAME
  npm run users -- enable NAME
  npm run users -- reset-password NAME
The password is read from standard input (typed twice on a terminal), never from an argument.`;

export class UsageError extends Error {}

/** Reads a password: hidden and confirmed on a terminal; the first line of piped input otherwise. */
export async function readPassword(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> {
  if (!input.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of input) chunks.push(Buffer.from(c as Buffer));
    const text = Buffer.concat(chunks).toString("utf8");
    const line = text.split(/\r?\n/)[0] ?? "";
    if (line === "") throw new UsageError("no password on standard input");
    return line;
  }
  const ask = (prompt: string) => new Promise<string>((resolve, reject) => {
    output.write(prompt);
    input.setRawMode(true);
    input.resume();
    let value = "";
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString("utf8")) {
        if (ch === "\r" || ch === "\n") { done(); resolve(value); return; }
        if (ch === "\u0003") { done(); reject(new UsageError("cancelled")); return; }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => { input.off("data", onData); input.setRawMode(false); input.pause(); output.write("\n"); };
    input.on("data", onData);
  });
  const first = await ask("Password: ");
  const second = await ask("Password again: ");
  if (first !== second) throw new UsageError("the two passwords differ");
  return first;
}

export interface UsersIo {
  readPassword(): Promise<string>;
  out(line: string): void;
  err(line: string): void;
}

const defaultIo: UsersIo = { readPassword: () => readPassword(), out: (l) => console.log(l), err: (l) => console.error(l) };

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env, io: UsersIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest, allowPositionals: true, strict: true,
      options: { role: { type: "string" }, region: { type: "string" }, agency: { type: "string" } },
    });
  } catch (err) {
    io.err(`users: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const name = positionals[0];
  const needsName = ["add", "disable", "enable", "reset-password"];
  if (!command || !["add", "list", ...needsName].includes(command) || (needsName.includes(command) && (!name || positionals.length !== 1))) {
    io.err(USAGE);
    return 2;
  }
  if (command !== "add" && (values.role || values.region || values.agency)) {
    io.err(`users: --role, --region and --agency belong to add only\n${USAGE}`);
    return 2;
  }
  if (command === "add" && !isRole(values.role)) {
    io.err(`users: --role must be province-admin, region-admin or editor\n${USAGE}`);
    return 2;
  }
  const db = await openDatabase(databaseConfigFromEnv(env));
  const actor: AuditActor = { username: `cli:${safeOsUser()}`, role: null, address: null };
  const passwords = new Passwords();
  try {
    switch (command) {
      case "list": {
        const rows = await listAccounts(db.kysely);
        if (rows.length === 0) io.out("no accounts yet: npm run users -- add NAME --role ROLE ...");
        for (const r of rows) {
          io.out([r.username.padEnd(24), r.role.padEnd(15), (r.region ?? "-").padEnd(6), (r.agency ?? "-").padEnd(22), r.disabled ? "disabled" : "active", r.createdAt.slice(0, 10)].join(" "));
        }
        return 0;
      }
      case "add": {
        const password = await io.readPassword();
        const row = await createAccount(db, passwords, {
          username: name!, role: values.role as never, region: values.region ?? null, agency: values.agency ?? null, password,
        }, actor);
        io.out(`added ${row.username} (${row.role}${row.region ? ` ${row.region}` : ""}${row.agency ? ` ${row.agency}` : ""})`);
        return 0;
      }
      case "disable":
      case "enable":
        await setDisabled(db, name!, command === "disable", actor);
        io.out(`${name} ${command}d${command === "disable" ? "; its sessions are ended" : ""}`);
        return 0;
      case "reset-password": {
        const password = await io.readPassword();
        await resetPassword(db, passwords, name!, password, actor);
        io.out(`new password set for ${name}; its sessions are ended`);
        return 0;
      }
    }
    return 2;
  } catch (err) {
    if (err instanceof AccountError || err instanceof UsageError) {
      io.err(`users: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

function safeOsUser(): string {
  try {
    return userInfo().username.replace(/[^a-zA-Z0-9._-]/g, "") || "unknown";
  } catch {
    return "unknown";
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (err: Error) => {
    console.error(`users: ${err.message.split("\n")[0]}`);
    process.exit(1);
  });
}
