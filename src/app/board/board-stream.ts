// The board's live connection: an EventSource on /regions/{code}/queue/board/stream. The browser
// reconnects by itself after a dropped connection (the server asks for 2 s); when the server
// refuses (a restart answering 503, a limit answering 429) EventSource gives up, so this module
// opens a new one with a growing pause (2 s .. 30 s). A watchdog reconnects when nothing (not even
// the server's ping every 15 s) arrived for 40 s: a connection a router silently dropped.
import { check } from "../../domain/validate";
import { BoardAnswer, type Board } from "../../domain/queue/shapes";

export type StreamState = "connecting" | "live" | "offline";

export interface BoardStreamOptions {
  url: string;
  onBoard(board: Board): void;
  onState(state: StreamState): void;
  EventSource?: typeof EventSource;
  watchdogMs?: number;
  maxBackoffMs?: number;
}

export interface BoardStream {
  readonly state: StreamState;
  close(): void;
}

export function connectBoardStream(win: Window, o: BoardStreamOptions): BoardStream {
  const ES = o.EventSource ?? (win as unknown as { EventSource: typeof EventSource }).EventSource;
  const watchdogMs = o.watchdogMs ?? 40_000;
  const maxBackoff = o.maxBackoffMs ?? 30_000;
  let es: EventSource | null = null;
  let state: StreamState = "connecting";
  let backoff = 2000;
  let retryTimer = 0;
  let watchdog = 0;
  let closed = false;
  let offlineTimer = 0;

  const setState = (s: StreamState) => {
    if (s === state) return;
    state = s;
    o.onState(s);
  };
  const alive = () => {
    win.clearTimeout(watchdog);
    watchdog = win.setTimeout(() => reopen(), watchdogMs);
  };
  // A short reconnect is normal; the screen says "offline" only after 5 s without a connection.
  const troubled = () => {
    setState("connecting");
    if (!offlineTimer) offlineTimer = win.setTimeout(() => { offlineTimer = 0; if (state !== "live") setState("offline"); }, 5000);
  };

  function open(): void {
    if (closed) return;
    const source = new ES(o.url);
    es = source;
    alive();
    source.onopen = () => {
      backoff = 2000;
      win.clearTimeout(offlineTimer);
      offlineTimer = 0;
      setState("live");
      alive();
    };
    source.addEventListener("ping", alive);
    source.addEventListener("board", (e) => {
      alive();
      try {
        const { board } = check(BoardAnswer, JSON.parse((e as MessageEvent<string>).data), "board") as { board: Board };
        o.onBoard(board);
      } catch {
        // a malformed event is skipped; the next board replaces it
      }
    });
    source.onerror = () => {
      troubled();
      if (source.readyState === ES.CLOSED && es === source) reopen();
    };
  }

  function reopen(): void {
    es?.close();
    es = null;
    troubled();
    win.clearTimeout(retryTimer);
    retryTimer = win.setTimeout(open, backoff);
    backoff = Math.min(maxBackoff, backoff * 2);
  }

  open();
  return {
    get state() { return state; },
    close() {
      closed = true;
      es?.close();
      for (const t of [retryTimer, watchdog, offlineTimer]) win.clearTimeout(t);
    },
  };
}
