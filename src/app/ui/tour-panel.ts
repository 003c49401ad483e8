// The guided tour in the presence panel: "Ikuti pemandu" for visitors, the guide's sign-in (event
// PIN) and tools (gather, lock), and the gather countdown banner each visitor can cancel.
import type { I18n } from "../i18n/i18n";
import type { StringKey } from "../i18n/strings";
import type { Tour, TourState } from "../presence/tour";
import { createListenerBag, el } from "./dom";
import { liveSection } from "./live-section";

export interface TourPanel {
  /** The section to put inside the presence panel. */
  readonly section: HTMLElement;
  dispose(): void;
}

export function createTourPanel(root: HTMLElement, deps: { i18n: Pick<I18n, "t" | "onChange">; tour: Tour }): TourPanel {
  const doc = root.ownerDocument;
  const { i18n, tour } = deps;
  const bag = createListenerBag();

  const followBox = el(doc, "input", { type: "checkbox", id: "mpp-tour-follow", "data-testid": "tour-follow" });
  const followLabel = el(doc, "label", { for: "mpp-tour-follow" });
  const noGuide = el(doc, "p", { class: "mpp-presence__explain", "data-testid": "tour-no-guide" });
  const visitorPart = el(doc, "div", { class: "mpp-presence__body" }, el(doc, "div", {}, followBox, followLabel), noGuide);

  const summary = el(doc, "summary", {});
  const pinLabel = el(doc, "label", { for: "mpp-tour-pin" });
  const pin = el(doc, "input", { id: "mpp-tour-pin", type: "password", autocomplete: "off", maxlength: 64, "data-testid": "tour-pin" });
  const claim = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "tour-claim" });
  const error = el(doc, "p", { class: "mpp-presence__error", role: "alert", hidden: true, "data-testid": "tour-error" });
  const login = el(doc, "details", { "data-testid": "tour-login" }, summary, pinLabel, pin, claim, error);

  const gather = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "tour-gather" });
  const lock = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "tour-lock" });
  const release = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "tour-release" });
  const replies = el(doc, "p", { class: "mpp-presence__status", role: "status", "data-testid": "tour-replies" });
  const guidePart = el(doc, "div", { class: "mpp-presence__body" }, gather, lock, release, replies);

  const section = el(doc, "section", { class: "mpp-tour", "data-testid": "tour" }, visitorPart, login, guidePart);

  const bannerText = el(doc, "span", { "data-testid": "tour-countdown-text" });
  const cancel = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "tour-cancel" });
  const banner = el(doc, "div", { class: "mpp-presence__banner mpp-panel", role: "alert", hidden: true, "data-testid": "tour-countdown" }, cancel, bannerText);
  root.appendChild(banner);

  function errorText(code: string): string {
    const key = `tour.error.${code}`;
    return key === "tour.error.not_authorized" || key === "tour.error.rate" ? i18n.t(key as StringKey) : i18n.t("tour.error.other", { code });
  }

  function render(s: TourState = tour.state): void {
    followLabel.textContent = i18n.t("tour.follow");
    followBox.checked = s.following;
    noGuide.textContent = i18n.t("tour.noGuide");
    noGuide.hidden = s.guidePresent;
    visitorPart.hidden = s.guide;
    summary.textContent = i18n.t("tour.guideLogin");
    pinLabel.textContent = i18n.t("tour.pin");
    claim.textContent = i18n.t("tour.claim");
    login.hidden = s.guide;
    error.hidden = s.error === null;
    error.textContent = s.error === null ? "" : errorText(s.error);
    guidePart.hidden = !s.guide;
    gather.textContent = i18n.t("tour.gather");
    lock.textContent = i18n.t(s.locked ? "tour.unlock" : "tour.lock");
    release.textContent = i18n.t("tour.release");
    replies.textContent = i18n.t("tour.replies", { accepted: String(s.replies.accepted), cancelled: String(s.replies.cancelled) });
    banner.hidden = s.countdown === null;
    bannerText.textContent = s.countdown ? i18n.t("tour.countdown", { seconds: String(s.countdown.secondsLeft) }) : "";
    cancel.textContent = i18n.t("tour.cancel");
  }

  bag.on(followBox, "change", () => tour.setFollowing(followBox.checked));
  bag.on(claim, "click", () => {
    if (pin.value !== "") tour.claim(pin.value);
    pin.value = ""; // the PIN is not kept in the page
  });
  bag.on(gather, "click", () => tour.gather());
  bag.on(lock, "click", () => tour.lock(!tour.state.locked));
  bag.on(release, "click", () => tour.release());
  bag.on(cancel, "click", () => tour.cancelGather());
  return liveSection(section, bag, render, [tour.onChange, i18n.onChange], { elements: [banner] });
}
