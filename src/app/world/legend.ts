// The plaza legend (role "legend"): which colour means a physical MPP and which a digital-only one,
// drawn from data in the visitor's language. Kept in step with tools/assets palette by the caller.
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { DynamicTexture } from "@babylonjs/core/Materials/Textures/dynamicTexture";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { Color3 } from "@babylonjs/core/Maths/math.color";

export interface LegendEntry {
  color: string;
  label: string;
}

export function createLegend(scene: Scene, mesh: AbstractMesh, size = { width: 1024, height: 512 }) {
  const texture = new DynamicTexture("legend", size, scene, true);
  const material = new StandardMaterial("legend", scene);
  material.diffuseTexture = texture;
  material.emissiveTexture = texture;
  material.disableLighting = true;
  material.specularColor = Color3.Black();
  mesh.material = material;
  const ctx = texture.getContext() as unknown as CanvasRenderingContext2D;

  function paint(title: string, entries: readonly LegendEntry[]) {
    const { width, height } = size;
    ctx.fillStyle = "#f4f1e8";
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = "#1d3540";
    ctx.textBaseline = "middle";
    ctx.textAlign = "left";
    ctx.font = "700 64px system-ui, sans-serif";
    ctx.fillText(title, 48, 70);
    const rowH = (height - 150) / Math.max(1, entries.length);
    entries.forEach((e, i) => {
      const y = 150 + rowH * i + rowH / 2;
      ctx.fillStyle = e.color;
      ctx.fillRect(48, y - rowH * 0.3, rowH * 0.6, rowH * 0.6);
      ctx.fillStyle = "#1d3540";
      ctx.font = `500 ${Math.round(Math.min(52, rowH * 0.5))}px system-ui, sans-serif`;
      ctx.fillText(e.label, 48 + rowH * 0.9, y);
    });
    texture.update(false); // glTF UVs: v = 0 at the top
    material.freeze();
  }

  return {
    paint(title: string, entries: readonly LegendEntry[]) {
      material.unfreeze();
      paint(title, entries);
    },
    dispose() {
      material.dispose();
      texture.dispose();
    },
  };
}
