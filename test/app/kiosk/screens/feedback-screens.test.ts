// The kiosk's feedback screens (help desk, question/complaint, SKM) driven through a real
// KioskController, as the 3D panel and the DOM mirror drive them: rows, the text field, the
// screen actions on a service, and sending through a fake feedback client.
import assert from "node:assert/strict";
import { createI18n } from "../../../../src/app/i18n/i18n";
import { createKioskController } from "../../../../src/app/kiosk/kiosk-controller";
import type { KioskApi, KioskFeedbackApi, KioskTicketInput } from "../../../../src/app/kiosk/screens/screen";
import { parseScreen } from "../../../../src/app/kiosk/screens/registry";
import { ticketStep, newTicket } from "../../../../src/app/kiosk/screens/ticket";
import { newSurvey } from "../../../../src/app/kiosk/screens/survey";
import { SKM_UNSUR } from "../../../../src/domain/feedback/skm-unsur";
import { bandung, flush, paspor } from "../../fixtures";

const HOSTILE = "<script>alert(1)</script> \u202Eevil\u202C paspor?";

function feedbackApi(opts: { surveyError?: unknown } = {}) {
  const tickets: KioskTicketInput[] = [];
  const surveys: Array<Parameters<KioskFeedbackApi["survey"]>[0]> = [];
  const f: KioskFeedbackApi = {
    async createTicket(input) { tickets.push(input); return { code: "KFDX4MRA", formattedCode: "KFDX-4MRA" }; },
    async survey(input) { if (opts.surveyError) throw opts.surveyError; surveys.push(input); },
    async regionIkm() { return { year: 2026, respondents: 0, ikm: null, mutu: null }; },
  };
  const api: KioskApi = { region: async () => bandung, services: async () => [], service: async () => paspor, feedback: async () => f };
  return { api, tickets, surveys };
}

const i18n = (lang = "id") => createI18n({ url: new URL(`https://x/?lang=${lang}`) });

describe("kiosk/screens: help desk, question/complaint, SKM", () => {
  it("leaves a complaint from the help desk: kind, agency, text on the keys, no contact, check, code", async () => {
    const { api, tickets } = feedbackApi();
    const c = createKioskController({ api, i18n: i18n(), start: { kind: "help-desk", regionCode: "3273" } });
    await flush();
    assert.equal(c.view.title, "Meja Bantuan", "the help desk's screen");
    assert.deepEqual(c.view.items.map((i) => i.id), ["konsultasi", "pengaduan", "survey"], "ask, complain, rate");
    assert.ok(c.select("pengaduan"), "complaint chosen");
    await flush();
    assert.deepEqual(c.view.items.map((i) => i.id), ["region", "3273-imigrasi", "3273-disdukcapil"], "about the MPP or one of its agencies");
    assert.ok(c.select("3273-imigrasi"));
    await flush();
    assert.equal(c.view.input?.multiline, true, "a text field for the complaint");
    assert.equal(c.select("next"), false, "an empty complaint does not go on");
    for (const ch of "Antre ") assert.ok(c.type(ch), `typed ${ch}`);
    assert.ok(c.type("⌫"), "backspace");
    assert.ok(c.type("↵"), "a new line in a multiline field");
    for (const ch of "lama") c.type(ch);
    assert.equal(c.view.input?.value, "Antre\nlama", "the draft as typed");
    assert.match(c.view.input?.hint ?? "", /^10 dari 4000 karakter/, "counts code points typed");
    assert.ok(c.select("next"));
    await flush();
    assert.equal(c.view.input?.multiline, false, "the contact is one line");
    assert.equal(c.type("↵"), false, "no new line in a one-line field");
    for (const ch of "abc") c.type(ch);
    assert.match(c.view.input?.hint ?? "", /email atau nomor HP/i, "a bad contact says what is expected");
    assert.equal(c.select("next"), false, "a bad contact does not go on");
    assert.ok(c.select("skip"), "skipping the contact");
    await flush();
    assert.deepEqual(c.view.sections.map((s) => s.lines.map((l) => l.text)), [["Kantor Imigrasi Kelas I TPI Bandung"], ["Antre", "lama"], ["Tanpa kontak: lacak jawabannya dengan kode."]], "the check shows what will be sent");
    assert.ok(c.select("send"));
    await flush();
    await flush();
    assert.deepEqual(tickets, [{ kind: "pengaduan", regionCode: "3273", agencyId: "3273-imigrasi", serviceId: null, text: "Antre\nlama", contact: null }], "one ticket sent");
    assert.equal(c.view.title, "Terkirim");
    assert.equal(c.view.sections.find((s) => s.id === "ticket-code")?.lines[0]?.text, "KFDX-4MRA", "the code to keep");
    assert.deepEqual(c.view.actions.map((a) => a.id), ["close"], "no way back into a sent form");
  });

  it("keeps hostile text as plain text, cleaned by the domain's rules, and refuses what is too long", async () => {
    const { api, tickets } = feedbackApi();
    const c = createKioskController({ api, i18n: i18n(), start: newTicket("3273", { ticketKind: "konsultasi", agencyId: "region" }) });
    await flush();
    assert.ok(c.setInput(HOSTILE), "pasted into the mirror's field");
    assert.ok(c.select("next"));
    await flush();
    c.select("skip");
    await flush();
    assert.deepEqual(c.view.sections[1]?.lines.map((l) => l.text), ["<script>alert(1)</script> evil paspor?"], "tags stay text; bidi overrides removed");
    assert.equal(c.setInput("x".repeat(4001)), false, "more than 4,000 characters is refused");
    c.select("send");
    await flush();
    await flush();
    assert.equal(tickets[0]?.agencyId, null, "about the MPP in general");
    assert.equal(tickets[0]?.text, "<script>alert(1)</script> evil paspor?");
  });

  it("asks about and rates a service from its screen (screen actions), with the service named", async () => {
    const { api, surveys } = feedbackApi();
    const c = createKioskController({ api, i18n: i18n(), start: { kind: "service", serviceId: paspor.id } });
    await flush();
    assert.deepEqual(c.view.actions.map((a) => a.id).filter((id) => id === "ask" || id === "rate"), ["ask", "rate"], "ask and rate under a service");
    assert.ok(c.act("ask"));
    await flush();
    const ask = c.stack[c.stack.length - 1]!;
    assert.deepEqual(ask, { ...newTicket("3273", { agencyId: "3273-imigrasi", serviceId: paspor.id }) }, "about this agency and service");
    assert.equal(ticketStep(ask as ReturnType<typeof newTicket>), "kind", "the kind is asked first");
    c.back();
    await flush();
    assert.ok(c.act("rate"));
    await flush();
    assert.equal(c.view.subtitle, "Pertanyaan 1 dari 9: Persyaratan", "the first unsur");
    assert.equal(c.view.intro, SKM_UNSUR[0]!.question.id, "the regulation's question");
    assert.deepEqual(c.view.items.map((i) => i.label), ["1. Tidak sesuai", "2. Kurang sesuai", "3. Sesuai", "4. Sangat sesuai"], "its four answers, worst first");
    assert.equal(c.select("5"), false, "no fifth answer");
    for (let i = 0; i < 9; i++) {
      assert.ok(c.select(String((i % 4) + 1)), `answer ${i + 1}`);
      await flush();
    }
    assert.ok(c.view.input, "an optional comment at the end");
    assert.ok(c.select("send"), "sent without a comment");
    await flush();
    await flush();
    assert.deepEqual(surveys, [{ regionCode: "3273", agencyId: "3273-imigrasi", serviceId: paspor.id, answers: [1, 2, 3, 4, 1, 2, 3, 4, 1], comment: null }]);
    assert.equal(c.view.title, "Terima kasih");
  });

  it("says when the visit was rated already (409 visit_used), and chooses the agency at the help desk", async () => {
    const { api } = feedbackApi({ surveyError: Object.assign(new Error("used"), { kind: "http", code: "visit_used" }) });
    const c = createKioskController({ api, i18n: i18n("en"), start: newSurvey("3273") });
    await flush();
    assert.equal(c.view.intro, "Which agency are you rating?");
    c.select("3273-disdukcapil");
    await flush();
    for (let i = 0; i < 9; i++) { c.select("3"); await flush(); }
    c.setInput("Ramah");
    c.select("send");
    await flush();
    await flush();
    assert.equal(c.view.notice?.text, "This visit has been rated already: one survey per visit.");
  });

  it("parses only well-formed feedback screens (deep links cannot smuggle answers)", () => {
    assert.deepEqual(parseScreen({ kind: "help-desk", regionCode: "3273" }), { kind: "help-desk", regionCode: "3273" });
    assert.throws(() => parseScreen({ kind: "survey", regionCode: "3273", agencyId: "3273-imigrasi", serviceId: null, answers: [5] }), /not a kiosk screen/, "an answer of 5");
    assert.throws(() => parseScreen({ kind: "survey", regionCode: "3273", agencyId: null, serviceId: null, answers: [3] }), /not a kiosk screen/, "answers before an agency");
    assert.throws(() => parseScreen({ kind: "survey-sent", regionCode: "3273", agencyId: "3273-imigrasi", serviceId: null, answers: [1, 2, 3, 4, 1, 2, 3, 4], comment: null }), /not a kiosk screen/, "eight answers");
    assert.throws(() => parseScreen({ kind: "ticket", regionCode: "3273", serviceId: null, ticketKind: "spam", about: null, text: null, contact: null }), /not a kiosk screen/, "an unknown kind of ticket");
  });

  it("tells the visitor when the page has no feedback client", async () => {
    const api: KioskApi = { region: async () => bandung, services: async () => [], service: async () => paspor };
    const c = createKioskController({ api, i18n: i18n(), start: { kind: "ticket-sent", regionCode: "3273", serviceId: null, ticketKind: "konsultasi", about: "region", text: "Halo", contact: "" } });
    await flush();
    await flush();
    assert.equal(c.view.status, "error", "an error view with Retry, not a silent failure");
  });
});
