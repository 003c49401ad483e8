// A hand-written, deliberately simplified outline of Jawa Barat (lon, lat), clockwise seen from
// above with north up, starting in the north-west. Good for a stylised map, not for geography:
// the Jakarta notch is smoothed over and coasts are pushed out a little so every seat, with its
// building, stands on land.
export const JABAR_OUTLINE: ReadonlyArray<readonly [number, number]> = [
  [106.36, -6.2],
  [106.7, -6.12],
  [107.0, -5.9],
  [107.3, -5.92],
  [107.6, -6.14],
  [107.9, -6.16],
  [108.15, -6.12],
  [108.4, -6.1],
  [108.58, -6.36],
  [108.72, -6.62],
  [108.86, -6.8],
  [108.78, -7.02],
  [108.84, -7.22],
  [108.76, -7.42],
  [108.8, -7.66],
  [108.62, -7.86],
  [108.3, -7.86],
  [107.9, -7.76],
  [107.5, -7.6],
  [107.0, -7.5],
  [106.6, -7.42],
  [106.38, -7.2],
  [106.34, -6.86],
  [106.36, -6.5],
];
