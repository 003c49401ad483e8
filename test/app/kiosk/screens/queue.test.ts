// The queue's kiosk screens through the real controller: "Ambil antrean" from a service's kiosk,
// a day, a slot, the booking; the ticket machine's agency list; a refusal shown in the visitor's
// words; no answer is an error (never a number); a region without an MPP building.
import assert from "node:assert/strict";
import { createI18n } from "../../../../src/app/i18n/i18n";
import { createKioskController, type KioskApi } from "../../../../src/app/kiosk/kiosk-controller";
import type { KioskScreen } from "../../../../src/app/kiosk/screens/registry";
import type { BookingInput } from "../../../../src/app/queue/queue-api";
import type { Booking, QueueDay } from "../../../../src/domain/queue/shapes";
import { bandung, flush, paspor, pasporSummary } from "../../fixtures";

const slot = (start: string, end: string, remaining: number, reason: string | null = null) =>
  ({ start, end, capacity: 10, remaining, bookable: reason === null && remaining > 0, reason: remaining === 0 ? "slot_full" : reason });

function day(date: string, opts: { physicalMpp?: "yes" | "unknown"; closed?: boolean } = {}): QueueDay {
  const closed = opts.closed ?? false;
  return {
    region: "3273", date, open: !closed, physicalMpp: opts.physicalMpp ?? "yes",
    window: { from: "2026-03-02", to: "2026-03-04" },
    closure: closed ? { kind: "weekend", name: { id: "Akhir pekan", en: "Weekend" } } : null,
    retentionDays: 30,
    agencies: [{
      agencyId: "3273-imigrasi", shortName: "Imigrasi", letter: "B", counters: ["B1", "B2"], open: !closed,
      closure: closed ? { kind: "weekend", name: { id: "Akhir pekan", en: "Weekend" } } : null,
      slots: closed ? [] : [slot("08:00", "08:30", 0), slot("08:30", "09:00", 4)],
    }],
  };
}

function fakeApi(options: { physicalMpp?: "yes" | "unknown"; book?: (input: BookingInput) => Promise<Booking> } = {}) {
  const booked: BookingInput[] = [];
  const api: KioskApi = {
    region: async () => bandung,
    services: async () => [pasporSummary],
    service: async () => paspor,
    queue: {
      day: async (_region, date) => day(date ?? "2026-03-02", { physicalMpp: options.physicalMpp ?? "yes", closed: date === "2026-03-04" }),
      book: async (input) => {
        booked.push(input);
        if (options.book) return options.book(input);
        return {
          code: "K7MPX3AD", number: "B-014", agencyId: input.agencyId, serviceId: input.serviceId ?? null, regionCode: "3273",
          date: input.date, slot: input.slot, slotEnd: "09:00", status: "booked", counters: ["B1", "B2"], createdAt: "2026-03-02T01:00:00Z",
        };
      },
    },
  };
  return { api, booked };
}

async function ready(c: ReturnType<typeof createKioskController>) {
  for (let i = 0; i < 20 && c.view.status === "loading"; i++) await flush();
  assert.equal(c.view.status, "ready", `${c.view.screen.kind} is ready (${c.view.title})`);
  return c.view;
}

const start = (api: KioskApi, screen: KioskScreen, lang: "id" | "en" = "id") =>
  createKioskController({ api, i18n: createI18n({ url: new URL(`https://x/?lang=${lang}`) }), start: screen });

const lines = (v: { sections: Array<{ id?: string; lines: readonly { text: string }[] }> }, id: string) =>
  v.sections.find((s) => s.id === id)?.lines.map((l) => l.text) ?? [];

describe("kiosk/screens/queue", () => {
  it("books from a service's kiosk: Ambil antrean, a day, a slot, then number, code, counters, time and what to bring", async () => {
    const { api, booked } = fakeApi();
    const c = start(api, { kind: "service", serviceId: paspor.id });
    const service = await ready(c);
    assert.ok(service.actions.some((a) => a.id === "queue" && a.label === "Ambil antrean"), "the service offers Ambil antrean");
    assert.equal(c.act("queue"), true);
    const days = await ready(c);
    assert.equal(days.screen.kind, "queue-days");
    assert.deepEqual(days.items.map((i) => i.id), ["3273-imigrasi/2026-03-02", "3273-imigrasi/2026-03-03"], "the bookable days of the window, for the service's agency");
    assert.equal(days.items[0]?.detail, "4 tempat", "places left that day");
    assert.match(lines(days, "queue-closed-days").join("\n"), /Akhir pekan/, "a closed day says why");
    assert.equal(c.select("3273-imigrasi/2026-03-03"), true);
    const slots = await ready(c);
    assert.deepEqual(slots.items.map((i) => i.id), ["08:30"], "only free slots can be chosen");
    assert.match(lines(slots, "queue-closed-slots")[0] ?? "", /08:00–08:30: penuh/, "a full slot says so");
    assert.match(lines(slots, "queue-privacy")[0] ?? "", /tanpa nama, nomor HP atau NIK\. Dihapus 30 hari/, "what is stored and for how long");
    assert.equal(c.select("08:30"), true);
    const done = await ready(c);
    assert.deepEqual(booked, [{ agencyId: "3273-imigrasi", date: "2026-03-03", slot: "08:30", serviceId: paspor.id }], "one booking request");
    assert.deepEqual(lines(done, "queue-number"), ["B-014"]);
    assert.equal(lines(done, "queue-code")[0], "K7MP-X3AD", "the code in two groups");
    assert.deepEqual(lines(done, "queue-when"), ["2026-03-03, 08:30–09:00 WIB", "Imigrasi · Loket B1, B2"]);
    assert.deepEqual(lines(done, "queue-bring"), paspor.requirements, "the service's requirements");
    // Back and choosing the slot again is a second request; a re-render (language) is not.
    assert.equal(c.back(), true);
    await ready(c);
    assert.equal(booked.length, 1, "going back books nothing");
  });

  it("at the ticket machine lists the agencies first, in English too", async () => {
    const { api } = fakeApi();
    const c = start(api, { kind: "queue-agencies", regionCode: "3273" }, "en");
    const v = await ready(c);
    assert.equal(v.title, "Book a queue number online");
    assert.deepEqual(v.items.map((i) => [i.id, i.detail]), [["3273-imigrasi", "Counter B1, B2"]]);
    assert.equal(c.select("3273-imigrasi"), true);
    assert.equal((await ready(c)).screen.kind, "queue-days");
  });

  it("shows the server's refusal (slot just taken) in the visitor's words, and no number", async () => {
    const refusal = Object.assign(new Error("Slot 08:30 sudah penuh. Pilih jam lain."), { kind: "http", status: 409, code: "slot_full" });
    const { api } = fakeApi({ book: () => Promise.reject(refusal) });
    const c = start(api, { kind: "queue-booked", regionCode: "3273", agencyId: "3273-imigrasi", serviceId: null, date: "2026-03-03", slot: "08:30", request: "r1" });
    const v = await ready(c);
    assert.deepEqual(lines(v, "queue-refused"), ["Slot 08:30 sudah penuh. Pilih jam lain."]);
    assert.equal(lines(v, "queue-number").length, 0, "no number");
  });

  it("when the server does not answer, shows an error view, never a number", async () => {
    const { api } = fakeApi({ book: () => Promise.reject(Object.assign(new Error("timeout"), { kind: "timeout" })) });
    const c = start(api, { kind: "queue-booked", regionCode: "3273", agencyId: "3273-imigrasi", serviceId: null, date: "2026-03-03", slot: "08:30", request: "r2" });
    for (let i = 0; i < 20 && c.view.status === "loading"; i++) await flush();
    assert.equal(c.view.status, "error");
    assert.equal(c.view.sections.length, 0, "nothing but the error");
  });

  it("a region without an MPP building has no queue and points to the consultation desk", async () => {
    const { api } = fakeApi({ physicalMpp: "unknown" });
    const c = start(api, { kind: "queue-days", regionCode: "3273", agencyId: "3273-imigrasi", serviceId: null });
    const v = await ready(c);
    assert.equal(v.items.length, 0, "no day to choose");
    const section = v.sections.find((s) => s.id === "queue-no-mpp");
    assert.match(section?.lines[0]?.text ?? "", /belum memiliki gedung MPP/);
    assert.equal(section?.lines[1]?.href, "/layanan/3273", "the consultation desk's way in");
  });
});
