// Basa Sunda of the /layanan/tiket and IKM pages (src/server/html/feedback-pages-su.ts): complete,
// marked a draft, and used by the pages with ?lang=su.
import assert from "node:assert/strict";
import { FEEDBACK_PAGE_TEXT, ticketLookupPage } from "../../src/server/html/feedback-pages";
import { SU_FEEDBACK_PAGES_REVIEW, SU_TICKET_KINDS, SU_TICKET_STATUSES } from "../../src/server/html/feedback-pages-su";
import { TICKET_KINDS, TICKET_STATUSES } from "../../src/domain/feedback/tickets";

describe("server/html/feedback-pages-su", () => {
  const { id, su } = FEEDBACK_PAGE_TEXT;

  it("has every text of the Indonesian pages in Sundanese, none left empty or Indonesian", () => {
    assert.deepEqual(Object.keys(su).sort(), Object.keys(id).sort(), "same keys as Indonesian");
    // The same words in both languages (loanwords and names).
    const same = ["status", "mpp", "wib", "mutu", "nrr", "history", "agency", "agencies", "app", "close"];
    for (const k of Object.keys(id) as Array<keyof typeof id>) {
      const a = id[k], b = su[k];
      assert.equal(typeof b, typeof a, `${k}: same kind of value`);
      if (typeof a === "function" && typeof b === "function") {
        assert.match(b(3), /3/, `${k}: says the number`);
        assert.notEqual(b(3), a(3), `${k}: in Sundanese`);
      } else if (k !== "draft" && !same.includes(k)) {
        assert.ok(typeof b === "string" && b.length > 0, `${k}: not empty`);
        assert.notEqual(b, a, `${k}: not the Indonesian text`);
      }
    }
    assert.deepEqual(Object.keys(SU_TICKET_KINDS).sort(), [...TICKET_KINDS].sort(), "every ticket kind");
    assert.deepEqual(Object.keys(SU_TICKET_STATUSES).sort(), [...TICKET_STATUSES].sort(), "every ticket state");
    assert.equal(SU_TICKET_STATUSES.answered, "Diwaler");
  });

  it("is marked a draft, and the pages say so in Sundanese only", () => {
    assert.equal(SU_FEEDBACK_PAGES_REVIEW.status, "draft", "a draft until a reviewer confirms it");
    assert.equal(SU_FEEDBACK_PAGES_REVIEW.reviewer, null, "no reviewer named yet");
    const page = ticketLookupPage("su", false);
    assert.match(page, /<html lang="su">/, "the page's language");
    assert.ok(page.includes(`<p class="notice notice--draft">${su.draft}</p>`), "the draft notice under the title");
    assert.ok(page.includes('<input type="hidden" name="lang" value="su">'), "the lookup form keeps Basa Sunda");
    assert.ok(page.includes(su.lookup) && page.includes(su.stored), "its texts in Sundanese");
    assert.ok(!ticketLookupPage("id", false).includes("notice--draft"), "no draft notice in Indonesian");
    assert.ok(!ticketLookupPage("en", false).includes("notice--draft"), "nor in English");
  });
});
