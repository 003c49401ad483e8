// The lobby TV's page: /?mode=board&region=CODE (&lang=en or &lang=su, &voice=0 for no speech). No
// 3D: the board's view, its live stream, and the announcer (chime and Indonesian voice: the call is
// read in Indonesian in every language, the one every visitor in the hall is sure to follow). Basa
// Sunda comes from the app's lazy "words-su" chunk (the queue's strings-su.ts, a draft said so on the
// screen). With ?automation=1, window.__mppBoard tells browser tests what the screen shows and announced.
import css from "./board.css";
import { isRegionCode } from "../../domain/ids";
import { check } from "../../domain/validate";
import { RegionAnswer } from "../../domain/types";
import type { Board, Lang } from "../../domain/queue/shapes";
import { baseLang, isUiLang, type UiLang } from "../../domain/words/langs";
import { sheetLabel } from "../../domain/service-sheet";
import { qt } from "../queue/strings";
import { activateSundanese } from "../i18n/su-layers";
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

/**
 * Basa Sunda's tables switched on for qt(); whether they are a draft. Null when the chunk could not
 * be loaded: the board then shows Indonesian (and says lang="id"), never a half-translated screen.
 */
async function loadSundanese(): Promise<{ draft: boolean } | null> {
  try {
    const m = await import(/* webpackChunkName: "words-su" */ "../i18n/sundanese");
    activateSundanese(m.SUNDANESE.layers);
    return { draft: m.SU_REVIEW.status === "draft" };
  } catch {
    return null;
  }
}

export function startBoard(win: Window): void {
  const url = new URL(win.location.href);
  const asked = url.searchParams.get("lang");
  const ui: UiLang = isUiLang(asked) ? asked : "id";
  if (ui !== "su") return showBoard(win, url, ui, false);
  void loadSundanese().then((su) => showBoard(win, url, su ? "su" : "id", su?.draft ?? false));
}

function showBoard(win: Window, url: URL, ui: UiLang, draft: boolean): void {
  const doc = win.document;
  // The queue's dictionary is complete in Indonesian and English; Basa Sunda is layered on Indonesian.
  const lang: Lang = baseLang(ui);
  const region = url.searchParams.get("region");
  doc.documentElement.classList.add("qb-page");
  doc.documentElement.lang = ui;
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
  if (draft) {
    // Said on the screen until a Sundanese-speaking reviewer confirms the translation (strings-su.ts).
    const note = doc.createElement("p");
    note.className = "qb-draft";
    note.dataset.testid = "board-draft";
    note.textContent = sheetLabel("draftTranslation", "su");
    view.root.querySelector(".qb-title")?.after(note);
  }
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
