// The lobby TV's page: /?mode=board&region=CODE (&lang=en, &voice=0 for no speech). No 3D: the
// board's view, its live stream, and the announcer (chime and Indonesian voice). With ?automation=1,
// window.__mppBoard tells browser tests what the screen shows and announced.
import css from "./board.css";
import { isRegionCode } from "../../domain/ids";
import { check } from "../../domain/validate";
import { RegionAnswer } from "../../domain/types";
import type { Board, Lang } from "../../domain/queue/shapes";
import { qt } from "../queue/strings";
import { Announcer, createChime, createSpeaker, newCalls, type Announcement } from "./announcer";
import { connectBoardStream, type StreamState } from "./board-stream";
import { createBoardView } from "./board-view";

export interface BoardProbe {
  state(): StreamState;
  boards(): number;
  hero(): string;
  announcements(): Announcement[];
}

declare global {
  interface Window { __mppBoard?: BoardProbe }
}

export function startBoard(win: Window): void {
  const doc = win.document;
  const url = new URL(win.location.href);
  const lang: Lang = url.searchParams.get("lang") === "en" ? "en" : "id";
  const region = url.searchParams.get("region");
  doc.documentElement.classList.add("qb-page");
  doc.documentElement.lang = lang;
  const style = doc.createElement("style");
  style.textContent = css;
  doc.head.append(style);
  doc.getElementById("scene")?.remove();
  const host = doc.getElementById("ui") ?? doc.body;
  if (!isRegionCode(region)) {
    const p = doc.createElement("p");
    p.className = "qb-message";
    p.textContent = qt(lang, "board.noRegion");
    host.append(p);
    return;
  }
  const view = createBoardView(doc, lang, region);
  host.append(view.root);
  view.tick(new Date());
  win.setInterval(() => view.tick(new Date()), 1000);

  void fetch(`/api/v1/regions/${region}`, { headers: { accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
    .then((body: unknown) => {
      const r = (check(RegionAnswer, body, "body") as { region: { name: string; physicalMpp: { status: string } } }).region;
      view.setMppName(qt(lang, "board.mpp", { name: r.name }));
    })
    .catch(() => { /* the code stays as the title; the numbers matter more */ });

  const chime = createChime(win);
  const speaker = createSpeaker(win);
  const voice = url.searchParams.get("voice") !== "0";
  const announcer = new Announcer({
    chime: () => chime.chime(),
    speak: (s) => (voice ? speaker.speak(s) : Promise.resolve()),
    onShow: (a) => view.show(a),
  });
  const promptSound = () => {
    view.setSoundPrompt(!chime.ready(), () => void chime.unlock().then(() => view.setSoundPrompt(false, () => undefined)));
  };
  // Browsers hold sound back until the page is touched (Chromium: --autoplay-policy=no-user-gesture-required lifts it).
  win.setTimeout(promptSound, 1500);
  doc.addEventListener("pointerdown", () => void chime.unlock().then(promptSound), { once: true });

  let last: Board | null = null;
  let count = 0;
  const stream = connectBoardStream(win, {
    url: `/api/v1/regions/${region}/queue/board/stream?lang=${lang}`,
    onBoard: (board) => {
      count++;
      view.render(board);
      announcer.enqueue(newCalls(last, board));
      last = board;
    },
    onState: (s) => view.setState(s),
  });
  win.addEventListener("pagehide", () => stream.close());

  if (url.searchParams.get("automation") === "1") {
    win.__mppBoard = {
      state: () => stream.state,
      boards: () => count,
      hero: () => doc.querySelector("[data-testid=hero-number]")?.textContent ?? "",
      announcements: () => [...announcer.log],
    };
  }
}
