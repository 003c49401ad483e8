// Text drawn from data onto signage quads. Every sign of a model set shares one atlas texture and
// one material, and the quads are merged into one mesh: 27 building signs cost one draw call.
// Panels of their own size and drawing (the plaza's legend and directory kiosk) can join the same
// texture in a band above the signs, so the plaza's signs, legend and directory are one draw call
// per eye, not three (issue 18 point 4).
import type { Scene } from "@babylonjs/core/scene";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";
import { DynamicTexture } from "@babylonjs/core/Materials/Textures/dynamicTexture";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { CreatePlane } from "@babylonjs/core/Meshes/Builders/planeBuilder";
import { mergeMeshes } from "./merge-meshes";

export interface SignStyle {
  background: string;
  foreground: string;
  accent?: string;
}

export interface SignText {
  title: string;
  subtitle?: string;
  style: SignStyle;
}

export interface AtlasLayout {
  columns: number;
  rows: number;
  cellWidth: number;
  cellHeight: number;
}

/** Columns x rows of cells for n signs of the given aspect (width / height), power-of-two texture. */
export function atlasLayout(count: number, cellWidth: number, cellHeight: number, maxSize = 2048): AtlasLayout {
  const columns = Math.max(1, Math.floor(maxSize / cellWidth));
  const rows = Math.ceil(count / columns);
  if (rows * cellHeight > maxSize) throw new Error(`sign-atlas: ${count} cells of ${cellWidth}x${cellHeight} exceed ${maxSize}px`);
  return { columns, rows, cellWidth, cellHeight };
}

/** UV transform of one cell: u' = u * su + ou, v' = v * sv + ov (v = 0 at the texture's top, as glTF). */
export function cellUv(layout: AtlasLayout, index: number, texWidth: number, texHeight: number) {
  const col = index % layout.columns;
  const row = Math.floor(index / layout.columns);
  return {
    su: layout.cellWidth / texWidth,
    ou: (col * layout.cellWidth) / texWidth,
    sv: layout.cellHeight / texHeight,
    ov: (row * layout.cellHeight) / texHeight,
  };
}

function pow2(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, n)));
}

function fitFont(ctx: CanvasRenderingContext2D, text: string, weight: string, size: number, maxWidth: number): number {
  let s = size;
  ctx.font = `${weight} ${s}px system-ui, sans-serif`;
  while (s > 10 && ctx.measureText(text).width > maxWidth) {
    s -= 2;
    ctx.font = `${weight} ${s}px system-ui, sans-serif`;
  }
  return s;
}

/** A quad (UVs 0..1 across its face) drawn into a width x height px region of the atlas. */
export interface AtlasPanel {
  mesh: Mesh;
  width: number;
  height: number;
}

/** Draws into a panel's region: the context is moved to the region's corner and clipped to it. */
export type PanelPainter = (ctx: CanvasRenderingContext2D, width: number, height: number) => void;

export interface SignAtlas {
  /** One merged mesh holding every sign and panel, or null when there were none. */
  mesh: Mesh | null;
  texture: DynamicTexture;
  /** Redraws the texts (one per sign, same count and order as built), e.g. after a language change. */
  repaint(texts: readonly SignText[]): void;
  /** Redraws panel `index` (in the order given) and uploads the texture. */
  paintPanel(index: number, painter: PanelPainter): void;
  dispose(): void;
}

/** Panels side by side in a band at the top of the texture; x and width in px. */
export function panelBand(panels: readonly { width: number; height: number }[], maxSize = 2048): { x: number[]; width: number; height: number } {
  const x: number[] = [];
  let width = 0;
  for (const p of panels) {
    x.push(width);
    width += p.width;
  }
  if (width > maxSize) throw new Error(`sign-atlas: panels ${width}px wide exceed ${maxSize}px`);
  return { x, width, height: Math.max(0, ...panels.map((p) => p.height)) };
}

/** A sign's text painted into the w x h px region at (x, y): background, accent strip, title, subtitle. */
export function paintSign(ctx: CanvasRenderingContext2D, text: SignText, x: number, y: number, w: number, h: number): void {
  ctx.fillStyle = text.style.background;
  ctx.fillRect(x, y, w, h);
  if (text.style.accent) {
    ctx.fillStyle = text.style.accent;
    ctx.fillRect(x, y + h - 10, w, 10);
  }
  ctx.fillStyle = text.style.foreground;
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  const pad = w * 0.06;
  const sub = text.subtitle;
  const titleSize = fitFont(ctx, text.title, "700", Math.round(h * (sub ? 0.42 : 0.55)), w - pad * 2);
  ctx.fillText(text.title, x + w / 2, y + h * (sub ? 0.38 : 0.5));
  if (sub) {
    fitFont(ctx, sub, "500", Math.round(Math.min(titleSize * 0.6, h * 0.24)), w - pad * 2);
    ctx.fillText(sub, x + w / 2, y + h * 0.75);
  }
}

/** Rewrites a quad's 0..1 UVs onto its region of the texture. */
function remapUvs(mesh: Mesh, t: { su: number; ou: number; sv: number; ov: number }): boolean {
  const uvs = mesh.getVerticesData(VertexBuffer.UVKind);
  if (!uvs) return false;
  const out = new Float32Array(uvs.length);
  for (let k = 0; k < uvs.length; k += 2) {
    out[k] = uvs[k]! * t.su + t.ou;
    out[k + 1] = uvs[k + 1]! * t.sv + t.ov;
  }
  // Geometry may be shared with another node; make it unique before changing UVs.
  mesh.makeGeometryUnique();
  mesh.setVerticesData(VertexBuffer.UVKind, out, false);
  return true;
}

/**
 * Paints each text into its cell, remaps each quad's UVs to its cell, and merges the quads.
 * The quads must be plain meshes with UVs 0..1 across their face (assets/README.md, role signage).
 */
export function buildSignAtlas(
  scene: Scene,
  name: string,
  signs: { mesh: AbstractMesh; text: SignText }[],
  cell = { width: 512, height: 128 },
  panels: readonly AtlasPanel[] = [],
): SignAtlas {
  // Signs given the same text object share one cell (a counter's board and front say the same).
  const cellOf: number[] = [];
  const firstOf = new Map<SignText, number>();
  for (const { text } of signs) {
    if (!firstOf.has(text)) firstOf.set(text, firstOf.size);
    cellOf.push(firstOf.get(text)!);
  }
  const band = panelBand(panels);
  const layout = atlasLayout(Math.max(1, firstOf.size), cell.width, cell.height, 2048 - band.height);
  const texWidth = pow2(Math.max(layout.columns * cell.width, band.width));
  // Only WebGL 1 needs a power-of-two height for mipmaps; elsewhere the band costs only its rows.
  const usedHeight = band.height + layout.rows * cell.height;
  const texHeight = scene.getEngine().needPOTTextures ? pow2(usedHeight) : usedHeight;
  const texture = new DynamicTexture(`${name}-atlas`, { width: texWidth, height: texHeight }, scene, true);
  texture.hasAlpha = false;
  const ctx = texture.getContext() as unknown as CanvasRenderingContext2D;

  function paint(texts: readonly SignText[]): void {
    ctx.fillStyle = "#223";
    ctx.fillRect(0, band.height, texWidth, texHeight - band.height);
    const painted = new Set<number>();
    texts.forEach((text, entry) => {
      const i = cellOf[entry] ?? entry;
      if (painted.has(i)) return;
      painted.add(i);
      const x = (i % layout.columns) * cell.width;
      const y = band.height + Math.floor(i / layout.columns) * cell.height;
      paintSign(ctx, text, x, y, cell.width, cell.height);
    });
    // glTF UVs have v = 0 at the top of the image: no flip on upload.
    texture.update(false);
  }

  function paintPanel(index: number, painter: PanelPainter): void {
    const p = panels[index];
    if (!p) throw new Error(`sign-atlas ${name}: no panel ${index}`);
    ctx.save();
    ctx.translate(band.x[index]!, 0);
    ctx.beginPath();
    ctx.rect(0, 0, p.width, p.height);
    ctx.clip();
    painter(ctx, p.width, p.height);
    ctx.restore();
    texture.update(false);
  }

  const parts: Mesh[] = [];
  signs.forEach(({ mesh }, i) => {
    if (!(mesh instanceof Mesh)) return;
    const t = cellUv(layout, cellOf[i]!, texWidth, texHeight);
    if (remapUvs(mesh, { ...t, ov: t.ov + band.height / texHeight })) parts.push(mesh);
  });
  panels.forEach((p, i) => {
    if (remapUvs(p.mesh, { su: p.width / texWidth, ou: band.x[i]! / texWidth, sv: p.height / texHeight, ov: 0 })) parts.push(p.mesh);
  });
  paint(signs.map((s) => s.text));

  const material = new StandardMaterial(`${name}-material`, scene);
  material.diffuseTexture = texture;
  material.emissiveColor = new Color3(0.85, 0.85, 0.85); // signs stay readable in shade
  material.specularColor = Color3.Black();
  material.disableLighting = true;
  material.emissiveTexture = texture;
  material.freeze();

  let merged: Mesh | null = null;
  if (parts.length > 0) {
    merged = mergeMeshes(parts);
    if (merged) {
      merged.name = `${name}-signs`;
      merged.material = material;
      merged.isPickable = false;
      merged.freezeWorldMatrix();
    }
  }
  return {
    mesh: merged,
    texture,
    repaint: paint,
    paintPanel,
    dispose() {
      merged?.dispose();
      material.dispose();
      texture.dispose();
    },
  };
}

/**
 * A flat quad with glTF-convention UVs (v = 0 at the top), for signs the app makes itself.
 * In a right-handed scene the builder's front shows its u axis mirrored, so u is flipped too.
 */
export function createSignQuad(scene: Scene, name: string, width: number, height: number): Mesh {
  const q = CreatePlane(name, { width, height, sideOrientation: Mesh.FRONTSIDE }, scene);
  const uv = q.getVerticesData(VertexBuffer.UVKind)!;
  const flipU = scene.useRightHandedSystem;
  for (let i = 0; i < uv.length; i += 2) {
    if (flipU) uv[i] = 1 - uv[i]!;
    uv[i + 1] = 1 - uv[i + 1]!;
  }
  q.setVerticesData(VertexBuffer.UVKind, uv, false);
  return q;
}
