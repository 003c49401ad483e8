// Identifier rules shared by the API (to reject malformed input early) and the app (to build links).
// Service ids are `${regionCode}-${agencySlug}-${serviceSlug}` (see types.ts); slugs are lowercase
// ASCII words joined by single hyphens, so an id needs the list of agency slugs to be split again.

const REGION_CODE = /^\d{4}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SERVICE_ID = /^\d{4}-[a-z0-9]+(?:-[a-z0-9]+)+$/;

/** Longest id or slug accepted anywhere; longer input is malformed, not merely unknown. */
export const MAX_ID_LENGTH = 120;

/** A Kemendagri kabupaten/kota code: four digits, e.g. "3273". */
export function isRegionCode(value: unknown): value is string {
  return typeof value === "string" && REGION_CODE.test(value);
}

/** A slug such as "polres-sim" or "paspor-biasa". */
export function isSlug(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_ID_LENGTH && SLUG.test(value);
}

/** Shape check only: "3273-imigrasi-paspor-biasa" passes, whether or not it exists. */
export function isServiceId(value: unknown): value is string {
  return typeof value === "string" && value.length <= MAX_ID_LENGTH && SERVICE_ID.test(value);
}

export interface ServiceIdParts {
  regionCode: string;
  agencySlug: string;
  serviceSlug: string;
}

export function formatAgencyId(regionCode: string, agencySlug: string): string {
  if (!isRegionCode(regionCode)) throw new Error(`ids: bad region code ${JSON.stringify(regionCode)}`);
  if (!isSlug(agencySlug)) throw new Error(`ids: bad agency slug ${JSON.stringify(agencySlug)}`);
  return `${regionCode}-${agencySlug}`;
}

export function formatServiceId(parts: ServiceIdParts): string {
  if (!isSlug(parts.serviceSlug)) throw new Error(`ids: bad service slug ${JSON.stringify(parts.serviceSlug)}`);
  const id = `${formatAgencyId(parts.regionCode, parts.agencySlug)}-${parts.serviceSlug}`;
  if (!isServiceId(id)) throw new Error(`ids: service id too long: ${id}`);
  return id;
}

/**
 * Splits a service id with the known agency slugs (the longest matching slug wins, so
 * "polres-sim" is preferred over a hypothetical "polres"). Returns null when the id is
 * malformed or names no known agency.
 */
export function parseServiceId(id: string, agencySlugs: readonly string[]): ServiceIdParts | null {
  if (!isServiceId(id)) return null;
  const regionCode = id.slice(0, 4);
  const rest = id.slice(5);
  let best: string | null = null;
  for (const slug of agencySlugs) {
    if (rest.startsWith(`${slug}-`) && rest.length > slug.length + 1 && (best === null || slug.length > best.length)) {
      best = slug;
    }
  }
  if (best === null) return null;
  return { regionCode, agencySlug: best, serviceSlug: rest.slice(best.length + 1) };
}
