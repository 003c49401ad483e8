// The bar along the top: app title, language switch, Directory button, "Enter VR" (only
// where XR is available) and how old the information is when running from cache.
import type { I18n } from "../i18n/i18n";
import type { UiLang } from "../../domain/words/langs";
import { textVersionHref } from "./text-version";
import { actionTarget, createListenerBag, el } from "./dom";

export interface ToolbarDeps {
  i18n: Pick<I18n, "lang" | "t" | "setLang" | "onChange" | "formatDateTime"> & Partial<Pick<I18n, "uiLang">>;
  onToggleDirectory?: () => void;
  onEnterXr?: () => void;
  /** Questions and complaints (the button shows only when given). */
  onFeedback?: () => void;
  /** Easy mode (ui/easy-mode.ts): its switch shows only when given. */
  easyMode?: { readonly on: boolean; toggle(): void; onChange(l: (on: boolean) => void): () => void } | null;
  /** "Ke plaza": out of the building (the button shows only inside one, see setInside). */
  onToPlaza?: () => void;
  /** id of the directory panel, for aria-controls. */
  directoryId?: string;
}

export interface Toolbar {
  readonly element: HTMLElement;
  setXrAvailable(available: boolean): void;
  /** Mirrors the directory's state into aria-expanded. */
  setDirectoryOpen(open: boolean): void;
  /** null hides the line (live data); a date shows "Informasi per …". */
  setDataAge(date: Date | string | null): void;
  /** Inside a building: shows "Ke plaza". */
  setInside(inside: boolean): void;
  dispose(): void;
}

export function createToolbar(root: HTMLElement, deps: ToolbarDeps): Toolbar {
  const doc = root.ownerDocument;
  const { i18n } = deps;
  const bag = createListenerBag();
  let xrAvailable = false;
  let directoryOpen = false;
  let inside = false;
  let dataAge: Date | string | null = null;

  const element = el(doc, "header", { class: "mpp-toolbar mpp-panel", "data-testid": "toolbar" });
  root.appendChild(element);

  function render() {
    const current = i18n.uiLang ?? i18n.lang;
    const short = (l: UiLang) => i18n.t(l === "id" ? "lang.id" : l === "en" ? "lang.en" : "lang.su");
    const long = (l: UiLang) => i18n.t(l === "id" ? "lang.idName" : l === "en" ? "lang.enName" : "lang.suName");
    const langButton = (l: UiLang) => el(doc, "button", {
      type: "button", class: "mpp-button mpp-lang__button", lang: l, "data-action": "lang", "data-lang": l,
      "aria-pressed": current === l ? "true" : "false",
      // The spoken name starts with the visible "ID"/"EN"/"SU" (WCAG 2.5.3: voice users say what they see).
      "aria-label": `${short(l)} – ${long(l)}`, "data-testid": `lang-${l}`,
    }, short(l));
    const hadFocus = (doc.activeElement as HTMLElement | null)?.dataset?.testid;
    element.setAttribute("aria-label", i18n.t("toolbar.label"));
    element.replaceChildren(
      el(doc, "h1", { class: "mpp-toolbar__title" }, i18n.t("app.title")),
      el(doc, "div", { class: "mpp-toolbar__actions" },
        deps.onToPlaza && inside ? el(doc, "button", {
          type: "button", class: "mpp-button", "data-action": "to-plaza", "data-testid": "to-plaza",
        }, i18n.t("place.toPlaza")) : null,
        el(doc, "button", {
          type: "button", class: "mpp-button", "data-action": "directory", "data-testid": "directory-toggle",
          "aria-expanded": directoryOpen ? "true" : "false", "aria-controls": deps.directoryId ?? "mpp-directory",
          "aria-keyshortcuts": "/", title: i18n.t("directory.shortcut"),
        }, i18n.t("directory.toggle")),
        deps.onFeedback ? el(doc, "button", {
          type: "button", class: "mpp-button", "data-action": "feedback", "data-testid": "feedback-toggle", "aria-haspopup": "dialog",
        }, i18n.t("feedback.open")) : null,
        el(doc, "div", { class: "mpp-lang", role: "group", "aria-label": i18n.t("lang.label") }, langButton("id"), langButton("en"), langButton("su")),
        deps.easyMode ? el(doc, "button", {
          type: "button", class: "mpp-button", "data-action": "easy", "data-testid": "easy-toggle",
          "aria-pressed": deps.easyMode.on ? "true" : "false", title: i18n.t("easy.explain"),
        }, i18n.t("easy.toggle")) : null,
        // The light, accessible version (/layanan) in the same language: no 3D, works on any line.
        el(doc, "a", { class: "mpp-button", href: textVersionHref(current), "data-testid": "text-version" }, i18n.t("toolbar.textVersion")),
        el(doc, "button", {
          type: "button", class: "mpp-button mpp-button--primary", "data-action": "xr", "data-testid": "xr-button",
          hidden: !xrAvailable,
        }, i18n.t("xr.enter"))),
      el(doc, "p", { class: "mpp-toolbar__age", "data-testid": "data-age", hidden: dataAge === null },
        dataAge === null ? "" : i18n.t("data.asOf", { datetime: i18n.formatDateTime(dataAge) })));
    // Re-rendering replaces the buttons: keep keyboard focus on the same control.
    if (hadFocus) (element.querySelector(`[data-testid="${hadFocus}"]`) as HTMLElement | null)?.focus();
  }
  render();

  bag.on(element, "click", (e) => {
    const t = actionTarget(e, element);
    switch (t?.dataset.action) {
      case "lang": { const l = t.dataset.lang; if (l === "id" || l === "en" || l === "su") i18n.setLang(l); break; }
      case "directory": deps.onToggleDirectory?.(); break;
      case "xr": deps.onEnterXr?.(); break;
      case "feedback": deps.onFeedback?.(); break;
      case "easy": deps.easyMode?.toggle(); break;
      case "to-plaza": deps.onToPlaza?.(); break;
    }
  });
  bag.add(i18n.onChange(render));
  if (deps.easyMode) bag.add(deps.easyMode.onChange(render));

  return {
    element,
    setXrAvailable(available) { xrAvailable = available; render(); },
    setDirectoryOpen(open) { directoryOpen = open; render(); },
    setDataAge(date) { dataAge = date; render(); },
    setInside(on) { if (on !== inside) { inside = on; render(); } },
    dispose() { bag.clear(); element.remove(); },
  };
}
