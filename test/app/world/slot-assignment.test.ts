import assert from "node:assert/strict";
import { assignSlots } from "../../../src/app/world/slot-assignment";

const agencies = (...slugs: string[]) => slugs.map((slug) => ({ slug }));
const slugsBySlot = (m: Map<number, { slug: string }>) => Object.fromEntries([...m].map(([slot, a]) => [slot, a.slug]));

describe("world/slot-assignment", () => {
  it("keeps each slot's default agency where the region has it, and fills the other slots in order", () => {
    const slots = [{ slot: 2, agency: "imigrasi" }, { slot: 0, agency: "polres" }, { slot: 1, agency: null }];
    const m = assignSlots(slots, agencies("disdukcapil", "imigrasi", "bpjs"));
    assert.deepEqual(slugsBySlot(m), { 0: "disdukcapil", 1: "bpjs", 2: "imigrasi" }, "imigrasi keeps slot 2; the rest fill 0 and 1 in agency order");
  });

  it("places each agency once, even when two slots name it", () => {
    const m = assignSlots([{ slot: 0, agency: "imigrasi" }, { slot: 1, agency: "imigrasi" }], agencies("imigrasi", "bpn"));
    assert.deepEqual(slugsBySlot(m), { 0: "imigrasi", 1: "bpn" }, "the second slot goes to the next agency");
  });

  it("leaves slots empty when there are fewer agencies, and drops agencies when there are fewer slots", () => {
    assert.deepEqual(slugsBySlot(assignSlots([{ slot: 0, agency: null }, { slot: 1, agency: null }], agencies("bpn"))), { 0: "bpn" }, "slot 1 stays empty");
    assert.deepEqual(slugsBySlot(assignSlots([{ slot: 0, agency: null }], agencies("bpn", "bpjs"))), { 0: "bpn" }, "bpjs has no counter");
    assert.equal(assignSlots([], agencies("bpn")).size, 0, "no slots, no counters");
  });
});
