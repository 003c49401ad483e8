// The one header the service worker and the page agree on: present only on an API response
// the service worker served from its cache (network down or too slow), holding the ISO time
// that copy was fetched from the server. The page shows it as "Informasi per …".
export const CACHED_AT_HEADER = "x-mpp-cached-at";

/** The date in a cached-at header value, or null when missing or not a date. */
export function parseCachedAt(value: string | null): Date | null {
  if (value === null || value === "") return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
