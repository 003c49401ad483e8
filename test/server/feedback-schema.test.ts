// The feedback tables' CHECK constraints agree with the domain's lists on both engines: every listed
// value is accepted, anything else refused, so a value added to a list fails here until a migration
// allows it. Also: the answers' 1-4 range and the contact/closed consistency are held by the database.
import assert from "node:assert/strict";
import { forEachEngine } from "../support/engines";
import { openDatabase, type Db } from "../../src/server/db/open";
import { TICKET_EVENT_TYPES, VISIT_KINDS } from "../../src/server/db/tables-feedback";
import { TICKET_KINDS, TICKET_STATUSES } from "../../src/domain/feedback/tickets";
import { LANGS, TICKET_CHANNELS } from "../../src/domain/feedback/shapes";

forEachEngine("feedback: schema constraints", (engine) => {
  let db: Db;
  before(async function () {
    this.timeout(60_000);
    db = await openDatabase(await engine.freshConfig());
  });
  after(async () => { await db.close(); });

  const at = "2026-03-02T02:00:00.000Z";
  let n = 0;
  const ticket = (o: Record<string, unknown> = {}) => ({
    code: `CODE${String(++n).padStart(4, "0")}`, kind: "konsultasi", status: "received", region_code: "3273", agency_id: null, service_id: null,
    text: "x", contact: null, contact_kind: null, lang: "id", channel: "web", received_at: at, updated_at: at, ...o,
  });
  const accepts = async (table: "tickets" | "surveys" | "ticket_events", row: Record<string, unknown>) => {
    await db.kysely.insertInto(table).values(row as never).execute();
  };
  const refuses = async (table: "tickets" | "surveys" | "ticket_events", row: Record<string, unknown>, what: string) => {
    await assert.rejects(db.kysely.insertInto(table).values(row as never).execute(), `${what} is refused`);
  };

  it("tickets: every kind, status, language and channel of the domain, and nothing else", async () => {
    for (const kind of TICKET_KINDS) await accepts("tickets", ticket({ kind }));
    for (const status of TICKET_STATUSES) await accepts("tickets", ticket({ status, closed_at: status === "closed" ? at : null }));
    for (const lang of LANGS) await accepts("tickets", ticket({ lang }));
    for (const channel of TICKET_CHANNELS) await accepts("tickets", ticket({ channel }));
    await refuses("tickets", ticket({ kind: "saran" }), "an unknown kind");
    await refuses("tickets", ticket({ status: "spam" }), "an unknown status");
    await refuses("tickets", ticket({ channel: "fax" }), "an unknown channel");
    await refuses("tickets", ticket({ status: "closed" }), "closed without closed_at");
    await refuses("tickets", ticket({ contact: "a@b.id" }), "a contact without its kind");
    await refuses("tickets", ticket({ region_code: "9999" }), "an unknown region");
  });

  it("ticket events: every type the server writes", async () => {
    const id = Number((await db.kysely.selectFrom("tickets").select("id").executeTakeFirstOrThrow()).id);
    for (const type of TICKET_EVENT_TYPES) await accepts("ticket_events", { ticket_id: id, at, type, actor: null, body: null, from_agency: null, to_agency: null, visible: 1 });
    await refuses("ticket_events", { ticket_id: id, at, type: "delete", actor: null, body: null, from_agency: null, to_agency: null, visible: 1 }, "an unknown type");
  });

  it("surveys: answers 1-4 only, every visit kind, a real agency", async () => {
    const row = (o: Record<string, unknown> = {}) => ({ region_code: "3273", agency_id: "3273-imigrasi", service_id: null, day: "2026-03-02", visit_kind: "service", u1: 1, u2: 2, u3: 3, u4: 4, u5: 1, u6: 2, u7: 3, u8: 4, u9: 4, comment: null, ...o });
    for (const visit_kind of VISIT_KINDS) await accepts("surveys", row({ visit_kind }));
    await refuses("surveys", row({ u5: 5 }), "a 5");
    await refuses("surveys", row({ u9: 0 }), "a 0");
    await refuses("surveys", row({ visit_kind: "phone" }), "an unknown visit kind");
    await refuses("surveys", row({ agency_id: "3273-nasa" }), "an unknown agency");
  });
});
