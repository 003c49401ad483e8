// Live boards for Server-Sent Events, on one node or many. Each node keeps its boards' subscribers
// per region; while it has any, it reads the regions' board versions (queue_boards, moved by every
// call in the same transaction) every `pollMs` and sends a region's new board to its screens when the
// version or the date has changed. A call made on this node asks for a read at once (notify), so its
// own screens do not wait for the next poll; a call on another node shows within one poll. The same
// code serves SQLite (where only this process writes, and a poll is a local read) and PostgreSQL.
//
// Chosen over LISTEN/NOTIFY: no dedicated connection per node to keep alive and re-listen after a
// restart of PostgreSQL, nothing lost while a node reconnects (the version is state, not an event),
// and one indexed read of a few rows per poll however many screens watch.
import type { Kysely } from "kysely";
import { todayWib } from "../../domain/time/wib";
import { reasonOf } from "../db/engines/engine";
import type { Database } from "../db/tables";
import { readBoard } from "./board";

export type BoardSink = (json: string) => void;

interface RegionWatch {
  sinks: Set<BoardSink>;
  version: number | null;
  date: string | null;
  json: string | null;
}

export interface BoardHubOptions {
  pollMs: number;
  now: () => number;
  /** Where read failures are reported (the poll keeps going). */
  warn: (message: string) => void;
}

export class BoardHub {
  private readonly regions = new Map<string, RegionWatch>();
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(private readonly db: Kysely<Database>, private readonly options: BoardHubOptions) {}

  get subscribers(): number {
    let n = 0;
    for (const w of this.regions.values()) n += w.sinks.size;
    return n;
  }

  /** Sends the current board at once, then every change; returns the unsubscribe function. */
  async subscribe(region: string, sink: BoardSink): Promise<() => void> {
    let w = this.regions.get(region);
    if (!w) this.regions.set(region, (w = { sinks: new Set(), version: null, date: null, json: null }));
    w.sinks.add(sink);
    if (w.json === null) await this.poll();
    if (w.json !== null && w.sinks.has(sink)) sink(w.json);
    this.schedule();
    return () => {
      w.sinks.delete(sink);
      if (w.sinks.size === 0) this.regions.delete(region);
    };
  }

  /** A call was made on this node: read now instead of at the next tick. */
  notify(): void {
    if (this.regions.size > 0) void this.poll();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.regions.clear();
  }

  private schedule(): void {
    if (this.timer || this.closed || this.regions.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poll().finally(() => this.schedule());
    }, this.options.pollMs);
    this.timer.unref();
  }

  /** One read of every watched region's version; concurrent calls share it (and one more follows if asked meanwhile). */
  private poll(): Promise<void> {
    if (this.polling) {
      this.again = true;
      return this.polling;
    }
    this.polling = this.readAll().finally(() => {
      this.polling = null;
      if (this.again) {
        this.again = false;
        void this.poll();
      }
    });
    return this.polling;
  }

  private async readAll(): Promise<void> {
    const codes = [...this.regions.keys()];
    if (codes.length === 0) return;
    const now = new Date(this.options.now());
    const today = todayWib(now);
    try {
      const rows = await this.db.selectFrom("queue_boards").select(["region_code", "version"]).where("region_code", "in", codes).execute();
      const versions = new Map(rows.map((r) => [r.region_code, Number(r.version)]));
      for (const code of codes) {
        const w = this.regions.get(code);
        if (!w) continue;
        const version = versions.get(code) ?? 0;
        if (w.json !== null && w.version === version && w.date === today) continue;
        const json = JSON.stringify(await readBoard(this.db, code, now));
        w.version = version;
        w.date = today;
        if (json === w.json) continue;
        w.json = json;
        for (const sink of w.sinks) sink(json);
      }
    } catch (err) {
      this.options.warn(`queue board: reading the boards failed (${reasonOf(err)}); retrying`);
    }
  }
}
