// A FeedbackApi stand-in for the screens' tests: records calls, answers what the test sets.
import type { CreatedTicket, FeedbackApi, PublicTicket, SurveyInput, Visit } from "../../../src/app/feedback/feedback-api";
import { ApiError } from "../../../src/app/api/client";
import type { TicketInput } from "../../../src/domain/feedback/shapes";

export function ticketFixture(over: Partial<PublicTicket> = {}): PublicTicket {
  return {
    code: "KFDX4MRA", formattedCode: "KFDX-4MRA", kind: "konsultasi", status: "answered", regionCode: "3273", regionName: "Kota Bandung",
    agencyId: "3273-imigrasi", agencyName: "Kantor Imigrasi Kelas I Bandung", serviceId: null, serviceName: null,
    text: "<b>Halo</b>\nbaris kedua", lang: "id", hasContact: false, receivedAt: "2026-03-02T02:00:00.000Z", updatedAt: "2026-03-02T03:00:00.000Z",
    closedAt: null, laporId: null, clock: { stage: null, dueDate: null, overdue: false, workingDaysLate: 0, workingDaysLeft: 0 },
    messages: [{ at: "2026-03-02T03:00:00.000Z", type: "answer", text: "<script>alert(1)</script> Bisa.", agencyName: "Kantor Imigrasi Kelas I Bandung", laporId: null }],
    ...over,
  };
}

export const VISIT: Visit = { token: "t".repeat(32), kind: "service", regionCode: "3273", agencyId: "3273-imigrasi", serviceId: "3273-imigrasi-paspor-biasa", expiresAt: "2026-03-03T02:00:00.000Z" };

export function fakeApi() {
  const calls: Array<[string, unknown]> = [];
  const state = {
    failTicket: null as ApiError | null,
    failVisit: false,
    ticket: ticketFixture(),
  };
  const api: FeedbackApi = {
    async createTicket(input: TicketInput): Promise<CreatedTicket> {
      calls.push(["createTicket", input]);
      if (state.failTicket) throw state.failTicket;
      return { code: "KFDX4MRA", formattedCode: "KFDX-4MRA", status: "received", receivedAt: "2026-03-02T02:00:00.000Z", forwardBy: "2026-03-05", actBy: "2026-03-12" };
    },
    async ticket(code) { calls.push(["ticket", code]); return state.ticket; },
    async addMessage(code, text) { calls.push(["addMessage", { code, text }]); return { ...state.ticket, messages: [...state.ticket.messages, { at: "2026-03-02T04:00:00.000Z", type: "citizen", text, agencyName: null, laporId: null }] }; },
    async visit(body) {
      calls.push(["visit", body]);
      if (state.failVisit) throw new ApiError("network", "offline");
      return body.kind === "lobby" ? { ...VISIT, kind: "lobby", agencyId: null, serviceId: null } : VISIT;
    },
    async survey(input: SurveyInput) { calls.push(["survey", input]); return { regionCode: "3273", agencyId: input.agencyId, day: "2026-03-02" }; },
    async regionIkm() { throw new Error("not used"); },
  };
  return { api, calls, state };
}

/** Lets pending promises and their re-renders run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));
