// Password hashing with argon2id (@node-rs/argon2, pinned), and the rules a new password must meet.
// Parameters default to OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane). Every sign-in runs
// exactly one verification, also for an unknown or disabled account (against a dummy hash with the
// same parameters), so a wrong username costs the same as a wrong password. `calls` counts hash and
// verify calls: tests check that equality by counting, not with a stopwatch.
import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";

/** Algorithm.Argon2id: a const enum, which isolated modules cannot read, so its value is written out. */
const ARGON2ID = 2 as const;

export interface HashParams {
  /** KiB of memory per hash. */
  memoryCost: number;
  /** Passes over the memory. */
  timeCost: number;
  parallelism: number;
}

export const DEFAULT_HASH_PARAMS: Readonly<HashParams> = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export class Passwords {
  readonly calls = { hash: 0, verify: 0 };
  private dummy: Promise<string> | null = null;

  constructor(private readonly params: HashParams = DEFAULT_HASH_PARAMS) {}

  async hash(password: string): Promise<string> {
    this.calls.hash++;
    return hash(password, { algorithm: ARGON2ID, ...this.params });
  }

  /** False for a wrong password and for a stored value that is not an argon2 hash (never throws). */
  async verify(stored: string, password: string): Promise<boolean> {
    this.calls.verify++;
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  }

  /** The same work as verify() for a sign-in with no account behind it; always false. */
  async verifyNobody(password: string): Promise<false> {
    // The dummy is made once, uncounted: it stands for an account's stored hash.
    this.dummy ??= hash(randomBytes(24).toString("base64url"), { algorithm: ARGON2ID, ...this.params });
    await this.verify(await this.dummy, password);
    return false;
  }
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/**
 * Words that make a password guessable whatever digits or symbols surround them: the commonest
 * passwords worldwide and in Indonesia, and the names this system and its places go by.
 */
const COMMON = new Set([
  "password", "passw", "pass", "qwerty", "qwertyuiop", "asdf", "asdfgh", "asdfghjkl", "zxcvbnm", "abc", "abcd", "abcdef",
  "admin", "administrator", "root", "user", "login", "welcome", "letmein", "iloveyou", "monkey", "dragon", "master",
  "football", "sunshine", "princess", "superman", "batman", "trustno", "secret", "changeme", "default", "test", "guest",
  "rahasia", "sandi", "katasandi", "kuncirahasia", "masuk", "sayang", "cinta", "bismillah", "alhamdulillah", "indonesia",
  "merdeka", "garuda", "pancasila", "nusantara", "jakarta", "jawabarat", "jabar", "bandung", "bogor", "bekasi", "depok",
  "cimahi", "sukabumi", "cirebon", "tasikmalaya", "banjar", "karawang", "purwakarta", "subang", "sumedang", "garut",
  "mpp", "malpelayanan", "malpelayananpublik", "pelayanan", "pelayananpublik", "layanan", "pemda", "pemkot", "pemkab",
  "dinas", "kantor", "pegawai", "operator", "petugas", "officer", "editor", "mppdigital", "mppdigitalxr",
]);

/** Why a password is refused, in words for the person choosing it; null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  if ([...password].length < PASSWORD_MIN) return `use at least ${PASSWORD_MIN} characters (a few unrelated words work well)`;
  if ([...password].length > PASSWORD_MAX) return `use at most ${PASSWORD_MAX} characters`;
  if (/[\u0000-\u001f\u007f]/.test(password)) return "control characters are not allowed";
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return "it must not contain the username";
  if (new Set(lower).size < 6) return "use at least 6 different characters";
  const letters = lower.normalize("NFKD").replace(/[^a-z]/g, "");
  if (letters.length < 4) return "a password of mostly digits or symbols is easy to guess: include words";
  const repeated = (w: string) => w.length >= 3 && letters.length % w.length === 0 && letters === w.repeat(letters.length / w.length);
  if (COMMON.has(letters) || [...COMMON].some(repeated)) return "it is one of the commonest passwords with digits or symbols added";
  return null;
}
