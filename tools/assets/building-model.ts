// Step 5: one building as a glTF document: a `building` root with the region, then floor, body
// (blocker), signage and an entrance anchor. Three primitives in all, two materials.
import type { Document } from "@gltf-transform/core";
import type { BuildingParams } from "./building-params";
import { buildingGeometry } from "./building-geometry";
import { addMesh, createDocument } from "./gltf-writer";
import { material } from "./materials";

export const NAME = "building-model";

export function buildingDocument(p: BuildingParams): Document {
  const geo = buildingGeometry(p);
  const doc = createDocument();
  const body = material(doc, "facade");
  const paving = material(doc, "paving");
  const panel = material(doc, "panel");
  const root = doc.createNode(`building-${p.code}`).setExtras({
    role: "building",
    region: p.code,
    physicalMpp: p.physicalMpp,
    variant: p.variant,
    roof: p.roof,
  });
  root.addChild(doc.createNode("floor").setMesh(addMesh(doc, "floor", geo.floor, paving)).setExtras({ role: "floor" }));
  root.addChild(doc.createNode("body").setMesh(addMesh(doc, "body", geo.body, body)).setExtras({ role: "blocker" }));
  root.addChild(
    doc.createNode("signage")
      .setMesh(addMesh(doc, "signage", geo.signage, panel, { color: false, uv: true }))
      .setExtras({ role: "signage", region: p.code }),
  );
  root.addChild(doc.createNode("entrance").setTranslation([...geo.entrance]).setExtras({ role: "entrance", region: p.code }));
  doc.createScene(`building-${p.code}`).addChild(root);
  return doc;
}
