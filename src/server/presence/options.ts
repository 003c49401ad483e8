// The presence server's settings: defaults, and the environment variables that change them.
import type { GuideAuthority } from "./authority";
import type { OfficerLookup } from "./officer-link";
import type { TranscriptFiler } from "./transcript";

export interface PresenceOptions {
  /** Visitors per room, across all nodes (PRESENCE_ROOM_MAX). */
  roomMax: number;
  /** Open sockets per client address on this node (PRESENCE_MAX_PER_ADDRESS). A booth's headsets share one NAT address. */
  maxSocketsPerAddress: number;
  /** The event PIN that makes a guide (PRESENCE_GUIDE_PIN); no PIN, no guide by PIN. */
  guidePin: string | null;
  /** The PIN that lets booth staff staff a counter (PRESENCE_STAFF_PIN); officers' accounts come later. */
  staffPin: string | null;
  /** Other origins allowed to connect besides the page's own (PRESENCE_ORIGINS, comma-separated). */
  allowedOrigins: string[];
  /** With a Redis URL rooms span nodes (REDIS_URL); null: one node, nothing shared. */
  redisUrl: string | null;
  /** Prefix of every Redis key and channel (PRESENCE_REDIS_PREFIX). */
  redisPrefix: string;
  /** Pose batches are sent once per tick. */
  tickMs: number;
  /** A socket that answers no ping within this interval is closed (4408). */
  pingIntervalMs: number;
  /** A socket that has not joined a room by then is closed (4408). */
  joinTimeoutMs: number;
  /** How long a resume token stays valid. */
  resumeTtlMs: number;
  /** A node's heartbeat period, and how long after its last beat it counts as dead (its visitors leave). */
  heartbeatMs: number;
  nodeTtlMs: number;
  /** Failed PIN attempts per address before claims are refused for pinLockoutMs. */
  pinAttempts: number;
  pinLockoutMs: number;
  /** Who may be a guide or staff a counter; default: the PINs above. */
  authority: GuideAuthority | null;
  /** The signed-in officer behind a socket (build() gives the workspace's sessions): officers guide and staff without a PIN. */
  officerOf: OfficerLookup | null;
  /** Files a counter conversation as a consultation ticket (build() gives the tickets of issue 15); null: `transcript_unavailable`. */
  transcripts: TranscriptFiler | null;
}

export const PRESENCE_DEFAULTS: PresenceOptions = {
  roomMax: 30,
  maxSocketsPerAddress: 40,
  guidePin: null,
  staffPin: null,
  allowedOrigins: [],
  redisUrl: null,
  redisPrefix: "mpp:presence:",
  tickMs: 50,
  pingIntervalMs: 15_000,
  joinTimeoutMs: 15_000,
  resumeTtlMs: 6 * 3600_000,
  heartbeatMs: 1_000,
  nodeTtlMs: 4_000,
  pinAttempts: 5,
  pinLockoutMs: 5 * 60_000,
  authority: null,
  officerOf: null,
  transcripts: null,
};

function int(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`presence: ${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  return n;
}

/** Settings from the environment; a bad value stops the server with a message naming the variable. */
export function presenceOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<PresenceOptions> {
  const o: Partial<PresenceOptions> = {};
  const roomMax = int(env, "PRESENCE_ROOM_MAX", 1, 1000);
  if (roomMax !== undefined) o.roomMax = roomMax;
  const perAddress = int(env, "PRESENCE_MAX_PER_ADDRESS", 1, 100_000);
  if (perAddress !== undefined) o.maxSocketsPerAddress = perAddress;
  for (const [key, name] of [["guidePin", "PRESENCE_GUIDE_PIN"], ["staffPin", "PRESENCE_STAFF_PIN"]] as const) {
    const pin = env[name];
    if (pin === undefined || pin === "") continue;
    if (pin.length < 4 || pin.length > 64) throw new Error(`presence: ${name} must have 4 to 64 characters`);
    o[key] = pin;
  }
  if (env.PRESENCE_ORIGINS) o.allowedOrigins = env.PRESENCE_ORIGINS.split(",").map((s) => s.trim()).filter(Boolean);
  if (env.REDIS_URL) o.redisUrl = env.REDIS_URL;
  if (env.PRESENCE_REDIS_PREFIX) o.redisPrefix = env.PRESENCE_REDIS_PREFIX;
  return o;
}
