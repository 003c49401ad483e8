// How old a record's verification is. A record last verified more than 12 months ago is "perlu
// ditinjau" (due for review) in the workspace, and citizens see its date with "lebih dari setahun
// lalu". Dates are calendar days in WIB (UTC+7, no daylight saving), the officers' own day.

const WIB_OFFSET_MS = 7 * 3600_000;

/** Today's date in WIB as YYYY-MM-DD. */
export function todayWib(now: number = Date.now()): string {
  return new Date(now + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The same calendar day `months` months earlier (day clamped to the month's length). */
export function monthsBefore(isoDate: string, months: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`review-age: expected YYYY-MM-DD, got ${JSON.stringify(isoDate)}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), last);
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export type ReviewState = "never" | "due" | "current";

/** "never": not verified; "due": last verified before the same day 12 months ago; else "current". */
export function reviewState(record: { verified: boolean; lastVerified: string | null }, today: string): ReviewState {
  if (!record.verified || record.lastVerified === null) return "never";
  return record.lastVerified < monthsBefore(today, 12) ? "due" : "current";
}

/** True when a verification date is more than a year old (the citizen-facing "lebih dari setahun lalu"). */
export function olderThanAYear(lastVerified: string | null, today: string): boolean {
  return lastVerified !== null && lastVerified < monthsBefore(today, 12);
}

export const OLDER_THAN_A_YEAR = { id: "lebih dari setahun lalu", en: "more than a year ago", su: "langkung ti sataun kapengker" } as const;

/** " (lebih dari setahun lalu)" after a verification date over a year old, else "" (kiosk and /layanan). */
export function verifiedAgeNote(lastVerified: string | null, lang: "id" | "en" | "su", now: number = Date.now()): string {
  return olderThanAYear(lastVerified, todayWib(now)) ? ` (${OLDER_THAN_A_YEAR[lang]})` : "";
}
