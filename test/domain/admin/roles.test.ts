// The permission table: which role may do what where (the server enforces it; the routes test
// checks every route against it).
import assert from "node:assert/strict";
import { ACTIONS, can, covers, scopeProblem, type Officer } from "../../../src/domain/admin/roles";

const prov: Officer = { username: "p", role: "province-admin", region: null, agency: null };
const ra: Officer = { username: "r", role: "region-admin", region: "3273", agency: null };
const ed: Officer = { username: "e", role: "editor", region: "3273", agency: "imigrasi" };
const here = { region: "3273", agency: "imigrasi" };
const otherAgency = { region: "3273", agency: "disdukcapil" };
const otherRegion = { region: "3204", agency: "imigrasi" };

describe("roles and scope", () => {
  it("covers: the province everywhere, a region admin one region, an editor one agency there", () => {
    assert.deepEqual([here, otherAgency, otherRegion].map((s) => covers(prov, s)), [true, true, true]);
    assert.deepEqual([here, otherAgency, otherRegion].map((s) => covers(ra, s)), [true, true, false]);
    assert.deepEqual([here, otherAgency, otherRegion].map((s) => covers(ed, s)), [true, false, false]);
    assert.equal(covers(ra, { region: null, agency: null }), false, "a region admin does not cover the whole province");
  });

  it("editors draft and verify services; reviews, agencies and regions are for admins", () => {
    assert.equal(can(ed, "service.draft", here), true);
    assert.equal(can(ed, "service.verify", here), true);
    assert.equal(can(ed, "service.review", here), false);
    assert.equal(can(ed, "agency.draft", here), false);
    assert.equal(can(ed, "region.draft", { region: "3273", agency: null }), false);
    assert.equal(can(ra, "service.review", otherAgency), true);
    assert.equal(can(ra, "region.review", { region: "3273", agency: null }), true);
    assert.equal(can(ra, "service.review", otherRegion), false);
    for (const a of ACTIONS) assert.equal(can(prov, a, otherRegion), true, `province admin: ${a}`);
  });

  it("leaves room for the queue's call-next and a guide", () => {
    assert.equal(can(ed, "queue.call", here), true, "an editor calls at their agency's counter");
    assert.equal(can(ed, "queue.call", otherAgency), false, "not at another agency's");
    assert.equal(can(ra, "queue.call", otherAgency), true, "a region admin at any counter of the region");
    assert.equal(can(ed, "guide", here), true, "any officer may guide");
  });

  it("names what an account's role needs", () => {
    assert.equal(scopeProblem("province-admin", null, null), null);
    assert.match(scopeProblem("province-admin", "3273", null)!, /no --region/);
    assert.match(scopeProblem("region-admin", null, null)!, /needs --region/);
    assert.match(scopeProblem("region-admin", "3273", "imigrasi")!, /no --agency/);
    assert.match(scopeProblem("editor", "3273", null)!, /--agency/);
  });
});
