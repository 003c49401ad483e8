// The hall's queue board inside a 3D MPP (role "queue-display" in the interior model, painted by
// world/queue-display.ts): the same live numbers as the lobby TV board (/?mode=board), from the same
// event stream. Follows the visitor: connected on entering a building with an MPP, closed on leaving.
// Silent: the chime and voice are the lobby board's; a visitor in VR hears nothing unexpected.
import type { Board, Lang } from "../../domain/queue/shapes";
import { connectBoardStream, type StreamState } from "../board/board-stream";
import { QUEUE_BOARD_ROWS, type QueueBoardFace, type QueueDisplay } from "../world/queue-display";
import { qt } from "./strings";
import { pickText } from "../i18n/su-layers";

export interface HallDisplay {
  /** The board's rows as text ("Imigrasi L1: B-014"), for the test hook. */
  readonly lines: readonly string[];
  readonly state: StreamState;
  repaint(): void;
  dispose(): void;
}

/** The face for a board answer: the counters called last, newest first; before any call, the first counters. */
export function hallFace(board: Board, lang: Lang, state: StreamState): QueueBoardFace {
  const called = board.counters.filter((c) => c.number !== null).sort((a, b) => (b.calledAt ?? "").localeCompare(a.calledAt ?? ""));
  const shown = (called.length ? called : board.counters).slice(0, QUEUE_BOARD_ROWS);
  return {
    title: "NOMOR ANTREAN · QUEUE NUMBER",
    columns: [pickText(lang, { id: "Loket", en: "Counter" }), pickText(lang, { id: "Nomor", en: "Number" })],
    rows: shown.map((c) => ({ counter: `${c.agencyShortName} ${c.label}`, number: c.number })),
    footer: state === "offline" ? qt(lang, "board.connecting") : called.length ? "" : qt(lang, "board.waitingFirst"),
  };
}

export function createHallDisplay(win: Window, display: QueueDisplay, o: { region: string; lang(): Lang }): HallDisplay {
  let board: Board | null = null;
  let state: StreamState = "connecting";
  let lines: string[] = [];
  const paint = () => {
    if (!board) return; // the model's idle face stays until the first answer
    const face = hallFace(board, o.lang(), state);
    lines = face.rows.map((r) => `${r.counter}: ${r.number ?? "-"}`);
    display.paint(face);
  };
  const stream = connectBoardStream(win, {
    url: `/api/v1/regions/${encodeURIComponent(o.region)}/queue/board/stream?lang=${o.lang()}`,
    onBoard: (b) => { board = b; paint(); },
    onState: (s) => { state = s; paint(); },
  });
  return {
    get lines() { return lines; },
    get state() { return state; },
    repaint: paint,
    dispose: () => stream.close(),
  };
}

/** Keeps the hall board live in the building the visitor is in, when it has an MPP building and a board. */
export function followHallDisplay(win: Window, deps: {
  places: { onChange(l: () => void): () => void; readonly interior: { region: { code: string; physicalMpp: { status: string } }; queueDisplay: QueueDisplay | null } | null };
  lang(): Lang;
  onLangChange(l: () => void): () => void;
}): { readonly current: HallDisplay | null; dispose(): void } {
  let current: HallDisplay | null = null;
  const follow = () => {
    current?.dispose();
    current = null;
    const inside = deps.places.interior;
    if (inside?.queueDisplay && inside.region.physicalMpp.status === "yes") {
      current = createHallDisplay(win, inside.queueDisplay, { region: inside.region.code, lang: deps.lang });
    }
  };
  const offs = [deps.places.onChange(follow), deps.onLangChange(() => current?.repaint())];
  follow();
  return {
    get current() { return current; },
    dispose() {
      for (const off of offs) off();
      current?.dispose();
      current = null;
    },
  };
}
