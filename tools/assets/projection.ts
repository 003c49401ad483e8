// Step 2: lat/lon to plaza metres. Equirectangular around the province centre: east = +X,
// north = -Z, so the map reads the right way round from a camera looking north (-Z).

export const NAME = "projection";

export interface Options {
  centerLat?: number;
  centerLon?: number;
  /** Plaza metres per degree of latitude (the map scale). */
  metresPerDegree?: number;
}

/**
 * 200 m per degree puts the province (about 2.5 x 1.9 degrees) on a plaza about 500 x 380 m:
 * a few minutes' walk, while the seats stay far enough apart that only the tight clusters
 * (Bandung, Bogor/Depok, Cirebon, Tasikmalaya) need the relaxation step.
 */
export const DEFAULTS: Required<Options> = { centerLat: -6.87, centerLon: 107.6, metresPerDegree: 200 };

export interface Projection {
  readonly options: Required<Options>;
  toPlaza(lat: number, lon: number): [number, number];
}

export function createProjection(options: Options = {}): Projection {
  const opts = { ...DEFAULTS, ...options };
  if (!(opts.metresPerDegree > 0)) throw new Error(`${NAME}: metresPerDegree must be > 0`);
  const k = Math.cos((opts.centerLat * Math.PI) / 180);
  return {
    options: opts,
    toPlaza(lat: number, lon: number): [number, number] {
      if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new Error(`${NAME}: bad lat/lon ${lat}, ${lon}`);
      const x = (lon - opts.centerLon) * k * opts.metresPerDegree;
      const z = -(lat - opts.centerLat) * opts.metresPerDegree;
      return [x, z];
    },
  };
}
