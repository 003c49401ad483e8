// The DOM twin of the open 3D kiosk: it renders the same KioskView (kiosk/screens/) and
// drives the same KioskController, so keyboard and screen-reader users get exactly what the
// kiosk shows. Only the title and notice sit in the aria-live region: announcing a whole
// service sheet on every change would drown the user; focus moves to the title on each new
// screen so the rest is read in order from there.
import type { I18n } from "../i18n/i18n";
import type { KioskController } from "../kiosk/kiosk-controller";
import { screenKey, type KioskView } from "../kiosk/screens/registry";
import { actionTarget, createListenerBag, el } from "./dom";

export interface ServiceMirrorDeps {
  i18n: Pick<I18n, "t">;
  /** More buttons for a view (the queue's "Ambil antrean"), placed before Back and Close. */
  extraActions?: (view: KioskView) => Node[];
  /** Where focus goes on close when the place it came from is gone (the 3D canvas: walking keys work again). */
  homeFocus?: () => HTMLElement | null;
  /** More blocks after a view's sections (a service's "take it home": share, checklist, visit card). */
  extraSections?: (view: KioskView) => Node[];
}

/** The part of KioskController the mirror drives. */
export type MirrorController = Pick<KioskController, "view" | "onView" | "onClose" | "select" | "back" | "close" | "retry" | "act" | "setInput">;

export interface ServiceMirror {
  readonly element: HTMLElement;
  readonly isOpen: boolean;
  /** Shows `controller`'s view and follows it until it closes or another one is shown. */
  show(controller: MirrorController): void;
  /** Hides the panel and lets go of the controller (does not close it). */
  hide(): void;
  dispose(): void;
}

const MIRROR_ID = "mpp-mirror";

export function createServiceMirror(root: HTMLElement, deps: ServiceMirrorDeps): ServiceMirror {
  const doc = root.ownerDocument;
  const { i18n } = deps;
  const bag = createListenerBag();
  const element = el(doc, "section", {
    id: MIRROR_ID, class: "mpp-mirror mpp-panel", role: "dialog", "aria-modal": "false",
    "aria-labelledby": "mpp-mirror-title", "data-testid": "mirror-panel", hidden: true,
  });
  root.appendChild(element);

  let controller: MirrorController | null = null;
  let unsubscribe: (() => void)[] = [];
  let lastKey: string | null = null;
  let returnFocus: HTMLElement | null = null;

  function render(view: KioskView) {
    const key = `${screenKey(view.screen)}|${view.status}`;
    const newScreen = key !== lastKey;
    lastKey = key;
    // Typing (here or on the 3D panel's keyboard) changes only the field: keep the element, its caret and focus.
    if (!newScreen && view.input && updateField(view.input)) return;
    const focused = doc.activeElement as HTMLElement | null;
    const hadFocus = focused !== null && element.contains(focused);
    const focusSelector = hadFocus && focused.dataset.testid
      ? `[data-testid="${focused.dataset.testid}"]${focused.dataset.itemId ? `[data-item-id="${focused.dataset.itemId}"]` : ""}`
      : null;

    const title = el(doc, "h2", { id: "mpp-mirror-title", class: "mpp-mirror__title", tabindex: -1, "data-testid": "mirror-title", lang: view.titleLang ?? null }, view.title);
    const live = el(doc, "div", { class: "mpp-mirror__live", "aria-live": "polite", "aria-busy": view.status === "loading" ? "true" : "false" },
      title,
      view.subtitle ? el(doc, "p", { class: "mpp-mirror__subtitle" }, view.subtitle) : null,
      view.notice ? el(doc, "p", {
        class: `mpp-notice mpp-notice--${view.notice.kind}`, "data-testid": "mirror-notice", "data-kind": view.notice.kind,
        role: view.notice.kind === "error" ? "alert" : null,
      }, view.notice.text) : null);

    const items = view.items.length === 0 ? null : el(doc, "ul", { class: "mpp-list", "aria-labelledby": "mpp-mirror-title" },
      ...view.items.map((item) => el(doc, "li", {},
        el(doc, "button", { type: "button", class: "mpp-row", "data-action": "select", "data-item-id": item.id, "data-testid": "mirror-item" },
          el(doc, "span", { class: "mpp-row__label" }, item.label),
          item.detail ? el(doc, "span", { class: "mpp-row__detail" }, item.detail) : null))));

    const intro = view.intro ? el(doc, "p", { class: "mpp-mirror__intro", lang: view.introLang ?? null }, view.intro) : null;
    const input = view.input ? inputField(view.input) : null;
    const sections = view.sections.map((s, i) => {
      const headingId = `mpp-mirror-section-${i}`;
      const isFee = s.id === "fee";
      return el(doc, "section", { class: "mpp-mirror__section", "aria-labelledby": headingId, "data-section": s.id ?? null },
        el(doc, "h3", { id: headingId }, s.heading),
        s.note ? el(doc, "p", { class: "mpp-mirror__note", "data-testid": "mirror-section-note" }, s.note) : null,
        el(doc, s.ordered ? "ol" : "ul", { class: "mpp-mirror__lines", lang: s.lang ?? null }, ...s.lines.map((line, j) =>
          el(doc, "li", { "data-testid": isFee && j === 0 ? "mirror-fee" : null }, line.href
            ? el(doc, "a", { href: line.href, target: "_blank", rel: "noopener noreferrer" }, line.text)
            : line.text))));
    });

    const actions = el(doc, "div", { class: "mpp-mirror__actions" }, ...(deps.extraActions?.(view) ?? []), ...view.actions.map((a) => a.href
      ? el(doc, "a", {
        class: "mpp-button", href: a.href, target: "_blank", rel: "noopener noreferrer", "data-testid": `mirror-action-${a.id}`,
      }, a.label)
      : el(doc, "button", {
        type: "button", class: `mpp-button${a.id === "retry" ? " mpp-button--primary" : ""}`, "data-action": a.id, "data-testid": `mirror-action-${a.id}`,
      }, a.label)));

    const hint = el(doc, "p", { class: "mpp-visually-hidden" }, i18n.t("kiosk.escHint"));
    element.replaceChildren(live, ...(intro ? [intro] : []), ...(input ? [input] : []), ...(items ? [items] : []), ...sections, ...(deps.extraSections?.(view) ?? []), actions, hint);

    // Follow the user only if they are in the panel: someone using the 3D kiosk with the
    // mouse or a controller must not have focus pulled away from the canvas.
    if (!hadFocus) return;
    const again = !newScreen && focusSelector ? element.querySelector<HTMLElement>(focusSelector) : null;
    (again ?? title).focus();
  }

  function inputField(input: NonNullable<KioskView["input"]>): HTMLElement {
    const field = el(doc, input.multiline ? "textarea" : "input", {
      id: "mpp-mirror-input", class: "mpp-mirror__input", "data-testid": "mirror-input",
      "aria-describedby": "mpp-mirror-input-hint", ...(input.multiline ? { rows: 5 } : { type: "text", autocomplete: "off" }),
    }) as HTMLInputElement | HTMLTextAreaElement;
    field.value = input.value;
    return el(doc, "div", { class: "mpp-mirror__field" },
      el(doc, "label", { for: "mpp-mirror-input" }, input.label),
      field,
      el(doc, "p", { id: "mpp-mirror-input-hint", class: "mpp-mirror__hint", "data-testid": "mirror-input-hint" }, input.hint ?? ""));
  }

  /** Brings the shown field up to date; false when there is none to update. */
  function updateField(input: NonNullable<KioskView["input"]>): boolean {
    const field = element.querySelector<HTMLInputElement | HTMLTextAreaElement>("#mpp-mirror-input");
    const hint = element.querySelector<HTMLElement>("#mpp-mirror-input-hint");
    if (!field || !hint) return false;
    if (field.value !== input.value) field.value = input.value;
    hint.textContent = input.hint ?? "";
    return true;
  }

  function detach() {
    for (const off of unsubscribe.splice(0)) off();
    controller = null;
    lastKey = null;
  }

  function hide() {
    const hadFocus = element.contains(doc.activeElement);
    detach();
    element.hidden = true;
    element.replaceChildren();
    if (!hadFocus && doc.activeElement !== doc.body && doc.activeElement !== null) return;
    // Back where the visitor was (the canvas, a directory row); if that is gone or hidden, the 3D view.
    const back = returnFocus?.isConnected && returnFocus !== doc.body && returnFocus.getClientRects().length > 0 ? returnFocus : deps.homeFocus?.() ?? null;
    back?.focus();
  }

  bag.on(element, "click", (e) => {
    const t = actionTarget(e, element);
    if (!t || !controller) return;
    switch (t.dataset.action) {
      case "select": if (t.dataset.itemId) controller.select(t.dataset.itemId); break;
      case "back": controller.back(); break;
      case "close": controller.close(); break;
      case "retry": controller.retry(); break;
      case "ask": case "rate": case "queue": controller.act(t.dataset.action); break;
    }
  });
  bag.on(element, "input", (e) => {
    const field = e.target as HTMLInputElement | HTMLTextAreaElement | null;
    if (!controller || field?.id !== "mpp-mirror-input") return;
    // Past the field's length the controller refuses: the field goes back to the kept draft.
    if (!controller.setInput(field.value)) field.value = controller.view.input?.value ?? "";
  });
  bag.on(element, "keydown", (e) => {
    if ((e as KeyboardEvent).key !== "Escape" || !controller) return;
    e.preventDefault();
    controller.close();
  });
  // Escape also closes the kiosk from the 3D view (focus on the canvas or nowhere), as its hint says;
  // dialogs and the directory handle their own Escape first (defaultPrevented).
  bag.on(doc, "keydown", (e) => {
    if ((e as KeyboardEvent).key !== "Escape" || e.defaultPrevented || !controller) return;
    const t = e.target as HTMLElement | null;
    if (t && t !== doc.body && t.tagName !== "CANVAS") return;
    e.preventDefault();
    controller.close();
  });
  // No language listener here: the controller re-emits its view on a language change.

  return {
    element,
    get isOpen() { return controller !== null; },
    show(next) {
      if (!next || typeof next.onView !== "function") throw new TypeError("service-mirror.show: a kiosk controller is required");
      if (controller) detach(); else returnFocus = doc.activeElement as HTMLElement | null;
      controller = next;
      element.hidden = false;
      unsubscribe = [next.onView(render), next.onClose(hide)];
      lastKey = null;
      render(next.view);
      (element.querySelector("#mpp-mirror-title") as HTMLElement | null)?.focus();
    },
    hide,
    dispose() { detach(); bag.clear(); element.remove(); },
  };
}
