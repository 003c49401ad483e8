// The content figures the README states (issue 13: records verified, with hours, with a known
// fee, out of the total), computed from the seed so they are never typed by hand.
import type { RegionRecord } from "../regions";
import { regularHours, type MppInfo } from "./mpp-load";
import type { SeedData } from "./seed";

export interface ContentFigures {
  services: number;
  verified: number;
  withHours: number;
  knownFee: number;
  regions: number;
  physicalMpps: number;
  mppFiles: number;
  mppWithAddress: number;
  mppWithHours: number;
  mppWithTenants: number;
}

export function contentFigures(seed: SeedData, mpps: ReadonlyMap<string, MppInfo>): ContentFigures {
  const all = [...mpps.values()];
  return {
    services: seed.services.length,
    verified: seed.services.filter((s) => s.verified).length,
    withHours: seed.services.filter((s) => s.hours !== null).length,
    knownFee: seed.services.filter((s) => s.fee.amount !== null).length,
    regions: seed.regions.length,
    physicalMpps: seed.regions.filter((r: RegionRecord) => r.physicalMpp.status === "yes").length,
    mppFiles: all.length,
    mppWithAddress: all.filter((m) => m.address !== null).length,
    mppWithHours: all.filter((m) => regularHours(m) !== null).length,
    mppWithTenants: all.filter((m) => m.tenants !== null).length,
  };
}

const n = (x: number) => x.toLocaleString("en-US");

/** The README's "Content" paragraph, between its markers. */
export function contentParagraph(f: ContentFigures): string {
  return [
    `Of the ${n(f.services)} service records the seed gives the ${f.regions} regions, ${n(f.verified)} are verified`,
    `(fee and requirements checked against dated sources), ${n(f.knownFee)} have a known fee and ${n(f.withHours)} show`,
    `opening hours. ${f.mppFiles} of the ${f.physicalMpps} kabupaten/kota with a physical MPP have a facts file`,
    `(address ${f.mppWithAddress}, current opening hours ${f.mppWithHours}, tenant list ${f.mppWithTenants}).`,
  ].join("\n");
}
