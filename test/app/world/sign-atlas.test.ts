import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import { Scene } from "@babylonjs/core/scene";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";
import { installFakeCanvas } from "../../support/fake-canvas";
import { atlasLayout, buildSignAtlas, cellUv, createSignQuad, panelBand, type SignText } from "../../../src/app/world/sign-atlas";

describe("world/sign-atlas", () => {
  it("lays 27 building signs of 512 x 128 in four columns of a 2048 px texture", () => {
    const l = atlasLayout(27, 512, 128);
    assert.deepEqual(l, { columns: 4, rows: 7, cellWidth: 512, cellHeight: 128 }, "4 columns, 7 rows");
  });

  it("uses one cell for a single sign and refuses more signs than the texture holds", () => {
    assert.deepEqual(atlasLayout(1, 512, 256), { columns: 4, rows: 1, cellWidth: 512, cellHeight: 256 }, "one row");
    // 1024 px: 2 columns of 512 px, 8 rows of 128 px.
    assert.throws(() => atlasLayout(17, 512, 128, 1024), /17 cells of 512x128 exceed 1024px/, "too many for 1024 px");
    assert.equal(atlasLayout(16, 512, 128, 1024).rows, 8, "exactly full is fine");
  });

  it("maps a cell to its part of the texture, top row first (v = 0 at the top, as glTF)", () => {
    const l = atlasLayout(27, 512, 128);
    assert.deepEqual(cellUv(l, 0, 2048, 1024), { su: 0.25, ou: 0, sv: 0.125, ov: 0 }, "first cell, top left");
    assert.deepEqual(cellUv(l, 5, 2048, 1024), { su: 0.25, ou: 0.25, sv: 0.125, ov: 0.125 }, "sixth cell: second row, second column");
  });
});

describe("world/sign-atlas panels (NullEngine)", () => {
  let engine: NullEngine;
  let scene: Scene;
  before(() => installFakeCanvas());
  beforeEach(() => {
    engine = new NullEngine();
    scene = new Scene(engine);
  });
  afterEach(() => engine.dispose());

  const text = (title: string): SignText => ({ title, style: { background: "#fff", foreground: "#000" } });
  const uvRange = (m: Mesh) => {
    const uv = m.getVerticesData(VertexBuffer.UVKind)!;
    const v = uv.filter((_, i) => i % 2 === 1);
    const u = uv.filter((_, i) => i % 2 === 0);
    return { uMin: Math.min(...u), uMax: Math.max(...u), vMin: Math.min(...v), vMax: Math.max(...v) };
  };

  it("lays panels side by side in a band as tall as the tallest, and refuses a band wider than the texture", () => {
    assert.deepEqual(panelBand([{ width: 1024, height: 512 }, { width: 512, height: 256 }]), { x: [0, 1024], width: 1536, height: 512 }, "legend then directory");
    assert.deepEqual(panelBand([]), { x: [], width: 0, height: 0 }, "no panels, no band");
    assert.throws(() => panelBand([{ width: 1024, height: 64 }, { width: 1025, height: 64 }]), /2049px wide exceed 2048px/, "too wide");
  });

  it("merges signs and panels into one mesh: panels' UVs in the band on top, signs' below it", () => {
    const signA = createSignQuad(scene, "a", 2, 0.5);
    const signB = createSignQuad(scene, "b", 2, 0.5);
    const legend = createSignQuad(scene, "legend", 2, 1);
    const directory = createSignQuad(scene, "directory", 1.2, 0.6);
    const signQuad = createSignQuad(scene, "probe", 2, 0.5); // a copy to read where a sign's UVs land
    const atlas = buildSignAtlas(scene, "t", [{ mesh: signA, text: text("A") }, { mesh: signB, text: text("B") }, { mesh: signQuad, text: text("C") }], undefined,
      [{ mesh: legend, width: 1024, height: 512 }, { mesh: directory, width: 512, height: 256 }]);
    assert.ok(atlas.mesh, "one merged mesh");
    assert.equal(scene.meshes.filter((m) => !m.isDisposed()).length, 1, "the sources went into it");
    const all = uvRange(atlas.mesh!);
    assert.ok(all.vMin >= 0 && all.vMax <= 1 + 1e-6, "every UV within the texture");
    // Vertices: 4 per quad, signs first (a, b, c), then the legend, then the directory.
    const uv = atlas.mesh!.getVerticesData(VertexBuffer.UVKind)!;
    const quad = (k: number) => {
      const v = [1, 3, 5, 7].map((j) => uv[k * 8 + j]!);
      const u = [0, 2, 4, 6].map((j) => uv[k * 8 + j]!);
      return { uMin: Math.min(...u), uMax: Math.max(...u), vMin: Math.min(...v), vMax: Math.max(...v) };
    };
    // The texture: 2048 px wide; the band (512 px) and one row of signs (128 px) high, rounded up to
    // a power of two only where the engine needs one (WebGL 1; NullEngine says it does).
    const texH = engine.needPOTTextures ? 1024 : 640;
    const band = 512 / texH;
    for (const k of [0, 1, 2]) {
      assert.ok(Math.abs(quad(k).vMin - band) < 1e-6 && Math.abs(quad(k).vMax - 640 / texH) < 1e-6, `sign ${k} is the row below the band (${JSON.stringify(quad(k))})`);
    }
    assert.ok(Math.abs(quad(1).uMin - 0.25) < 1e-6, "the second sign in the second cell of 512 px");
    assert.deepEqual(quad(3), { uMin: 0, uMax: 0.5, vMin: 0, vMax: band }, "the legend: the band's left half");
    const d = quad(4);
    assert.ok(Math.abs(d.uMin - 0.5) < 1e-6 && Math.abs(d.uMax - 0.75) < 1e-6 && d.vMin === 0 && Math.abs(d.vMax - 256 / texH) < 1e-6, `the directory: next to the legend, its own height (${JSON.stringify(d)})`);
    atlas.dispose();
  });

  it("repaints signs without touching the panels, and paints a panel at its place in its size", () => {
    const legend = createSignQuad(scene, "legend", 2, 1);
    const directory = createSignQuad(scene, "directory", 1.2, 0.6);
    const sign = createSignQuad(scene, "s", 2, 0.5);
    const atlas = buildSignAtlas(scene, "t", [{ mesh: sign, text: text("S") }], undefined,
      [{ mesh: legend, width: 1024, height: 512 }, { mesh: directory, width: 512, height: 256 }]);
    const ctx = atlas.texture.getContext() as unknown as Record<string, unknown>;
    const rects: number[][] = [];
    const moves: number[][] = [];
    ctx.fillRect = (...a: number[]) => rects.push(a);
    ctx.translate = (...a: number[]) => moves.push(a);
    atlas.repaint([text("S2")]);
    assert.ok(rects.length > 0, "the signs were painted");
    assert.ok(rects.every(([, y]) => y! >= 512), `every rectangle of the signs' repaint starts below the band (${JSON.stringify(rects)})`);
    const sizes: number[][] = [];
    atlas.paintPanel(1, (_c, w, h) => sizes.push([w, h]));
    assert.deepEqual(sizes, [[512, 256]], "the directory's painter gets its own size");
    assert.deepEqual(moves, [[1024, 0]], "drawn from the directory's corner");
    assert.throws(() => atlas.paintPanel(2, () => undefined), /no panel 2/, "an unknown panel is refused");
    atlas.dispose();
  });
});
