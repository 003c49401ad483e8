// Light hints over the scene: the region's name when entering a building, and a help line
// for the desktop controls until the user has moved.
import type { I18n } from "../i18n/i18n";
import { createListenerBag, el } from "./dom";

export interface HudDeps {
  i18n: Pick<I18n, "t" | "onChange">;
  /** How long the region toast stays, in ms. */
  toastMs?: number;
}

export interface Hud {
  showRegion(name: string): void;
  showHelp(): void;
  hideHelp(): void;
  dispose(): void;
}

export function createHud(root: HTMLElement, deps: HudDeps): Hud {
  const doc = root.ownerDocument;
  const { i18n } = deps;
  const toastMs = deps.toastMs ?? 4000;
  const bag = createListenerBag();
  const region = el(doc, "p", { class: "mpp-hud__region mpp-panel", role: "status", "aria-live": "polite", "data-testid": "hud-region", hidden: true });
  const help = el(doc, "p", { class: "mpp-hud__help mpp-panel", "data-testid": "hud-help", hidden: true });
  const element = el(doc, "div", { class: "mpp-hud" }, region, help);
  root.appendChild(element);
  let regionName: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function render() {
    region.textContent = regionName === null ? "" : i18n.t("hud.entered", { region: regionName });
    help.textContent = i18n.t("hud.help");
  }
  render();
  bag.add(i18n.onChange(render));
  bag.add(() => clearTimeout(timer));

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
    dispose() { bag.clear(); element.remove(); },
  };
}
