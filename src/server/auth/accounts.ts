// Officer accounts: made, listed, disabled and given a new password by the `npm run users` command
// (src/server/cli/users.ts), never with a default account or password. Each change is one audit
// row; disabling an account or resetting its password ends its sessions on every node.
import type { Kysely } from "kysely";
import { isRegionCode, isSlug } from "../../domain/ids";
import { isRole, scopeProblem, type Officer, type Role } from "../../domain/admin/roles";
import { recordAudit, type AuditActor } from "../audit/log";
import type { Db } from "../db/open";
import type { Database } from "../db/tables";
import { passwordProblem, type Passwords } from "./passwords";

export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/;

export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AccountError";
  }
}

export interface AccountRow extends Officer {
  id: number;
  disabled: boolean;
  createdAt: string;
  passwordChangedAt: string;
}

export interface NewAccount {
  username: string;
  role: Role;
  region: string | null;
  agency: string | null;
  password: string;
}

/** Checks role, scope and that the region and agency exist; throws AccountError with a sentence. */
async function checkScope(db: Kysely<Database>, role: string, region: string | null, agency: string | null): Promise<void> {
  if (!isRole(role)) throw new AccountError(`unknown role ${JSON.stringify(role)} (province-admin, region-admin or editor)`);
  const problem = scopeProblem(role, region, agency);
  if (problem) throw new AccountError(problem);
  if (region !== null) {
    if (!isRegionCode(region)) throw new AccountError(`--region must be a four-digit Kemendagri code, got ${JSON.stringify(region)}`);
    const found = await db.selectFrom("regions").select("code").where("code", "=", region).executeTakeFirst();
    if (!found) throw new AccountError(`no kabupaten/kota with code ${region}`);
  }
  if (agency !== null) {
    if (!isSlug(agency)) throw new AccountError(`--agency must be an agency slug such as imigrasi, got ${JSON.stringify(agency)}`);
    const found = await db.selectFrom("agencies").select("id").where("region_code", "=", region!).where("slug", "=", agency).executeTakeFirst();
    if (!found) throw new AccountError(`no agency ${agency} in region ${region}`);
  }
}

export async function createAccount(db: Db, passwords: Passwords, input: NewAccount, actor: AuditActor): Promise<AccountRow> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) throw new AccountError("a username is 3-40 characters: a-z, 0-9, dot, dash or underscore, starting with a letter or digit");
  await checkScope(db.kysely, input.role, input.region, input.agency);
  const weak = passwordProblem(input.password, username);
  if (weak) throw new AccountError(`password refused: ${weak}`);
  const passwordHash = await passwords.hash(input.password);
  const now = new Date().toISOString();
  return db.transaction(async (trx) => {
    const taken = await trx.selectFrom("officers").select("id").where("username", "=", username).executeTakeFirst();
    if (taken) throw new AccountError(`the username ${username} is taken (usernames are never reused)`);
    const row = await trx.insertInto("officers").values({
      username, password_hash: passwordHash, role: input.role, region_code: input.region, agency_slug: input.agency,
      created_at: now, updated_at: now, password_changed_at: now,
    }).returning("id").executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor, action: "officer.create", entity: `officer:${username}`, at: now,
      changes: [
        { field: "role", before: null, after: input.role },
        { field: "region", before: null, after: input.region },
        { field: "agency", before: null, after: input.agency },
      ],
    });
    return {
      id: Number(row.id), username, role: input.role, region: input.region, agency: input.agency,
      disabled: false, createdAt: now, passwordChangedAt: now,
    };
  });
}

export async function listAccounts(db: Kysely<Database>): Promise<AccountRow[]> {
  const rows = await db.selectFrom("officers").selectAll().orderBy("username").execute();
  return rows.map((r) => ({
    id: Number(r.id), username: r.username, role: r.role, region: r.region_code, agency: r.agency_slug,
    disabled: Number(r.disabled) === 1, createdAt: r.created_at, passwordChangedAt: r.password_changed_at,
  }));
}

async function findId(db: Kysely<Database>, username: string): Promise<{ id: number; disabled: boolean }> {
  const row = await db.selectFrom("officers").select(["id", "disabled"]).where("username", "=", username.trim().toLowerCase()).executeTakeFirst();
  if (!row) throw new AccountError(`no account named ${username}`);
  return { id: Number(row.id), disabled: Number(row.disabled) === 1 };
}

/** Disables (or enables again) an account; disabling ends its sessions at once. */
export async function setDisabled(db: Db, username: string, disabled: boolean, actor: AuditActor): Promise<void> {
  const name = username.trim().toLowerCase();
  const found = await findId(db.kysely, name);
  if (found.disabled === disabled) throw new AccountError(`${name} is already ${disabled ? "disabled" : "enabled"}`);
  await db.transaction(async (trx) => {
    await trx.updateTable("officers").set({ disabled: disabled ? 1 : 0, updated_at: new Date().toISOString() }).where("id", "=", found.id).execute();
    if (disabled) await trx.deleteFrom("sessions").where("officer_id", "=", found.id).execute();
    await recordAudit(trx, {
      actor, action: disabled ? "officer.disable" : "officer.enable", entity: `officer:${name}`,
      changes: [{ field: "disabled", before: !disabled, after: disabled }],
    });
  });
}

/** Sets a new password (checked like a new account's); ends the account's sessions. */
export async function resetPassword(db: Db, passwords: Passwords, username: string, password: string, actor: AuditActor): Promise<void> {
  const name = username.trim().toLowerCase();
  const found = await findId(db.kysely, name);
  const weak = passwordProblem(password, name);
  if (weak) throw new AccountError(`password refused: ${weak}`);
  const passwordHash = await passwords.hash(password);
  const now = new Date().toISOString();
  await db.transaction(async (trx) => {
    await trx.updateTable("officers").set({ password_hash: passwordHash, password_changed_at: now, updated_at: now }).where("id", "=", found.id).execute();
    await trx.deleteFrom("sessions").where("officer_id", "=", found.id).execute();
    // The hash is never in the log: the row says that it changed, not what to.
    await recordAudit(trx, { actor, action: "officer.password_reset", entity: `officer:${name}`, at: now, changes: [{ field: "password", before: "(set)", after: "(changed)" }] });
  });
}
