import assert from "node:assert/strict";
import {
  canTransition, generateTrackingCode, isTicketKind, isTicketStatus, normalizeTrackingCode, TICKET_KIND_LABELS,
  TICKET_STATUS_LABELS, TICKET_STATUSES, TICKET_TRANSITIONS, transition, TicketTransitionError,
} from "../../../src/domain/feedback/tickets";

describe("domain/feedback/tickets", () => {
  it("lists the kinds and statuses with labels in both languages", () => {
    assert.equal(isTicketKind("pengaduan"), true, "pengaduan is a kind");
    assert.equal(isTicketKind("keluhan"), false, "keluhan is not");
    assert.equal(isTicketStatus("answered"), true, "answered is a status");
    assert.deepEqual(TICKET_STATUS_LABELS.in_progress, { id: "Sedang diproses", en: "In progress" }, "status label");
    assert.deepEqual(TICKET_KIND_LABELS.konsultasi, { id: "Konsultasi", en: "Question" }, "kind label");
  });

  it("allows the workflow's moves and refuses the rest", () => {
    assert.equal(transition("received", "in_progress"), "in_progress", "take up a new ticket");
    assert.equal(canTransition("answered", "in_progress"), true, "reopen after a follow-up question");
    assert.equal(canTransition("received", "closed"), true, "close spam or a LAPOR! hand-off");
    assert.equal(canTransition("in_progress", "received"), false, "never back to received");
    assert.throws(() => transition("closed", "in_progress"), (e: unknown) => e instanceof TicketTransitionError && /closed to in_progress/.test(e.message), "closed is final");
    for (const s of TICKET_STATUSES) assert.equal(canTransition(s, s), false, `${s} to itself is not a move`);
    const reachable = new Set(["received"]);
    for (let i = 0; i < 4; i++) for (const s of [...reachable]) for (const t of TICKET_TRANSITIONS[s as keyof typeof TICKET_TRANSITIONS]) reachable.add(t);
    assert.deepEqual([...reachable].sort(), [...TICKET_STATUSES].sort(), "every status is reachable from received");
  });

  it("makes tracking codes of the booking-code kind", () => {
    const c = generateTrackingCode();
    assert.equal(normalizeTrackingCode(`${c.slice(0, 4).toLowerCase()} ${c.slice(4)}`), c, "typed back loosely, it reads back");
  });
});
