// Small pieces of the queue server without a database: the visitor's language, the MPP record's
// hours in the queue's shape, the per-address limiter, and the database's CHECK lists against the
// domain's lists (a new status fails here until a migration allows it).
import assert from "node:assert/strict";
import { CALL_ACTIONS, REGION_DAY_KINDS, TICKET_KINDS, TICKET_STATUSES } from "../../src/domain/queue/shapes";
import { CALL_ACTIONS_V20, DAY_KINDS_V20, TICKET_KINDS_V20, TICKET_STATUSES_V20 } from "../../src/server/db/migration-queue";
import { acceptLanguage } from "../../src/server/queue/errors";
import { QueueLimiter } from "../../src/server/queue/limits";
import { mppWeeklyHours } from "../../src/server/queue/settings";

describe("queue server units", () => {
  it("picks id or en from Accept-Language by q-value, Indonesian when neither is asked", () => {
    assert.equal(acceptLanguage(undefined), "id", "no header");
    assert.equal(acceptLanguage("en-US,en;q=0.9"), "en");
    assert.equal(acceptLanguage("id-ID,id;q=0.9,en;q=0.8"), "id");
    assert.equal(acceptLanguage("en;q=0.5, id;q=0.8"), "id", "higher q wins whatever the order");
    assert.equal(acceptLanguage("fr-FR, de;q=0.9"), "id", "neither: Indonesian");
    assert.equal(acceptLanguage("in-ID"), "id", "the old code for Indonesian");
    assert.equal(acceptLanguage("en;q=0, id;q=0"), "id", "q=0 means not wanted");
    assert.equal(acceptLanguage("en;q=abc"), "id", "a broken q is ignored");
  });

  it("turns the MPP record's hours (Monday first, null unknown) into the queue's week (Sunday first, unknown closed)", () => {
    const w = mppWeeklyHours(JSON.stringify({ mon: [{ open: "08:00", close: "15:00" }], tue: null, wed: [], thu: null, fri: null, sat: [{ open: "08:00", close: "12:00" }], sun: null }));
    assert.deepEqual(w, [[], [{ open: "08:00", close: "15:00" }], [], [], [], [], [{ open: "08:00", close: "12:00" }]]);
    assert.equal(mppWeeklyHours(null), null, "no record: no hours");
    assert.equal(mppWeeklyHours(JSON.stringify({ mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null })), null, "every day unknown: no hours");
    assert.equal(mppWeeklyHours("{not json"), null, "a broken record gives no hours, not an error");
    assert.equal(mppWeeklyHours(JSON.stringify({ mon: [{ open: "15:00", close: "08:00" }] })), null, "an inverted interval: no hours");
  });

  it("limits per address and kind, refilling evenly", () => {
    let t = 0;
    const l = new QueueLimiter({ booking: { max: 2, windowMs: 60_000 }, lookup: { max: 1, windowMs: 60_000 }, walkIn: { max: 5, windowMs: 60_000 } }, () => t);
    assert.equal(l.take("booking", "a"), null);
    assert.equal(l.take("booking", "a"), null);
    assert.equal(l.take("booking", "a"), 30, "wait 30 s for the next token");
    assert.equal(l.take("booking", "b"), null, "another address has its own bucket");
    assert.equal(l.take("lookup", "a"), null, "another kind too");
    t = 30_000;
    assert.equal(l.take("booking", "a"), null, "refilled after 30 s");
    assert.throws(() => new QueueLimiter({ booking: { max: 0, windowMs: 1 }, lookup: { max: 1, windowMs: 1 }, walkIn: { max: 1, windowMs: 1 } }), /max >= 1/);
  });

  it("has CHECK lists in migration 20 equal to the domain's lists", () => {
    assert.deepEqual([...TICKET_KINDS], [...TICKET_KINDS_V20]);
    assert.deepEqual([...TICKET_STATUSES], [...TICKET_STATUSES_V20]);
    assert.deepEqual([...CALL_ACTIONS], [...CALL_ACTIONS_V20]);
    assert.deepEqual([...REGION_DAY_KINDS], [...DAY_KINDS_V20]);
  });
});

describe("queue settings from the environment", () => {
  it("reads retention, caps and kiosk addresses, and names a bad variable", async () => {
    const { queueOptionsFromEnv } = await import("../../src/server/queue/env");
    assert.deepEqual(queueOptionsFromEnv({}), { retentionDays: 30, caps: { exemptAddresses: [] } }, "defaults");
    assert.deepEqual(
      queueOptionsFromEnv({ QUEUE_RETENTION_DAYS: "14", QUEUE_MAX_ACTIVE_PER_PHONE: "2", QUEUE_MAX_ACTIVE_PER_ADDRESS: "0", QUEUE_KIOSK_ADDRESSES: "192.168.1.20, ::1" }),
      { retentionDays: 14, caps: { perPhone: 2, perAddress: 0, exemptAddresses: ["192.168.1.20", "::1"] } },
    );
    assert.throws(() => queueOptionsFromEnv({ QUEUE_MAX_ACTIVE_PER_PHONE: "banyak" }), /QUEUE_MAX_ACTIVE_PER_PHONE/);
    assert.throws(() => queueOptionsFromEnv({ QUEUE_KIOSK_ADDRESSES: "kiosk-1" }), /QUEUE_KIOSK_ADDRESSES/);
  });
});
