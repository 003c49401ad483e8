// The guide's tools in the presence panel (share the open kiosk with everyone, close it, names off,
// mute a visitor's name, remove a visitor, lock) and, for visitors, a notice of what the guide did
// ("Ruang dikunci", a kiosk opened for everyone, removed). Every name is a text node, never HTML.
import type { Lang } from "../i18n/strings";
import { guideText, type GuideStringKey } from "../presence/guide-strings";
import type { GuideTools, GuideToolsState } from "../presence/guide-tools";
import { createListenerBag, el } from "./dom";
import { liveSection } from "./live-section";

export interface GuideToolsPanel {
  /** The section to put inside the presence panel. */
  readonly section: HTMLElement;
  dispose(): void;
}

export interface GuideToolsPanelDeps {
  i18n: { readonly lang: Lang; onChange(l: () => void): () => void };
  tools: GuideTools;
  /** The label of a peer in the visitor's language. */
  label(peer: GuideToolsState["visitors"][number]["peer"]): string;
  /** A kiosk is open on this screen (something to share). */
  kioskOpen(): boolean;
  onKioskChange(listener: () => void): () => void;
}

const NOTICE_MS = 8000;

export function createGuideToolsPanel(root: HTMLElement, deps: GuideToolsPanelDeps): GuideToolsPanel {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const { tools } = deps;
  const bag = createListenerBag();
  const t = (key: GuideStringKey, params?: Record<string, string>) => guideText(deps.i18n.lang, key, params);

  const heading = el(doc, "h3", { class: "mpp-presence__title" });
  const share = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "guide-share-kiosk" });
  const shareHint = el(doc, "p", { class: "mpp-presence__explain", "data-testid": "guide-share-hint" });
  const closeKiosk = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "guide-close-kiosk" });
  const names = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "guide-names" });
  const lock = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "guide-lock" });
  const listHeading = el(doc, "h4", {});
  const list = el(doc, "ul", { class: "mpp-guide__visitors", "data-testid": "guide-visitors" });
  const error = el(doc, "p", { class: "mpp-presence__error", role: "alert", hidden: true, "data-testid": "guide-error" });
  const section = el(doc, "section", { class: "mpp-presence__body mpp-guide", "data-testid": "guide-tools", hidden: true },
    heading, share, shareHint, closeKiosk, names, lock, listHeading, list, error);

  // Visitors' notice: what the guide did, until dismissed or a few seconds pass.
  const noticeText = el(doc, "span", { "data-testid": "tour-notice-text" });
  const dismiss = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "tour-notice-dismiss" }, "×");
  const notice = el(doc, "div", { class: "mpp-presence__banner mpp-panel mpp-guide__notice", role: "status", "aria-live": "polite", hidden: true, "data-testid": "tour-notice" }, noticeText, dismiss);
  notice.style.top = "8.4rem"; // below the gather countdown's banner
  root.appendChild(notice);
  let noticeTimer: number | undefined;
  let shownNotice: GuideStringKey | null = null;

  function renderList(s: GuideToolsState): void {
    list.textContent = "";
    if (s.visitors.length === 0) {
      list.appendChild(el(doc, "li", { class: "mpp-presence__explain" }, t("guide.noVisitors")));
      return;
    }
    for (const v of s.visitors) {
      const name = deps.label(v.peer);
      const mute = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "guide-mute", "data-peer": v.id, "aria-label": t("guide.muteName.label", { name }), disabled: !v.peer.chosen }, t("guide.muteName"));
      const remove = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "guide-remove", "data-peer": v.id, "aria-label": t("guide.remove.label", { name }) }, t("guide.remove"));
      mute.addEventListener("click", () => tools.muteName(v.id));
      remove.addEventListener("click", () => tools.remove(v.id));
      list.appendChild(el(doc, "li", { "data-peer": v.id }, el(doc, "span", { class: "mpp-guide__name" }, name), " ", mute, remove));
    }
  }

  function render(s: GuideToolsState = tools.state): void {
    section.hidden = !s.guide;
    heading.textContent = t("guide.tools");
    share.textContent = t("guide.shareKiosk");
    share.disabled = !deps.kioskOpen();
    shareHint.textContent = t("guide.shareKiosk.none");
    shareHint.hidden = deps.kioskOpen();
    closeKiosk.textContent = t("guide.closeKiosk");
    closeKiosk.disabled = s.shared === null;
    names.textContent = t(s.namesAllowed ? "guide.namesOff" : "guide.namesOn");
    lock.textContent = t(s.locked ? "guide.unlock" : "guide.lock");
    listHeading.textContent = t("guide.visitors");
    if (s.guide) renderList(s);
    error.hidden = s.error === null;
    error.textContent = s.error === null ? "" : s.error === "no_kiosk" ? t("guide.shareKiosk.none") : s.error;
    dismiss.setAttribute("aria-label", t("notice.dismiss"));
    if (s.notice !== shownNotice) {
      shownNotice = s.notice;
      if (noticeTimer !== undefined) win?.clearTimeout(noticeTimer);
      noticeTimer = undefined;
      // Being removed stays on screen: it explains why the shared visit stopped.
      if (s.notice && s.notice !== "notice.removed") noticeTimer = win?.setTimeout(() => tools.dismissNotice(), NOTICE_MS);
    }
    notice.hidden = s.notice === null;
    noticeText.textContent = s.notice === null ? "" : t(s.notice);
  }

  bag.on(share, "click", () => void tools.shareKiosk());
  bag.on(closeKiosk, "click", () => tools.closeKiosk());
  bag.on(names, "click", () => tools.setNamesAllowed(!tools.state.namesAllowed));
  bag.on(lock, "click", () => tools.lock(!tools.state.locked));
  bag.on(dismiss, "click", () => tools.dismissNotice());
  return liveSection(section, bag, render, [tools.onChange, deps.i18n.onChange, deps.onKioskChange], {
    elements: [notice],
    onDispose: () => { if (noticeTimer !== undefined) win?.clearTimeout(noticeTimer); },
  });
}
