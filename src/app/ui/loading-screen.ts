// Full-screen loading cover with a progress bar, shown until the scene and first data are in.
import type { I18n } from "../i18n/i18n";
import { createListenerBag, el } from "./dom";

export interface LoadingScreenDeps { i18n: Pick<I18n, "t" | "onChange"> }

export interface LoadingScreen {
  readonly element: HTMLElement;
  /** `fraction` in 0..1; `label` replaces the default "{percent}% dimuat" text. */
  setProgress(fraction: number, label?: string): void;
  hide(): void;
  dispose(): void;
}

export function createLoadingScreen(root: HTMLElement, deps: LoadingScreenDeps): LoadingScreen {
  const doc = root.ownerDocument;
  const { i18n } = deps;
  const bag = createListenerBag();
  const title = el(doc, "p", { class: "mpp-loading__title", id: "mpp-loading-title" });
  const fill = el(doc, "div", { class: "mpp-loading__fill" });
  const bar = el(doc, "div", {
    class: "mpp-loading__bar", role: "progressbar", "aria-valuemin": 0, "aria-valuemax": 100, "aria-valuenow": 0,
    "aria-labelledby": "mpp-loading-title", "data-testid": "loading-progress",
  }, fill);
  const label = el(doc, "p", { class: "mpp-loading__label", "aria-live": "polite" });
  const element = el(doc, "div", { class: "mpp-loading", "data-testid": "loading-screen" },
    el(doc, "div", { class: "mpp-panel mpp-loading__box" }, title, bar, label));
  let percent = 0;
  let customLabel: string | undefined;

  function render() {
    title.textContent = i18n.t("loading.title");
    bar.setAttribute("aria-valuenow", String(percent));
    bar.setAttribute("aria-valuetext", customLabel ?? i18n.t("loading.progress", { percent }));
    fill.style.width = `${percent}%`;
    label.textContent = customLabel ?? i18n.t("loading.progress", { percent });
  }
  render();
  root.appendChild(element);
  bag.add(i18n.onChange(render));

  return {
    element,
    setProgress(fraction, text) {
      if (typeof fraction !== "number" || Number.isNaN(fraction)) {
        throw new RangeError(`loading-screen: progress must be a number in 0..1, got ${fraction}`);
      }
      percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
      customLabel = text;
      render();
    },
    hide() { element.hidden = true; },
    dispose() { bag.clear(); element.remove(); },
  };
}
