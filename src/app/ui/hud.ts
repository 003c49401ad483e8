// Light hints over the scene: the region's name when entering a building, a help line for the
// desktop controls until the user has moved, and notices that need no decision (a shared link to
// a service that no longer exists: the visitor stays on the plaza, told why).
import type { I18n } from "../i18n/i18n";
import type { StringKey } from "../i18n/strings";
import { createListenerBag, el } from "./dom";

export interface HudDeps {
  i18n: Pick<I18n, "t" | "onChange">;
  /** How long the region toast stays, in ms. */
  toastMs?: number;
  /** How long a notice stays unless dismissed, in ms (default 12 s). */
  noticeMs?: number;
  /** A touch screen: the help says how to walk by touch (the joystick), not WASD and clicks. */
  touch?: boolean;
}

export interface Hud {
  showRegion(name: string): void;
  showHelp(): void;
  hideHelp(): void;
  /** On the plaza the help adds how to travel by the hub's map table; inside a building it does not. */
  setOnPlaza(on: boolean): void;
  /** A notice by its text key, with a close button; it goes away by itself after noticeMs. */
  showNotice(key: StringKey): void;
  dispose(): void;
}

export function createHud(root: HTMLElement, deps: HudDeps): Hud {
  const doc = root.ownerDocument;
  const { i18n } = deps;
  const toastMs = deps.toastMs ?? 4000;
  const bag = createListenerBag();
  // A status line, not a heading (a bold <p> reads as one to axe's p-as-heading rule).
  const region = el(doc, "div", { class: "mpp-hud__region mpp-panel", role: "status", "aria-live": "polite", "data-testid": "hud-region", hidden: true });
  const helpHow = el(doc, "span", { "data-testid": "hud-help-how" });
  const helpMap = el(doc, "span", { class: "mpp-hud__map", "data-testid": "hud-help-map" });
  const help = el(doc, "p", { class: "mpp-hud__help mpp-panel", "data-testid": "hud-help", hidden: true }, helpHow, helpMap);
  const noticeText = el(doc, "span", { class: "mpp-hud__notice-text" });
  const noticeClose = el(doc, "button", { type: "button", class: "mpp-button mpp-button--icon", "data-testid": "hud-notice-close" }, "\u00d7");
  const notice = el(doc, "div", { class: "mpp-hud__notice mpp-panel", role: "status", "data-testid": "hud-notice", hidden: true }, noticeText, noticeClose);
  const element = el(doc, "div", { class: "mpp-hud" }, region, notice, help);
  root.appendChild(element);
  let regionName: string | null = null;
  let noticeKey: StringKey | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;

  function render() {
    region.textContent = regionName === null ? "" : i18n.t("hud.entered", { region: regionName });
    helpHow.textContent = i18n.t(deps.touch ? "hud.helpTouch" : "hud.help");
    helpMap.textContent = i18n.t("hud.mapHint");
    noticeText.textContent = noticeKey === null ? "" : i18n.t(noticeKey);
    noticeClose.setAttribute("aria-label", i18n.t("action.dismiss"));
    noticeClose.title = i18n.t("action.dismiss");
  }
  const hideNotice = () => { notice.hidden = true; noticeKey = null; clearTimeout(noticeTimer); };
  render();
  bag.on(noticeClose, "click", hideNotice);
  bag.add(i18n.onChange(render));
  bag.add(() => { clearTimeout(timer); clearTimeout(noticeTimer); });

  return {
    showRegion(name) {
      if (typeof name !== "string" || name === "") throw new TypeError("hud.showRegion: a region name is required");
      regionName = name;
      render();
      region.hidden = false;
      clearTimeout(timer);
      timer = setTimeout(() => { region.hidden = true; }, toastMs);
    },
    showHelp() { help.hidden = false; },
    hideHelp() { help.hidden = true; },
    setOnPlaza(on) { helpMap.hidden = !on; },
    showNotice(key) {
      noticeKey = key;
      render();
      notice.hidden = false;
      clearTimeout(noticeTimer);
      noticeTimer = setTimeout(hideNotice, deps.noticeMs ?? 12_000);
    },
    dispose() { bag.clear(); element.remove(); },
  };
}
