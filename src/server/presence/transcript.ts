// Counter conversations as the relay saw them (issue 16, point 5). Each visitor's node records the
// chat lines between that visitor and a counter's staff as it relays them: what the visitor sent to
// the counter, and what staff of that counter sent to the visitor. At the visitor's request
// (`transcript`), these lines (never text the client claims was said) become a consultation ticket.
// Kept in memory per socket, for the room only: a new room, a leave or a closed socket forgets them.
import type { ServerMessageOf } from "../../domain/presence/messages";
import type { Conn, Room } from "./room";

export interface TranscriptLine {
  at: number;
  /** "visitor": the visitor who asks; "staff": the counter's staff. */
  by: "visitor" | "staff";
  /** The staff member was proven by an officer's account (the badge). */
  officer: boolean;
  text: string;
}

/** What the presence server needs to file a ticket (src/server/presence/officer-link.ts gives it). */
export interface TranscriptFiler {
  /** Files the lines as a konsultasi ticket of that agency in that region; throws when it cannot. */
  file(input: { region: string; agency: string; lines: readonly TranscriptLine[]; lang: "id" | "en" }): Promise<{ code: string; formattedCode: string }>;
}

/** Lines kept per counter: a conversation, not an archive. */
export const MAX_TRANSCRIPT_LINES = 200;
/** A ticket's text holds up to 4,000 characters: the newest lines that fit are filed. */
export const TICKET_TEXT_MAX = 4000;

interface Record {
  room: string;
  counters: Map<string, TranscriptLine[]>;
  filed: number;
}

const records = new WeakMap<Conn, Record>();

function recordOf(conn: Conn, room: string): Record {
  let r = records.get(conn);
  if (!r || r.room !== room) records.set(conn, (r = { room, counters: new Map(), filed: 0 }));
  return r;
}

function push(conn: Conn, room: string, agency: string, line: TranscriptLine): void {
  const r = recordOf(conn, room);
  let lines = r.counters.get(agency);
  if (!lines) r.counters.set(agency, (lines = []));
  lines.push(line);
  if (lines.length > MAX_TRANSCRIPT_LINES) lines.splice(0, lines.length - MAX_TRANSCRIPT_LINES);
}

/** The visitor's own message to a counter, as relayed. */
export function recordSent(conn: Conn, room: Room, msg: ServerMessageOf<"chat">): void {
  if (msg.agency === null || conn.staff === msg.agency) return;
  push(conn, room.id, msg.agency, { at: msg.at, by: "visitor", officer: false, text: msg.text });
}

/** A message delivered to a visitor of this node: kept when it comes from a counter's staff, to them alone. */
export function recordDelivered(conn: Conn, room: Room, msg: ServerMessageOf<"chat">): void {
  if (msg.to !== conn.id) return;
  const sender = room.peer(msg.from);
  if (!sender || sender.staff === null) return;
  push(conn, room.id, sender.staff, { at: msg.at, by: "staff", officer: sender.officer === true, text: msg.text });
}

export function transcriptLines(conn: Conn, room: string, agency: string): readonly TranscriptLine[] {
  const r = records.get(conn);
  return r && r.room === room ? r.counters.get(agency) ?? [] : [];
}

/** Tickets filed from this socket in this room (a bound: a visitor cannot flood the inbox). */
export function countFiled(conn: Conn, room: string): number {
  const r = recordOf(conn, room);
  return r.filed++;
}

const pad = (n: number) => String(n).padStart(2, "0");
/** Clock time in Western Indonesia Time (UTC+7), the MPPs of Jawa Barat. */
function wib(at: number): string {
  const d = new Date(at + 7 * 3600_000);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The ticket's text: a heading, then the newest lines that fit in TICKET_TEXT_MAX characters. */
export function formatTranscript(agencyName: string, lines: readonly TranscriptLine[], lang: "id" | "en"): string {
  const head = lang === "en"
    ? `Transcript of a chat at the ${agencyName} counter in the 3D MPP (recorded by the server, times WIB):`
    : `Transkrip obrolan di loket ${agencyName} di MPP 3D (dicatat server, waktu WIB):`;
  const who = (l: TranscriptLine) => l.by === "visitor"
    ? (lang === "en" ? "Visitor" : "Pengunjung")
    : `${lang === "en" ? "Officer" : "Petugas"} ${agencyName}${l.officer ? "" : lang === "en" ? " (event staff)" : " (staf acara)"}`;
  const body: string[] = [];
  let size = head.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i]!;
    const text = `[${wib(l.at)}] ${who(l)}: ${l.text}`;
    if (size + 1 + text.length > TICKET_TEXT_MAX) break;
    body.unshift(text);
    size += 1 + text.length;
  }
  return [head, ...body].join("\n");
}
