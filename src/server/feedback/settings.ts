// Settings of questions, complaints and the SKM: daily limits per client address, how long a
// contact is kept after closing, how long a visit may be rated. Defaults below; the environment
// (main.ts: feedbackSettingsFromEnv) or build({ feedback }) change them.
import type { VisitKind } from "../db/tables-feedback";

export interface FeedbackSettings {
  /** Questions and complaints one address may leave per WIB day. */
  ticketsPerDay: number;
  /** Citizens' follow-up messages on tickets, per address and day. */
  messagesPerDay: number;
  /** Survey answers per address and day. */
  surveysPerDay: number;
  /** Visit tokens per address and day (service reads, lobby visits). */
  visitsPerDay: number;
  /** Lobby touch screens: one address serves a whole day of visitors; their limits are multiplied. */
  lobbyAddresses: readonly string[];
  lobbyFactor: number;
  /** Days after closing before a ticket's contact is deleted (TICKET_CONTACT_RETENTION_DAYS). */
  contactRetentionDays: number;
  /** How long a visit may be rated, per kind (ms). */
  visitTtlMs: Readonly<Record<VisitKind, number>>;
  /** How often the retention job runs (ms); 0 switches the timer off (tests call purge directly). */
  purgeEveryMs: number;
}

const HOUR = 3_600_000;

export const DEFAULT_FEEDBACK_SETTINGS: Readonly<FeedbackSettings> = Object.freeze({
  ticketsPerDay: 10,
  messagesPerDay: 30,
  surveysPerDay: 20,
  visitsPerDay: 300,
  lobbyAddresses: [],
  lobbyFactor: 50,
  contactRetentionDays: 30,
  visitTtlMs: Object.freeze({ service: 24 * HOUR, lobby: 2 * HOUR, queue: 7 * 24 * HOUR }),
  purgeEveryMs: HOUR,
});

export class FeedbackSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FeedbackSettingsError";
  }
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new FeedbackSettingsError(`${name} must be a whole number >= ${min}, got ${JSON.stringify(raw)}`);
  return n;
}

/**
 * TICKET_CONTACT_RETENTION_DAYS (default 30), FEEDBACK_TICKETS_PER_DAY (10), FEEDBACK_SURVEYS_PER_DAY
 * (20), FEEDBACK_VISITS_PER_DAY (300), FEEDBACK_LOBBY_ADDRESSES (comma-separated addresses of lobby
 * touch screens, whose limits are FEEDBACK_LOBBY_FACTOR = 50 times larger).
 */
export function feedbackSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<FeedbackSettings> {
  const d = DEFAULT_FEEDBACK_SETTINGS;
  return {
    contactRetentionDays: wholeNumber(env, "TICKET_CONTACT_RETENTION_DAYS", d.contactRetentionDays, 0),
    ticketsPerDay: wholeNumber(env, "FEEDBACK_TICKETS_PER_DAY", d.ticketsPerDay, 1),
    surveysPerDay: wholeNumber(env, "FEEDBACK_SURVEYS_PER_DAY", d.surveysPerDay, 1),
    visitsPerDay: wholeNumber(env, "FEEDBACK_VISITS_PER_DAY", d.visitsPerDay, 1),
    lobbyFactor: wholeNumber(env, "FEEDBACK_LOBBY_FACTOR", d.lobbyFactor, 1),
    lobbyAddresses: (env.FEEDBACK_LOBBY_ADDRESSES ?? "").split(",").map((s) => s.trim()).filter(Boolean),
  };
}

export function resolveSettings(partial: Partial<FeedbackSettings> = {}): FeedbackSettings {
  return { ...DEFAULT_FEEDBACK_SETTINGS, ...partial, visitTtlMs: { ...DEFAULT_FEEDBACK_SETTINGS.visitTtlMs, ...partial.visitTtlMs } };
}
