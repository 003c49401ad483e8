// The kiosk screens' way to the feedback API (screens/screen.ts KioskFeedbackApi): tickets with the
// channel they came from, and surveys that spend the visit they rate. A service read in this page
// is one visit (the same one the DOM's "rate" button spends, so one survey whichever surface is
// used); a survey at an MPP's help desk without a service rates the visit to that MPP (a "lobby"
// visit token, kept for the page like the others and forgotten at a lobby reset).
import type { KioskFeedbackApi } from "../kiosk/screens/screen";
import type { FeedbackApi, Visit } from "./feedback-api";

export interface KioskFeedbackDeps {
  api: Pick<FeedbackApi, "createTicket" | "survey" | "regionIkm">;
  lang(): "id" | "en";
  channel(): "web" | "lobby" | "xr";
  /** The page's visit for a service read (cached per service; null when the server refused). */
  serviceVisit(serviceId: string): Promise<Visit | null>;
  /** The page's visit to an MPP (cached per region). */
  mppVisit(regionCode: string): Promise<Visit | null>;
}

export class VisitUnavailableError extends Error {
  readonly code = "visit_unavailable";
}

export function createKioskFeedback(deps: KioskFeedbackDeps): KioskFeedbackApi {
  return {
    async createTicket(input) {
      const t = await deps.api.createTicket({
        kind: input.kind, regionCode: input.regionCode,
        ...(input.agencyId ? { agencyId: input.agencyId } : {}),
        ...(input.serviceId ? { serviceId: input.serviceId } : {}),
        text: input.text,
        ...(input.contact ? { contact: input.contact } : {}),
        lang: deps.lang(), channel: deps.channel(),
      });
      return { code: t.code, formattedCode: t.formattedCode };
    },
    async regionIkm(regionCode) {
      const r = await deps.api.regionIkm(regionCode);
      return { year: r.year, respondents: r.respondents, ikm: r.ikm, mutu: r.mutu };
    },
    async survey(input) {
      const visit = input.serviceId ? await deps.serviceVisit(input.serviceId) : await deps.mppVisit(input.regionCode);
      if (!visit) throw new VisitUnavailableError("survey: the server gave no visit to rate");
      await deps.api.survey({
        agencyId: input.agencyId,
        // The service is named only when it belongs to the agency rated (the server checks it too).
        ...(input.serviceId && visit.agencyId === input.agencyId ? { serviceId: input.serviceId } : {}),
        answers: input.answers,
        ...(input.comment ? { comment: input.comment } : {}),
        visitToken: visit.token,
      });
    },
  };
}
