// The queue display over the back counters (role "queue-display", a quad with UV 0..1): a board
// in the style of the LED call boards of a real MPP: a heading, then rows of counter and number.
// It has its own small texture, since the queue feature repaints it whenever a number is called
// (a repaint of the shared sign atlas would redraw every sign of the hall). Until live numbers
// come, it shows the rows with dashes: a board that is on, with nothing called yet.
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { DynamicTexture } from "@babylonjs/core/Materials/Textures/dynamicTexture";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { fitLabel } from "./legend";

export interface QueueBoardRow {
  /** The counter, e.g. "L1" or "Imigrasi L1". */
  counter: string;
  /** The number called there, or null when none is. */
  number: string | null;
}

export interface QueueBoardFace {
  /** e.g. "NOMOR ANTREAN · QUEUE NUMBER" */
  title: string;
  /** Column headings, e.g. ["Loket", "Nomor"]. */
  columns: [string, string];
  rows: QueueBoardRow[];
  /** A line under the rows (time, a notice), or "". */
  footer: string;
}

export interface QueueDisplay {
  mesh: AbstractMesh;
  /** The board's texture (1024 x 300 px, drawn with 2D canvas calls; v = 0 at the top). */
  texture: DynamicTexture;
  paint(face: QueueBoardFace): void;
  dispose(): void;
}

export const QUEUE_BOARD_SIZE = { width: 1024, height: 300 } as const;
/** Rows that fit the board at a size read across the hall (the waiting chairs are 6-9 m away). */
export const QUEUE_BOARD_ROWS = 3;

const COLORS = { background: "#0b1518", frame: "#2f6f8f", title: "#ffffff", heading: "#7fd1c7", counter: "#ffffff", number: "#ffb238", empty: "#7a5a22" };

/** The face the board shows before any number is called. */
export function idleQueueFace(counters: readonly string[]): QueueBoardFace {
  return {
    title: "NOMOR ANTREAN · QUEUE NUMBER",
    columns: ["Loket", "Nomor"],
    rows: counters.slice(0, QUEUE_BOARD_ROWS).map((counter) => ({ counter, number: null })),
    footer: "",
  };
}

/** Paints a board face onto a 2D canvas context of the given size. */
export function paintQueueBoard(ctx: CanvasRenderingContext2D, face: QueueBoardFace, size: { width: number; height: number } = QUEUE_BOARD_SIZE): void {
  const { width: w, height: h } = size;
  ctx.fillStyle = COLORS.frame;
  ctx.fillRect(0, 0, w, h);
  ctx.fillStyle = COLORS.background;
  ctx.fillRect(8, 8, w - 16, h - 16);
  ctx.textBaseline = "middle";
  // Heading band.
  ctx.fillStyle = COLORS.title;
  ctx.textAlign = "center";
  fitLabel(ctx, face.title, w - 64, 40, "700", 1);
  ctx.fillText(face.title, w / 2, 38);
  ctx.fillStyle = COLORS.frame;
  ctx.fillRect(24, 64, w - 48, 3);
  const rows = face.rows.slice(0, QUEUE_BOARD_ROWS);
  const top = 96;
  const bottom = face.footer ? h - 40 : h - 16;
  const split = w * 0.52;
  ctx.fillStyle = COLORS.heading;
  ctx.font = "600 24px system-ui, sans-serif";
  ctx.textAlign = "left";
  ctx.fillText(face.columns[0], 40, 84);
  ctx.textAlign = "right";
  ctx.fillText(face.columns[1], w - 40, 84);
  const rowH = (bottom - top) / Math.max(1, QUEUE_BOARD_ROWS);
  rows.forEach((row, i) => {
    const y = top + rowH * (i + 0.5);
    ctx.textAlign = "left";
    ctx.fillStyle = COLORS.counter;
    fitLabel(ctx, row.counter, split - 56, Math.round(rowH * 0.62), "600", 1);
    ctx.fillText(row.counter, 40, y);
    ctx.textAlign = "right";
    ctx.fillStyle = row.number ? COLORS.number : COLORS.empty;
    const n = row.number ?? "– – –";
    fitLabel(ctx, n, w - split - 56, Math.round(rowH * 0.72), "700", 1);
    ctx.fillText(n, w - 40, y);
  });
  if (face.footer) {
    ctx.textAlign = "center";
    ctx.fillStyle = COLORS.heading;
    fitLabel(ctx, face.footer, w - 64, 22, "500", 1);
    ctx.fillText(face.footer, w / 2, h - 24);
  }
}

/** Gives the queue-display quad its own board texture, unlit (a screen is self-lit). */
export function createQueueDisplay(scene: Scene, mesh: AbstractMesh, face: QueueBoardFace): QueueDisplay {
  const texture = new DynamicTexture("queue-display", { ...QUEUE_BOARD_SIZE }, scene, true);
  texture.hasAlpha = false;
  const material = new StandardMaterial("queue-display", scene);
  material.diffuseTexture = texture;
  material.emissiveTexture = texture;
  material.disableLighting = true;
  material.specularColor = Color3.Black();
  mesh.material = material;
  mesh.metadata = { ...(mesh.metadata as object | null), queueDisplay: true };
  const ctx = texture.getContext() as unknown as CanvasRenderingContext2D;
  const paint = (f: QueueBoardFace) => {
    paintQueueBoard(ctx, f);
    texture.update(false); // glTF UVs: v = 0 at the top
  };
  paint(face);
  material.freeze();
  return {
    mesh,
    texture,
    paint,
    dispose() {
      material.dispose();
      texture.dispose();
    },
  };
}
