import assert from "node:assert/strict";
import { Type } from "@sinclair/typebox";
import {
  AGENCY_LEVELS, COMPLAINT_CHANNEL_KINDS, MPP_STATUSES, RegionSummarySchema, AgencySchema, ComplaintChannelSchema, PhysicalMppSchema,
} from "../../src/domain/types";
import {
  check, validateApiErrorBody, validateHealth, validateRegion, validateRegions, validateSearchResult, validateService,
  validateServices, ValidationError,
} from "../../src/domain/validate";

const region = {
  code: "3273", name: "Kota Bandung", type: "kota", seat: "Bandung", lat: -6.91, lon: 107.61,
  physicalMpp: { status: "yes", note: null, source: null }, agencyCount: 1, serviceCount: 1,
};
const summary = {
  id: "3273-imigrasi-paspor-biasa", regionCode: "3273", agencyId: "3273-imigrasi", agencySlug: "imigrasi",
  agencyName: "Imigrasi", slug: "paspor-biasa", name: "Paspor", nameEn: "Passport", fee: { amount: 350000, note: null }, verified: true,
};
const service = {
  ...summary, regionName: "Kota Bandung", description: "d", requirements: ["KTP-el"], steps: ["a"], duration: null, hours: null,
  legalBasis: [], product: null, complaintChannels: [{ kind: "lapor", label: "SP4N-LAPOR!", value: "https://www.lapor.go.id" }],
  onlineUrl: null, source: "s", lastVerified: "2023-03-07",
};

const health = { status: "ok", version: "1", regions: 27, services: 1, dataUpdatedAt: "t", database: { engine: "sqlite", schemaVersion: 3 } };

const fails = (fn: () => unknown, path: string) =>
  assert.throws(fn, (e: unknown) => e instanceof ValidationError && e.path === path, `error names ${path}`);

describe("domain/validate", () => {
  it("accepts every well-formed response shape and returns known keys only", () => {
    const r = validateRegions({ regions: [{ ...region, extra: 1 }] });
    assert.equal("extra" in r.regions[0]!, false, "unknown keys dropped");
    assert.equal(validateRegion({ region: { ...region, agencies: [{ id: "a", slug: "a", name: "A", nameEn: "A", shortName: "A", level: "bumd", counters: [{ id: "c", label: "A1" }], serviceCount: 1 }] } }).region.agencies.length, 1, "region detail, note optional");
    assert.equal(validateServices({ region: "3273", services: [summary] }).services.length, 1, "service list");
    assert.equal(validateService({ service }).service.fee.amount, 350000, "service");
    assert.equal(validateSearchResult({ query: "x", region: null, near: null, total: 1, offset: 0, regions: [], hits: [{ service: summary, regionName: "K", score: 1 }] }).total, 1, "search");
    assert.equal(validateHealth({ ...health }).regions, 27, "health");
    assert.equal(validateApiErrorBody({ error: { code: "c", message: "m" } }).error.code, "c", "error body");
  });

  it("names the path of the bad field", () => {
    fails(() => validateRegions({ regions: [region, { ...region, physicalMpp: { ...region.physicalMpp, status: "no?" } }] }), "body.regions[1].physicalMpp.status");
    fails(() => validateRegions({}), "body.regions");
    fails(() => validateRegions(null), "body");
    fails(() => validateServices({ region: "3273", services: [{ ...summary, fee: { amount: -5, note: null } }] }), "body.services[0].fee.amount");
    fails(() => validateService({ service: { ...service, lastVerified: "March 2023" } }), "body.service.lastVerified");
    fails(() => validateService({ service: { ...service, requirements: "KTP" } }), "body.service.requirements");
    fails(() => validateService({ service: { ...service, lastVerified: null } }), "body.service.verified");
    fails(() => validateHealth({ ...health, regions: 1.5 }), "body.regions");
    fails(() => validateHealth({ ...health, database: { engine: "mysql", schemaVersion: 3 } }), "body.database.engine");
    fails(() => validateSearchResult({ query: "x", region: null, near: null, total: 1, offset: 0, regions: [], hits: [{ service: summary, regionName: "K", score: Infinity }] }), "body.hits[0].score");
  });

  it("validates with the server's own schemas: the enumerations are the domain's lists", () => {
    assert.deepEqual(PhysicalMppSchema.properties.status.enum, [...MPP_STATUSES], "MPP status from MPP_STATUSES");
    assert.deepEqual(AgencySchema.properties.level.enum, [...AGENCY_LEVELS], "agency level from AGENCY_LEVELS");
    assert.deepEqual(ComplaintChannelSchema.properties.kind.enum, [...COMPLAINT_CHANNEL_KINDS], "channel kinds from the list");
    for (const status of MPP_STATUSES) {
      assert.equal(validateRegions({ regions: [{ ...region, physicalMpp: { ...region.physicalMpp, status } }] }).regions[0]!.physicalMpp.status, status, `${status} accepted`);
    }
    assert.ok(RegionSummarySchema.required?.includes("physicalMpp"), "required fields come from the declaration");
  });

  it("refuses a schema keyword it does not implement instead of passing everything", () => {
    assert.throws(() => check(Type.Object({ a: Type.String({ format: "email" }) }), { a: "x" }, "body"), /unsupported schema keyword format/, "format refused");
    assert.throws(() => check(Type.Union([Type.String(), Type.Number()]), "x", "body"), /unsupported schema keyword anyOf/, "anyOf refused");
  });
});
