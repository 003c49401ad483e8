// The end of a lobby visit (?mode=kiosk): a large "Finish" button while a visit runs, and the
// idle warning's "Rate, then finish". Either offers the SKM for this MPP (a lobby visit token from
// the server, the agency the visitor last looked at preselected); rating or skipping ends the visit
// (the lobby's reset), and the reset closes the survey and forgets the visit. Offline, or without
// a region, there is nothing to rate: the visit simply ends.
import type { I18n } from "../i18n/i18n";
import { createListenerBag, el } from "../ui/dom";
import type { FeedbackDialog } from "./dialog";
import type { FeedbackApi } from "./feedback-api";
import { feedbackText } from "./strings";
import { surveyScreen } from "./survey-form";

export interface LobbySurvey {
  /** A visit runs (true) or the lobby rests (false): "Finish" shows only during a visit. */
  setActive(active: boolean): void;
  /** Offers the survey now; resolves once it is on screen (or the visit ended without it). */
  offer(): Promise<void>;
  /** What ends the visit after the visitor rated or skipped (the lobby's reset). */
  onDone(end: () => void): void;
  /** Closes the survey and forgets the visit (a reset step). */
  reset(): void;
  /** The idle warning's button label, in the current language. */
  rateLabel(): string;
  dispose(): void;
}

export interface LobbySurveyDeps {
  i18n: Pick<I18n, "lang" | "onChange">;
  dialog: FeedbackDialog;
  api: FeedbackApi;
  regionCode: string | null;
  agencies(): Promise<Array<{ id: string; name: string }>>;
  lastAgency(): { id: string; name: string } | null;
  /** Forgets the services read during the visit. */
  forget(): void;
}

export function createLobbySurvey(root: HTMLElement, deps: LobbySurveyDeps): LobbySurvey {
  const doc = root.ownerDocument;
  const bag = createListenerBag();
  const finish = el(doc, "button", { type: "button", class: "mpp-button mpp-button--primary mpp-lobby-finish", "data-testid": "lobby-finish", hidden: true });
  root.appendChild(finish);
  const render = () => { finish.textContent = feedbackText(deps.i18n.lang)("lobby.finish"); };
  render();
  bag.add(deps.i18n.onChange(render));
  let end: () => void = () => {};
  let offering = false;

  async function offer(): Promise<void> {
    if (offering || deps.dialog.isOpen) return;
    offering = true;
    try {
      const region = deps.regionCode ?? deps.lastAgency()?.id.slice(0, 4) ?? null;
      const [visit, agencies] = region
        ? await Promise.all([deps.api.visit({ kind: "lobby", regionCode: region }).catch(() => null), deps.agencies().catch(() => [])])
        : [null, []];
      if (!visit) { end(); return; }
      const last = deps.lastAgency();
      deps.dialog.show(surveyScreen(deps.dialog, {
        visit, agencies: agencies.length ? agencies : last ? [last] : [], agencyId: last?.id ?? null,
        onDone: () => end(),
      }));
    } finally {
      offering = false;
    }
  }
  bag.on(finish, "click", () => void offer());

  return {
    setActive(active) { finish.hidden = !active; },
    offer,
    onDone(fn) { end = fn; },
    reset() {
      deps.dialog.close();
      deps.forget();
      finish.hidden = true;
    },
    rateLabel: () => feedbackText(deps.i18n.lang)("lobby.rate"),
    dispose() { bag.clear(); finish.remove(); },
  };
}
