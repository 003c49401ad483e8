// The lobby TV's screen, built from DOM text only (no HTML from data): the MPP's name and the WIB
// clock, the number being called (large enough to read from 5 m on a 1080p TV: sizes in vh, see
// board.css), the last calls, and every counter with the number it called last.
import type { Board } from "../../domain/queue/shapes";
import type { Lang } from "../../domain/queue/shapes";
import { toWib } from "../../domain/time/wib";
import { qt, type QueueStringKey } from "../queue/strings";
import type { Announcement } from "./announcer";
import type { StreamState } from "./board-stream";

export interface BoardView {
  readonly root: HTMLElement;
  render(board: Board): void;
  /** The hero shows this call (an announcement) until the next. */
  show(a: Pick<Announcement, "number" | "label" | "agencyShortName">): void;
  setState(state: StreamState): void;
  setMppName(name: string): void;
  /** A button shown while the browser holds the chime back (autoplay policy). */
  setSoundPrompt(show: boolean, onTap: () => void): void;
  tick(now: Date): void;
  dispose(): void;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function createBoardView(doc: Document, lang: Lang, region: string): BoardView {
  const t = (key: QueueStringKey, p?: Record<string, string | number>) => qt(lang, key, p);
  const root = el(doc, "main", "qb");
  root.setAttribute("aria-live", "off");
  const header = el(doc, "header", "qb-head");
  const title = el(doc, "h1", "qb-title", t("board.title", { mpp: t("board.mpp", { name: region }) }));
  const state = el(doc, "p", "qb-state", t("board.connecting"));
  state.dataset.state = "connecting";
  const clock = el(doc, "p", "qb-clock");
  header.append(title, state, clock);

  const hero = el(doc, "section", "qb-hero");
  hero.setAttribute("aria-live", "assertive");
  const heroLabel = el(doc, "p", "qb-hero-label", t("board.calling"));
  const heroNumber = el(doc, "p", "qb-hero-number", t("board.none"));
  heroNumber.dataset.testid = "hero-number";
  const heroCounter = el(doc, "p", "qb-hero-counter", t("board.waitingFirst"));
  const heroAgency = el(doc, "p", "qb-hero-agency");
  hero.append(heroLabel, heroNumber, heroCounter, heroAgency);

  const recent = el(doc, "section", "qb-recent");
  recent.append(el(doc, "h2", "qb-h2", t("board.recent")));
  const recentList = el(doc, "ol", "qb-recent-list");
  recent.append(recentList);

  const grid = el(doc, "section", "qb-grid");
  grid.setAttribute("aria-label", t("board.counters"));
  const banner = el(doc, "p", "qb-banner", t("board.offline"));
  banner.hidden = true;
  banner.setAttribute("role", "status");
  const sound = el(doc, "button", "qb-sound", t("board.sound"));
  sound.type = "button";
  sound.hidden = true;

  root.append(header, hero, recent, grid, banner, sound);
  const cards = new Map<string, { card: HTMLElement; number: HTMLElement }>();
  let announced = false;
  let flashTimer = 0;
  const win = doc.defaultView!;

  const setHero = (number: string, label: string, agency: string) => {
    heroNumber.textContent = number;
    heroCounter.textContent = `${t("board.toCounter")} ${label}`;
    heroAgency.textContent = agency;
    hero.classList.remove("qb-flash");
    void hero.offsetWidth; // restart the animation
    hero.classList.add("qb-flash");
    win.clearTimeout(flashTimer);
    flashTimer = win.setTimeout(() => hero.classList.remove("qb-flash"), 6000);
  };

  return {
    root,
    render(board) {
      const seen = new Set<string>();
      for (const c of board.counters) {
        seen.add(c.counterId);
        let entry = cards.get(c.counterId);
        if (!entry) {
          const card = el(doc, "div", "qb-card");
          card.dataset.counter = c.counterId;
          const label = el(doc, "p", "qb-card-label", t("board.counter", { label: c.label }));
          const agency = el(doc, "p", "qb-card-agency", c.agencyShortName);
          const number = el(doc, "p", "qb-card-number");
          card.append(label, number, agency);
          grid.append(card);
          cards.set(c.counterId, (entry = { card, number }));
        }
        entry.number.textContent = c.number ?? t("board.none");
        entry.card.classList.toggle("qb-card--idle", c.number === null);
      }
      for (const [id, e] of cards) if (!seen.has(id)) { e.card.remove(); cards.delete(id); }
      recentList.textContent = "";
      for (const r of board.recent.slice(0, 5)) {
        const li = el(doc, "li", "qb-recent-item");
        li.append(el(doc, "span", "qb-recent-number", r.number), el(doc, "span", "qb-recent-counter", t("board.counter", { label: r.counterLabel })));
        recentList.append(li);
      }
      // Until a call is announced on this screen, the hero shows the latest call (after a reload too).
      const latest = board.recent[0];
      if (!latest) {
        heroNumber.textContent = t("board.none");
        heroCounter.textContent = t("board.waitingFirst");
        heroAgency.textContent = "";
        announced = false;
      } else if (!announced) {
        heroNumber.textContent = latest.number;
        heroCounter.textContent = `${t("board.toCounter")} ${latest.counterLabel}`;
        heroAgency.textContent = board.counters.find((x) => x.label === latest.counterLabel)?.agencyShortName ?? "";
      }
    },
    show(a) {
      setHero(a.number, a.label, a.agencyShortName);
      announced = true;
    },
    setState(s) {
      state.dataset.state = s;
      state.textContent = s === "live" ? t("board.live") : t("board.connecting");
      banner.hidden = s !== "offline";
      root.classList.toggle("qb--stale", s === "offline");
    },
    setMppName(name) {
      title.textContent = t("board.title", { mpp: name });
      doc.title = title.textContent;
    },
    setSoundPrompt(show, onTap) {
      sound.hidden = !show;
      sound.onclick = show ? onTap : null;
    },
    tick(now) {
      const w = toWib(now);
      clock.textContent = `${w.date.split("-").reverse().join("/")} ${w.time} WIB`;
    },
    dispose() {
      win.clearTimeout(flashTimer);
      root.remove();
    },
  };
}
