// An iCalendar file (RFC 5545) for a booking, to put the appointment in the citizen's calendar.
// Times are local Asia/Jakarta with its VTIMEZONE (fixed +07:00, no DST), so calendars show 08:00
// whatever zone the phone is in, and the event moves correctly if the citizen travels. Lines end in
// CRLF and are folded at 75 octets without splitting a UTF-8 character; text is escaped.
// Privacy: the event carries the booking code, the queue number, the agency and the MPP, never the
// citizen's name or phone (the input type has no place for them).
import { isIsoDate, parseWallTime, WIB_TIME_ZONE, type IsoDate, type WallTime } from "../time/wib";
import { isCode } from "./code";

export interface BookingEvent {
  code: string;
  /** Queue number, e.g. "B-014". */
  number?: string;
  date: IsoDate;
  start: WallTime;
  end: WallTime;
  /** e.g. "Antrean Imigrasi - MPP Kota Bandung". */
  summary: string;
  location?: string;
  /** Extra lines, e.g. what to bring; no personal data. */
  description?: string;
  /** When the file is made (DTSTAMP). */
  now: Date;
  /** Domain part of the UID; the server's host name. */
  uidDomain?: string;
  /** Minutes before the start to remind; default 60, null for no reminder. */
  alarmMinutes?: number | null;
}

const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${WIB_TIME_ZONE}`,
  "BEGIN:STANDARD",
  "DTSTART:19700101T000000",
  "TZOFFSETFROM:+0700",
  "TZOFFSETTO:+0700",
  "TZNAME:WIB",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** Escapes a TEXT value: backslash, semicolon, comma and newlines; drops other control characters. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** Folds one content line into lines of at most 75 octets (continuations start with a space). */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // a continuation's leading space counts too
    if (octets + n > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join("\r\n ");
}

const dateTime = (date: IsoDate, time: WallTime) => `${date.replace(/-/g, "")}T${time.replace(":", "")}00`;
const utcStamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

export function bookingIcs(e: BookingEvent): string {
  if (!isCode(e.code)) throw new RangeError(`ics: ${JSON.stringify(e.code)} is not a booking code`);
  if (!isIsoDate(e.date)) throw new RangeError(`ics: bad date ${JSON.stringify(e.date)}`);
  const start = parseWallTime(e.start);
  const end = parseWallTime(e.end);
  if (start === null || end === null || end <= start) throw new RangeError(`ics: bad slot ${e.start}-${e.end}`);
  if (!Number.isFinite(e.now.getTime())) throw new RangeError("ics: bad DTSTAMP");
  if (e.alarmMinutes != null && (!Number.isInteger(e.alarmMinutes) || e.alarmMinutes < 0)) {
    throw new RangeError(`ics: alarm ${e.alarmMinutes} must be whole minutes >= 0`);
  }
  const domain = (e.uidDomain ?? "mpp-digital-xr").replace(/[^A-Za-z0-9.-]/g, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//MPP Digital XR//Antrean//ID",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...VTIMEZONE,
    "BEGIN:VEVENT",
    `UID:booking-${e.code}@${domain}`,
    `DTSTAMP:${utcStamp(e.now)}`,
    `DTSTART;TZID=${WIB_TIME_ZONE}:${dateTime(e.date, e.start)}`,
    `DTEND;TZID=${WIB_TIME_ZONE}:${dateTime(e.date, e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    `DESCRIPTION:${escapeText([
      `Kode booking / Booking code: ${e.code}`,
      ...(e.number ? [`Nomor antrean / Queue number: ${e.number}`] : []),
      ...(e.description ? ["", e.description] : []),
    ].join("\n"))}`,
    "STATUS:CONFIRMED",
    "TRANSP:OPAQUE",
    ...(e.alarmMinutes === null ? [] : [
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `TRIGGER:-PT${e.alarmMinutes ?? 60}M`,
      `DESCRIPTION:${escapeText(e.summary)}`,
      "END:VALARM",
    ]),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
