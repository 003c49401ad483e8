import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { contentFigures, contentParagraph } from "../../../src/domain/catalog/stats";
import type { MppInfo } from "../../../src/domain/catalog/mpp-load";
import type { SeedData, SeedService } from "../../../src/domain/catalog/seed";
import { README, withContentFigures } from "../../../tools/content-readme";

describe("domain/catalog/stats", () => {
  it("counts verified, with hours and with a known fee (0 counts as known, null does not)", () => {
    const service = (verified: boolean, hours: string | null, amount: number | null) => ({ verified, hours, fee: { amount, note: null } }) as SeedService;
    const seed = { regions: [], agencies: [], services: [service(true, "x", 0), service(false, null, null), service(false, "y", 5000)] } as unknown as SeedData;
    const mpp = { address: { text: "a", note: null, sources: [] }, hours: [], tenants: null } as unknown as MppInfo;
    const f = contentFigures(seed, new Map([["3211", mpp]]));
    assert.deepEqual([f.services, f.verified, f.withHours, f.knownFee], [3, 1, 2, 2], "service figures");
    assert.deepEqual([f.mppFiles, f.mppWithAddress, f.mppWithHours, f.mppWithTenants], [1, 1, 0, 0], "MPP figures");
    assert.match(contentParagraph(f), /^Of the 3 service records/, "paragraph states the total");
  });

  it("README.md states the current figures (regenerate: node --import tsx tools/content-readme.ts)", () => {
    const readme = readFileSync(README, "utf8");
    assert.equal(readme, withContentFigures(readme), "README content block matches the data");
  });
});
