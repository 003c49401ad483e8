// A small locator map of Jawa Barat drawn from the regions' seat coordinates alone: no tiles, no
// request to another origin. Pure geometry (the app draws it with SVG DOM calls, /layanan as SVG
// markup); the highlighted region is the one being visited. Positions are approximate seats.

export interface MapPoint { code: string; name: string; x: number; y: number; highlighted: boolean }
export interface LocatorMap { width: number; height: number; points: MapPoint[] }

/** Jawa Barat's extent with a margin: longitude 106.3–108.9 E, latitude 5.8–7.9 S. */
const BOUNDS = { west: 106.3, east: 108.9, north: -5.8, south: -7.9 };

export function locatorMap(regions: readonly { code: string; name: string; lat: number; lon: number }[], highlight: string, width = 320): LocatorMap {
  // Equirectangular with the cosine of the mean latitude: fine at this size and latitude.
  const k = Math.cos((((BOUNDS.north + BOUNDS.south) / 2) * Math.PI) / 180);
  const spanX = (BOUNDS.east - BOUNDS.west) * k;
  const spanY = BOUNDS.north - BOUNDS.south;
  const height = Math.round((width * spanY) / spanX);
  const points = regions.map((r) => ({
    code: r.code, name: r.name,
    x: Math.round((((r.lon - BOUNDS.west) * k) / spanX) * width * 10) / 10,
    y: Math.round(((BOUNDS.north - r.lat) / spanY) * height * 10) / 10,
    highlighted: r.code === highlight,
  }));
  return { width, height, points };
}
