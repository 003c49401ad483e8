// Which agencies (instansi) hold a counter in which region's MPP, by the deterministic rule that
// picks 13-16 of them per region from the catalog files' `placement`. The interior model has 16
// counter slots, so a region NEVER gets more than 16 agencies (MAX_AGENCIES_PER_REGION).
//
// Which agencies sit in which MPP is not sourced region by region: the list follows the typical
// tenants named in shared/domain/README.md, and the choice per region is a plausibility choice,
// said so in each agency's presenceNote. The rule and the files together give every region the
// same agencies as before the catalog became data, so agency and service ids stay stable.
import type { RegionRecord } from "../regions";
import type { AgencyCatalog } from "./load";

export const MAX_AGENCIES_PER_REGION = 16;
export const MIN_AGENCIES_PER_REGION = 13;

/** "Kabupaten Bandung" -> "Bandung Regency", "Kota Bandung" -> "Bandung City". */
export function regionNameEn(region: RegionRecord): string {
  const base = region.name.replace(/^(Kabupaten|Kota)\s+/, "");
  return region.type === "kota" ? `${base} City` : `${base} Regency`;
}

/** Fills {region} ("Kota Bandung"), {place} ("Bandung") and {regionEn} ("Bandung City"). */
export function fillRegion(text: string, region: RegionRecord): string {
  return text
    .replaceAll("{regionEn}", regionNameEn(region))
    .replaceAll("{region}", region.name)
    .replaceAll("{place}", region.name.replace(/^(Kabupaten|Kota)\s+/, ""));
}

/** FNV-1a 32-bit: a tiny stable hash, so the choice never depends on Math.random or order of insertion. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The agencies of one region's MPP, in counter order (`agency.order`): the "core" ones, those
 * whose "regions" list names the region, then "extra" ones by stable hash until the region's
 * target count (13..16, from its code).
 */
export function agenciesForRegion(regionCode: string, catalogs: readonly AgencyCatalog[]): AgencyCatalog[] {
  const ordered = [...catalogs].sort((a, b) => a.agency.order - b.agency.order);
  const target = MIN_AGENCIES_PER_REGION + (Number(regionCode) % (MAX_AGENCIES_PER_REGION - MIN_AGENCIES_PER_REGION + 1));
  const chosen = ordered.filter((c) => c.agency.placement.kind === "core" ||
    (c.agency.placement.kind === "regions" && c.agency.placement.regions.includes(regionCode)));
  const extras = ordered.filter((c) => c.agency.placement.kind === "extra")
    .sort((a, b) => stableHash(`${regionCode}:${a.agency.slug}`) - stableHash(`${regionCode}:${b.agency.slug}`))
    .slice(0, Math.max(0, target - chosen.length));
  const picked = new Set([...chosen, ...extras]);
  const result = ordered.filter((c) => picked.has(c));
  if (result.length > MAX_AGENCIES_PER_REGION) {
    throw new Error(`agencies: region ${regionCode} would get ${result.length} agencies, more than ${MAX_AGENCIES_PER_REGION}`);
  }
  return result;
}
