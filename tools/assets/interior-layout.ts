// Step 9: the interior hall's plan: where each counter (loket) slot, its service kiosk, the
// waiting chairs, the lamps, the exit and the spawn stand. Pure numbers, so tests can check the
// plan (kiosk distances, facing) without reading meshes.
export const NAME = "interior-layout";

/** Default agency per slot: the app reassigns slots to the agencies a region really has. */
export const DEFAULT_AGENCIES = [
  "disdukcapil", "imigrasi", "polres", "samsat", "kpp-pratama", "bpjs-kesehatan", "bpjs-ketenagakerjaan", "bpn",
  "dpmptsp", "kemenag", "pengadilan-agama", "pengadilan-negeri", "kejaksaan", "pdam", "bank-bjb", "taspen",
] as const;

export interface Options {
  width?: number; // along X
  depth?: number; // along Z; the exit is in the +Z wall
  height?: number;
  /** Distance from a counter's front to its kiosk centre, towards the room. */
  kioskDistance?: number;
  kioskHeight?: number;
  counterDepth?: number;
  counterWidth?: number;
  /** Counters on the back wall; the rest are split between the side walls. */
  backCount?: number;
}

export const DEFAULTS: Required<Options> = {
  width: 24, depth: 16, height: 4.5, kioskDistance: 1.5, kioskHeight: 1.45,
  counterDepth: 0.9, counterWidth: 2.2, backCount: 6,
};

/** A placed thing: position and the yaw that turns its +Z to (sin, 0, cos). */
export interface Pose {
  position: [number, number, number];
  rotationY: number;
}

export interface Slot {
  slot: number;
  agency: string;
  wall: "back" | "left" | "right";
  /** The counter's origin: centre of its footprint at floor level, its front (+Z) towards the room. */
  counter: Pose;
  /** The kiosk anchor's centre, facing into the room (its +Z). */
  kiosk: Pose;
}

export interface InteriorLayout {
  options: Required<Options>;
  slots: Slot[];
  chairs: Pose[];
  lamps: Array<[number, number, number]>;
  exit: Pose;
  spawn: Pose;
  /** Waiting area centre (a node that holds the chairs). */
  waiting: [number, number, number];
  /** The ticket machine of the queue (role queue-machine): where a visitor stands, facing it along -Z of the pose. */
  queueMachine: Pose;
  /** The information / help desk (role help-desk), its front towards the walkway. */
  helpDesk: Pose;
  /** The queue display board over the back counters, facing the waiting chairs. */
  queueDisplay: Pose;
  /** Potted plants: corners, beside the entrance and between the counter rows. */
  plants: Pose[];
  door: { halfWidth: number; height: number };
}

export function interiorLayout(options: Options = {}): InteriorLayout {
  const o = { ...DEFAULTS, ...options };
  const hw = o.width / 2;
  const hd = o.depth / 2;
  const n = DEFAULT_AGENCIES.length;
  const sideCount = (n - o.backCount) / 2;
  if (!Number.isInteger(sideCount) || sideCount < 1) throw new Error(`${NAME}: ${n} slots do not split into back ${o.backCount} + two equal sides`);
  const slots: Slot[] = [];
  const add = (wall: Slot["wall"], x: number, z: number, rotationY: number): void => {
    const slot = slots.length;
    const s = Math.sin(rotationY);
    const c = Math.cos(rotationY);
    const front = o.counterDepth / 2 + o.kioskDistance;
    slots.push({
      slot,
      agency: DEFAULT_AGENCIES[slot] as string,
      wall,
      counter: { position: [x, 0, z], rotationY },
      kiosk: { position: [r3(x + s * front), o.kioskHeight, r3(z + c * front)], rotationY },
    });
  };
  // Left wall, back to front; back wall, left to right; right wall, back to front: slot numbers
  // run round the room in reading order for someone standing at the entrance.
  const sideSpan = o.depth - 7; // keep the front 4 m (entrance) and the back corners clear
  // Room behind each counter for the officer's chair (1.2 m), then the counter's half depth.
  const counterOffset = 1.2 + o.counterDepth / 2;
  for (let i = 0; i < sideCount; i++) add("left", -hw + counterOffset, r3(-hd + 3.2 + (i * sideSpan) / (sideCount - 1 || 1)), Math.PI / 2);
  for (let i = 0; i < o.backCount; i++) add("back", r3(-hw + 4.5 + ((i + 0.5) * (o.width - 9)) / o.backCount), -hd + counterOffset, 0);
  for (let i = 0; i < sideCount; i++) add("right", hw - counterOffset, r3(-hd + 3.2 + (i * sideSpan) / (sideCount - 1 || 1)), -Math.PI / 2);

  // Waiting area: 4 rows of 6 chairs facing the back wall (-Z), in the middle of the room.
  const chairs: Pose[] = [];
  const waiting: [number, number, number] = [0, 0, 1.2];
  for (let row = 0; row < 4; row++) {
    for (let col = 0; col < 6; col++) {
      chairs.push({ position: [r3(-3.125 + col * 1.25 + 0.3 * Math.sign(col - 2.5)), 0, r3(-1.0 + row * 1.3)], rotationY: Math.PI });
    }
  }
  const lamps: Array<[number, number, number]> = [];
  for (const x of [-7, 0, 7]) for (const z of [-4, 2]) lamps.push([x, o.height - 0.15, z]);
  return {
    options: o,
    slots,
    chairs,
    lamps,
    exit: { position: [0, 0, hd], rotationY: 0 },
    spawn: { position: [0, 0, hd - 1.6], rotationY: Math.PI },
    waiting,
    queueMachine: { position: [-3.2, 0, r3(hd - 2.4)], rotationY: Math.PI / 2 },
    helpDesk: { position: [3.4, 0, r3(hd - 2.6)], rotationY: -Math.PI / 2 },
    // High enough to be read over the back counters' number boards (2.62 m) from the chairs.
    queueDisplay: { position: [0, 3.4, r3(-hd + 0.08)], rotationY: 0 },
    plants: [
      { position: [r3(-hw + 0.7), 0, r3(hd - 0.7)], rotationY: 0 },
      { position: [r3(hw - 0.7), 0, r3(hd - 0.7)], rotationY: 1 },
      { position: [r3(-hw + 0.7), 0, r3(-hd + 0.7)], rotationY: 2 },
      { position: [r3(hw - 0.7), 0, r3(-hd + 0.7)], rotationY: 3 },
      { position: [-2.1, 0, r3(hd - 0.6)], rotationY: 4 },
      { position: [2.1, 0, r3(hd - 0.6)], rotationY: 5 },
      { position: [-4.6, 0, 1.2], rotationY: 0.5 },
      { position: [4.6, 0, 1.2], rotationY: 1.5 },
    ],
    door: { halfWidth: 1.4, height: 2.8 },
  };
}

function r3(v: number): number {
  const r = Math.round(v * 1000) / 1000;
  return r === 0 ? 0 : r;
}
