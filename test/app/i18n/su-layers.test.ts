import assert from "node:assert/strict";
import { createI18n } from "../../../src/app/i18n/i18n";
import { SUNDANESE, SU_REVIEW } from "../../../src/app/i18n/sundanese";
import { activateSundanese, pickText } from "../../../src/app/i18n/su-layers";
import { suTexts } from "../../../src/app/i18n/texts-su";
import { id as queueId, en as queueEn, qt } from "../../../src/app/queue/strings";
import { suQueue } from "../../../src/app/queue/strings-su";
import { id as feedbackId, feedbackText } from "../../../src/app/feedback/strings";
import { suFeedback } from "../../../src/app/feedback/strings-su";
import { ID as kioskId, ftext, pick } from "../../../src/app/kiosk/screens/feedback-text";
import { suKiosk } from "../../../src/app/kiosk/screens/feedback-text-su";
import { dayOptions } from "../../../src/app/queue/day-options";
import { id as guideId, guideText } from "../../../src/app/presence/guide-strings";
import { suGuideNotices } from "../../../src/app/presence/guide-strings-su";
import { SKM_UNSUR } from "../../../src/domain/feedback/skm-unsur";
import { SU_SKM_TEXTS } from "../../../src/domain/feedback/skm-su";
import { TICKET_KIND_LABELS, TICKET_STATUS_LABELS } from "../../../src/domain/feedback/tickets";
import { WEEKDAY_NAMES } from "../../../src/domain/time/wib";
import type { QueueDay } from "../../../src/domain/queue/shapes";

const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();

/** Keys of `base` missing in `su`, keys of `su` unknown to `base`, and keys whose placeholders differ. */
function compare(base: Record<string, string>, su: Record<string, string>, only: (k: string) => boolean = () => true): string[] {
  const problems: string[] = [];
  for (const k of Object.keys(base).filter(only)) {
    const v = su[k];
    if (typeof v !== "string") problems.push(`${k}: missing`);
    else if (holes(v) !== holes(base[k]!)) problems.push(`${k}: placeholders ${holes(v)} vs ${holes(base[k]!)}`);
  }
  for (const k of Object.keys(su)) if (!(k in base) || !only(k)) problems.push(`${k}: not a key of the Indonesian table`);
  return problems;
}

describe("Basa Sunda for the queue, questions/complaints/SKM and the help desk (i18n/su-layers)", () => {
  afterEach(() => activateSundanese(null));

  it("has every citizen-facing queue text in Sundanese with its placeholders (the officers' counter texts stay Indonesian)", () => {
    assert.deepEqual(compare(queueId, suQueue, (k) => !k.startsWith("counter.")), []);
  });

  it("has every question, complaint and survey text in Sundanese with its placeholders", () => {
    assert.deepEqual(compare(feedbackId, suFeedback), []);
  });

  it("has every help desk screen text of the 3D kiosk in Sundanese with its placeholders", () => {
    assert.deepEqual(compare(kioskId, suKiosk), []);
  });

  it("has every tour notice a visitor reads in Sundanese with its placeholders (the guide's own tools stay Indonesian)", () => {
    assert.deepEqual(compare(guideId, suGuideNotices, (k) => k.startsWith("notice.")), []);
  });

  it("has the SKM's unsur, questions and answers, ticket kinds and states and weekdays in Sundanese", () => {
    const wanted = [
      ...SKM_UNSUR.flatMap((u) => [u.name.id, u.question.id, ...u.scale.map((s) => s.id)]),
      ...Object.values(TICKET_KIND_LABELS).map((l) => l.id), ...Object.values(TICKET_STATUS_LABELS).map((l) => l.id),
      ...WEEKDAY_NAMES.id,
    ];
    assert.deepEqual(wanted.filter((t) => typeof suTexts[t] !== "string"), [], "texts without Sundanese");
    // One owner for the SKM's words: the domain's table, which the server's IKM page reads too.
    assert.deepEqual(Object.keys(SU_SKM_TEXTS).filter((t) => suTexts[t] !== SU_SKM_TEXTS[t]), [], "the SKM's Sundanese is the domain's");
  });

  it("switches those modules to Sundanese while Basa Sunda is on, and back to Indonesian and English", () => {
    const i18n = createI18n({ url: new URL("https://x/?lang=su"), sundanese: SUNDANESE });
    assert.equal(qt(i18n.lang, "ticket.take"), "Candak nomer antrian", "queue");
    assert.equal(feedbackText(i18n.lang)("open"), "Tumaros / Ngadu", "questions and complaints");
    assert.equal(ftext(i18n.lang, "desk.title"), "Méja Bantosan", "the 3D help desk");
    assert.equal(guideText(i18n.lang, "notice.kioskShared"), "Pamandu muka kios kanggo sadayana", "a tour notice");
    assert.equal(pick(i18n.lang, SKM_UNSUR[0]!.question), suTexts[SKM_UNSUR[0]!.question.id], "the SKM's question");
    assert.equal(qt(i18n.lang, "counter.title"), queueId["counter.title"], "an officer's text stays Indonesian");
    i18n.setLang("id");
    assert.equal(qt(i18n.lang, "ticket.take"), queueId["ticket.take"], "Indonesian again");
    assert.equal(pickText(i18n.lang, TICKET_KIND_LABELS.pengaduan), "Pengaduan", "domain texts in Indonesian again");
    i18n.setLang("en");
    assert.equal(qt(i18n.lang, "ticket.take"), queueEn["ticket.take"], "English");
  });

  it("shows Indonesian until the lazily loaded tables arrive, then Sundanese", async () => {
    let arrive!: (t: typeof SUNDANESE) => void;
    const i18n = createI18n({ url: new URL("https://x/?lang=su"), sundanese: () => new Promise((r) => { arrive = r; }) });
    let seen = "";
    i18n.onChange(() => { seen = qt(i18n.lang, "book.title"); });
    assert.equal(qt(i18n.lang, "book.title"), queueId["book.title"], "meanwhile Indonesian");
    arrive(SUNDANESE);
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(seen, "Candak antrian daring", "the views re-render in Sundanese when the tables arrive");
  });

  it("gives the lobby's queue board (/?mode=board&lang=su) its words in Sundanese, marked a draft", () => {
    const board = Object.keys(queueId).filter((k) => k.startsWith("board."));
    assert.ok(board.length >= 10, `the board's keys (${board.length})`);
    for (const k of board) assert.equal(typeof suQueue[k as keyof typeof suQueue], "string", `${k} has Sundanese`);
    // The same in both languages: "Loket {label}", "—", "Langsung", "MPP {name}"; every other text is translated.
    const same = ["board.counter", "board.none", "board.live", "board.mpp"];
    const untranslated = board.filter((k) => !same.includes(k) && suQueue[k as keyof typeof suQueue] === queueId[k as keyof typeof queueId]);
    assert.deepEqual(untranslated, [], "no board text left in Indonesian");
    createI18n({ url: new URL("https://x/?lang=su"), sundanese: SUNDANESE });
    assert.equal(qt("id", "board.calling"), "Nomer nu disaur", "qt() gives the board Sundanese while Basa Sunda is on");
    assert.equal(qt("id", "board.title", { mpp: "MPP Kota Bandung" }), "Antrian MPP Kota Bandung", "with its placeholders filled");
    assert.equal(SU_REVIEW.status, "draft", "the chunk the board loads says the translation is a draft");
  });

  it("names the booking's days in Sundanese", () => {
    createI18n({ url: new URL("https://x/?lang=su"), sundanese: SUNDANESE });
    const day = (date: string): QueueDay => ({
      region: "3273", date, open: true, physicalMpp: "yes", window: { from: date, to: date }, closure: null, retentionDays: 30, agencies: [],
    });
    const [senen, kemis] = dayOptions([day("2026-12-07"), day("2026-12-10")], "a", "id", { full: "pinuh", noSlots: "teu aya slot" });
    assert.equal(senen!.label, "Sen 07/12", "Senén (Senin in Indonesian), shortened");
    assert.equal(kemis!.label, "Kem 10/12", "Kemis (Kamis in Indonesian), shortened");
  });
});
