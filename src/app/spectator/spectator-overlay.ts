// The big screen's words, sized to be read from 3 m on a 1080p screen (about 2.6 % of the screen's
// width for body text: 50 px at 1920): where the tour is, who guides it, how many visitors, and the
// kiosk the guide opened (title, subtitle and its first lines). Nothing to press. Text only: every
// name and line is a text node.
import type { I18n } from "../i18n/i18n";
import type { KioskView } from "../kiosk/screens/registry";
import { guideText } from "../presence/guide-strings";
import { el } from "../ui/dom";

export interface SpectatorView {
  connected: boolean;
  /** The building's region name, or null on the plaza. */
  place: string | null;
  guide: string | null;
  visitors: number;
  kiosk: KioskView | null;
}

const STYLE_ID = "mpp-spectator-styles";
// Everything else of the page's overlay is hidden: the audience has no controls. Errors still show.
const CSS = `
.mpp-spectator-mode #ui > :not(.mpp-spectator):not(.mpp-error):not(.mpp-toasts), .mpp-spectator-mode .mpp-skip { display: none !important; }
.mpp-spectator-mode, .mpp-spectator-mode canvas { cursor: none; }
.mpp-spectator { position: absolute; inset: 0; pointer-events: none; color: #fff; font-size: clamp(22px, 2.6vw, 64px); line-height: 1.25; }
.mpp-spectator__bar { position: absolute; left: 2.5vw; top: 2.5vh; right: 2.5vw; display: flex; gap: 1.2em; flex-wrap: wrap; align-items: baseline; }
.mpp-spectator__bar > * { background: rgba(12, 30, 52, 0.82); padding: 0.25em 0.6em; border-radius: 0.3em; margin: 0; font-size: 1em; }
.mpp-spectator__place { font-weight: 700; }
.mpp-spectator__kiosk { position: absolute; right: 2.5vw; bottom: 3vh; width: min(44vw, 40em); max-height: 70vh; overflow: hidden; background: rgba(255, 255, 255, 0.95); color: #10263f; padding: 0.6em 0.9em; border-radius: 0.35em; border-left: 0.3em solid #f29900; }
.mpp-spectator__kicker { margin: 0; font-size: 0.62em; text-transform: uppercase; letter-spacing: 0.06em; color: #7a4b00; }
.mpp-spectator__title { margin: 0.1em 0 0.2em; font-size: 1.15em; }
.mpp-spectator__subtitle { margin: 0 0 0.3em; font-size: 0.8em; }
.mpp-spectator__lines { margin: 0; padding-left: 1.1em; font-size: 0.85em; }
`;

export interface SpectatorOverlay {
  render(v: SpectatorView): void;
  dispose(): void;
}

const LINES = 5;

export function createSpectatorOverlay(root: HTMLElement, deps: { i18n: Pick<I18n, "lang" | "t"> }): SpectatorOverlay {
  const doc = root.ownerDocument;
  const style = doc.getElementById(STYLE_ID) ?? doc.head.appendChild(el(doc, "style", { id: STYLE_ID }, CSS));
  const place = el(doc, "p", { class: "mpp-spectator__place", "data-testid": "spectator-place" });
  const guide = el(doc, "p", { "data-testid": "spectator-guide" });
  const count = el(doc, "p", { "data-testid": "spectator-visitors" });
  const kicker = el(doc, "p", { class: "mpp-spectator__kicker" });
  const title = el(doc, "h2", { class: "mpp-spectator__title", "data-testid": "spectator-kiosk-title" });
  const subtitle = el(doc, "p", { class: "mpp-spectator__subtitle" });
  const lines = el(doc, "ul", { class: "mpp-spectator__lines" });
  const kiosk = el(doc, "section", { class: "mpp-spectator__kiosk", hidden: true, "data-testid": "spectator-kiosk" }, kicker, title, subtitle, lines);
  const element = el(doc, "div", { class: "mpp-spectator", "aria-live": "polite", "data-testid": "spectator" },
    el(doc, "div", { class: "mpp-spectator__bar" }, place, guide, count), kiosk);
  root.appendChild(element);
  const t = (k: Parameters<typeof guideText>[1], p?: Record<string, string>) => guideText(deps.i18n.lang, k, p);

  return {
    render(v) {
      place.textContent = v.place ?? t("spectator.plaza");
      guide.textContent = !v.connected ? t("spectator.offline") : v.guide ? t("spectator.guide", { name: v.guide }) : t("spectator.noGuide");
      count.textContent = t("spectator.visitors", { count: String(v.visitors) });
      count.hidden = !v.connected;
      kiosk.hidden = v.kiosk === null;
      if (!v.kiosk) return;
      const k = v.kiosk;
      kicker.textContent = t("spectator.kiosk");
      title.textContent = k.title;
      subtitle.textContent = k.subtitle ?? "";
      subtitle.hidden = !k.subtitle;
      lines.textContent = "";
      // A service: its first sections' first lines; a list: its first items.
      const texts: string[] = [];
      if (k.intro) texts.push(k.intro);
      for (const s of k.sections) for (const l of s.lines) texts.push(`${s.heading}: ${l.text}`);
      for (const i of k.items) texts.push(i.detail ? `${i.label} · ${i.detail}` : i.label);
      for (const text of texts.slice(0, LINES)) lines.appendChild(el(doc, "li", {}, text));
    },
    dispose() {
      element.remove();
      style.remove();
    },
  };
}
