// The user-facing failures, each with its own message (STYLE.md point 6). Blocking ones
// (no WebGL, API down, generic) cover the page as an alert dialog; the others (a building
// model missing, no XR) are dismissible toasts that leave the scene usable.
import type { I18n } from "../i18n/i18n";
import type { StringKey } from "../i18n/strings";
import { actionTarget, createListenerBag, el } from "./dom";

export type ErrorKind = "no-webgl" | "api-down" | "model-missing" | "xr-unavailable" | "generic";

export interface ErrorShowOptions {
  onRetry?: () => void;
  /** Technical detail shown small under the message (e.g. the error's message). */
  detail?: string;
  /** For "model-missing": the region's name. */
  region?: string;
}

export interface ErrorScreenDeps {
  i18n: Pick<I18n, "t" | "onChange">;
  /** Where the no-WebGL page links to: the plain service list. */
  listHref?: string;
}

export interface ErrorScreen {
  show(kind: ErrorKind, options?: ErrorShowOptions): void;
  /** Hides the blocking screen (toasts stay until dismissed). */
  hide(): void;
  readonly blockingKind: ErrorKind | null;
  dispose(): void;
}

const BLOCKING: Record<string, { title: StringKey; body: StringKey }> = {
  "no-webgl": { title: "error.noWebgl.title", body: "error.noWebgl.body" },
  "api-down": { title: "error.apiDown.title", body: "error.apiDown.body" },
  generic: { title: "error.generic.title", body: "error.generic.body" },
};
const KINDS: readonly ErrorKind[] = ["no-webgl", "api-down", "model-missing", "xr-unavailable", "generic"];

export function createErrorScreen(root: HTMLElement, deps: ErrorScreenDeps): ErrorScreen {
  const doc = root.ownerDocument;
  const { i18n } = deps;
  const listHref = deps.listHref ?? "/layanan";
  const bag = createListenerBag();
  const blocking = el(doc, "div", {
    class: "mpp-error", role: "alertdialog", "aria-modal": "true", "aria-labelledby": "mpp-error-title",
    "aria-describedby": "mpp-error-body", "data-testid": "error-screen", hidden: true,
  });
  const toasts = el(doc, "div", { class: "mpp-toasts", role: "status", "aria-live": "polite", "data-testid": "toasts" });
  root.append(blocking, toasts);

  let current: { kind: ErrorKind; options: ErrorShowOptions } | null = null;
  const toastList: { kind: ErrorKind; options: ErrorShowOptions; node: HTMLElement }[] = [];

  function renderBlocking(focus: boolean) {
    blocking.replaceChildren();
    if (!current) { blocking.hidden = true; return; }
    const keys = BLOCKING[current.kind] ?? BLOCKING.generic!;
    const title = el(doc, "h2", { id: "mpp-error-title", tabindex: -1 }, i18n.t(keys.title));
    const box = el(doc, "div", { class: "mpp-panel mpp-error__box", "data-kind": current.kind },
      title,
      el(doc, "p", { id: "mpp-error-body" }, i18n.t(keys.body)),
      current.options.detail ? el(doc, "p", { class: "mpp-error__detail" }, i18n.t("error.detail", { detail: current.options.detail })) : null,
      current.kind === "no-webgl"
        ? el(doc, "a", { class: "mpp-button mpp-button--primary", href: listHref, "data-testid": "plain-list-link" }, i18n.t("error.noWebgl.link"))
        : null,
      current.options.onRetry
        ? el(doc, "button", { type: "button", class: "mpp-button mpp-button--primary", "data-action": "retry", "data-testid": "retry-button" }, i18n.t("action.retry"))
        : null);
    blocking.appendChild(box);
    blocking.hidden = false;
    if (focus) (box.querySelector("button, a") as HTMLElement | null ?? title).focus();
  }

  function toastText(kind: ErrorKind, options: ErrorShowOptions): string {
    return kind === "model-missing"
      ? i18n.t("error.modelMissing", { region: options.region ?? "?" })
      : i18n.t("error.xrUnavailable");
  }

  function renderToast(t: (typeof toastList)[number]) {
    t.node.replaceChildren(
      el(doc, "p", {}, toastText(t.kind, t.options)),
      el(doc, "button", {
        type: "button", class: "mpp-button mpp-button--icon", "data-action": "dismiss",
        "aria-label": i18n.t("action.dismiss"), title: i18n.t("action.dismiss"), "data-testid": "toast-dismiss",
      }, "×"));
  }

  bag.on(blocking, "click", (e) => {
    if (actionTarget(e, blocking)?.dataset.action !== "retry" || !current) return;
    const retry = current.options.onRetry;
    current = null;
    renderBlocking(false);
    retry?.();
  });
  bag.on(toasts, "click", (e) => {
    const target = actionTarget(e, toasts);
    if (target?.dataset.action !== "dismiss") return;
    const i = toastList.findIndex((t) => t.node.contains(target));
    if (i >= 0) toastList.splice(i, 1)[0]!.node.remove();
  });
  bag.add(i18n.onChange(() => { renderBlocking(false); toastList.forEach(renderToast); }));

  return {
    show(kind, options = {}) {
      if (!KINDS.includes(kind)) throw new RangeError(`error-screen: unknown kind ${JSON.stringify(kind)}`);
      if (kind === "model-missing" || kind === "xr-unavailable") {
        // The same toast twice (e.g. two failed loads of one model) would only be noise.
        if (toastList.some((t) => t.kind === kind && t.options.region === options.region)) return;
        const node = el(doc, "div", { class: "mpp-panel mpp-toast", "data-kind": kind, "data-testid": `toast-${kind}` });
        const toast = { kind, options, node };
        renderToast(toast);
        toastList.push(toast);
        toasts.appendChild(node);
        return;
      }
      current = { kind, options };
      renderBlocking(true);
    },
    hide() { current = null; renderBlocking(false); },
    get blockingKind() { return current?.kind ?? null; },
    dispose() { bag.clear(); blocking.remove(); toasts.remove(); },
  };
}
