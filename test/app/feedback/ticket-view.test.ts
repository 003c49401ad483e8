// A ticket by its code: status, clock, text and answers shown as text (never markup), asking back,
// and an unknown code said plainly.
import assert from "node:assert/strict";
import { createFeedbackDialog } from "../../../src/app/feedback/dialog";
import { ticketViewScreen } from "../../../src/app/feedback/ticket-view";
import { ApiError } from "../../../src/app/api/client";
import { domEnv } from "../ui/dom-env";
import { fakeApi, settle, ticketFixture } from "./fake-api";

describe("feedback/ticket-view", () => {
  it("shows the status, the question and the answer as text, line breaks kept", async () => {
    const env = domEnv();
    const f = fakeApi();
    const dialog = createFeedbackDialog(env.root, { api: f.api, i18n: env.i18n });
    dialog.show(ticketViewScreen(dialog, "KFDX4MRA"));
    await settle();
    assert.equal(env.$('[data-testid="feedback-title"]')!.textContent, "Konsultasi KFDX-4MRA");
    assert.equal(env.$('[data-testid="ticket-status"]')!.getAttribute("data-status"), "answered");
    assert.equal(env.$('[data-testid="ticket-text"]')!.textContent, "<b>Halo</b>\nbaris kedua", "the citizen's text, exactly");
    assert.equal(env.$('[data-testid="ticket-text"] b'), null, "not parsed as markup");
    assert.equal(env.$('[data-testid="ticket-event-text"]')!.textContent, "<script>alert(1)</script> Bisa.", "the answer as text");
    assert.equal(env.doc.querySelectorAll("script").length, 0, "no script element was made");
    assert.match(env.$('[data-testid="ticket-event-answer"]')!.textContent!, /Jawaban dari Kantor Imigrasi/, "named by agency");
    env.i18n.setLang("en");
    assert.equal(env.$('[data-testid="feedback-title"]')!.textContent, "Question KFDX-4MRA", "follows the language");
    env.close();
  });

  it("adds the citizen's message, and offers no reply once closed", async () => {
    const env = domEnv();
    const f = fakeApi();
    f.state.ticket = ticketFixture({ status: "in_progress" });
    const dialog = createFeedbackDialog(env.root, { api: f.api, i18n: env.i18n });
    dialog.show(ticketViewScreen(dialog, "KFDX4MRA"));
    await settle();
    const reply = env.$<HTMLTextAreaElement>('[data-testid="ticket-reply"]')!;
    reply.value = "Tambahan";
    reply.dispatchEvent(new env.win.Event("input") as unknown as Event);
    env.$<HTMLFormElement>(".mpp-feedback__form")!.dispatchEvent(new env.win.Event("submit", { cancelable: true }) as unknown as Event);
    await settle();
    assert.deepEqual(f.calls.at(-1), ["addMessage", { code: "KFDX4MRA", text: "Tambahan" }]);
    assert.equal(env.$$('[data-testid="ticket-event-citizen"]').length, 1, "the message is on the ticket");
    f.state.ticket = ticketFixture({ status: "closed", closedAt: "2026-03-03T00:00:00.000Z" });
    env.$<HTMLButtonElement>('[data-testid="ticket-refresh"]')!.click();
    await settle();
    assert.equal(env.$('[data-testid="ticket-reply"]'), null, "no reply field on a closed ticket");
    env.close();
  });

  it("says plainly when the code is unknown", async () => {
    const env = domEnv();
    const f = fakeApi();
    f.api.ticket = async () => { throw new ApiError("http", "No question", 404, "ticket_not_found"); };
    const dialog = createFeedbackDialog(env.root, { api: f.api, i18n: env.i18n });
    dialog.show(ticketViewScreen(dialog, "KFDX4MRA"));
    await settle();
    assert.match(env.$('[data-testid="ticket-error"]')!.textContent!, /Kode tidak dikenal/);
    env.close();
  });
});
