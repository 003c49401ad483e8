// "Masih di sini? …": the countdown before a lobby kiosk resets, with one big button to stay.
// An alert dialog, so a screen reader announces it; the button takes focus when it appears.
import type { I18n } from "../i18n/i18n";
import { createListenerBag, el } from "../ui/dom";

export interface IdleWarning {
  readonly element: HTMLElement;
  readonly visible: boolean;
  show(secondsLeft: number): void;
  update(secondsLeft: number): void;
  hide(): void;
  dispose(): void;
}

export function createIdleWarning(root: HTMLElement, deps: { i18n: Pick<I18n, "t" | "onChange">; onContinue: () => void }): IdleWarning {
  if (typeof deps?.onContinue !== "function") throw new TypeError("idle-warning: onContinue is required");
  const doc = root.ownerDocument;
  const { i18n } = deps;
  const bag = createListenerBag();
  let seconds = 0;
  const text = el(doc, "p", { id: "mpp-idle-text", class: "mpp-idle__text", "data-testid": "idle-text" });
  const button = el(doc, "button", { type: "button", class: "mpp-button mpp-button--primary mpp-idle__stay", "data-testid": "idle-continue" });
  const element = el(doc, "div", { class: "mpp-idle", hidden: true },
    el(doc, "div", { class: "mpp-idle__box mpp-panel", role: "alertdialog", "aria-modal": "true", "aria-describedby": "mpp-idle-text", "data-testid": "idle-warning" },
      text, button));
  root.appendChild(element);

  const render = () => {
    text.textContent = i18n.t("kioskMode.idleWarning", { n: seconds });
    button.textContent = i18n.t("kioskMode.stay");
  };
  const check = (n: number) => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`idle-warning: seconds must be a whole number >= 0, got ${n}`);
    return n;
  };
  bag.on(button, "click", () => deps.onContinue());
  bag.add(i18n.onChange(render));
  render();

  return {
    element,
    get visible() { return !element.hidden; },
    show(n) {
      seconds = check(n);
      render();
      element.hidden = false;
      button.focus();
    },
    update(n) { seconds = check(n); render(); },
    hide() { element.hidden = true; },
    dispose() { bag.clear(); element.remove(); },
  };
}
