import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import { Scene } from "@babylonjs/core/scene";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { Observable } from "@babylonjs/core/Misc/observable";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";
import type { WebXRControllerComponent } from "@babylonjs/core/XR/motionController/webXRControllerComponent";
import { drawAtRestAsOne, isAtRest, type RestingController } from "../../../src/app/xr/controller-at-rest";

/** A component as Babylon's: a value, two axes, and the change events the motion controller fires. */
function component() {
  const c = {
    value: 0,
    axes: { x: 0, y: 0 },
    onButtonStateChangedObservable: new Observable<WebXRControllerComponent>(),
    onAxisValueChangedObservable: new Observable<{ x: number; y: number }>(),
  };
  return {
    c,
    press(v: number) {
      c.value = v;
      c.onButtonStateChangedObservable.notifyObservers(c as unknown as WebXRControllerComponent);
    },
    tilt(x: number, y: number) {
      c.axes = { x, y };
      c.onAxisValueChangedObservable.notifyObservers(c.axes);
    },
  };
}

/** A controller model as the glTF loader gives it: a root under the grip, parts under moving nodes. */
function model(scene: Scene, options: { materials?: 1 | 2 } = {}) {
  const grip = new TransformNode("grip", scene);
  grip.position.set(1, 1.4, -0.3);
  const root = new Mesh("__root__", scene);
  root.parent = grip;
  root.rotation.y = Math.PI; // as the loader turns a glTF model
  const mat = new StandardMaterial("controllerMAT", scene);
  const other = new StandardMaterial("other", scene);
  const body = CreateBox("body", { size: 0.1 }, scene);
  body.parent = root;
  const buttonNode = new TransformNode("x_button_value", scene);
  buttonNode.parent = root;
  buttonNode.position.set(0.02, 0.05, 0);
  const button = CreateBox("x_button-mesh", { size: 0.01 }, scene);
  button.parent = buttonNode;
  body.material = mat;
  button.material = options.materials === 2 ? other : mat;
  const trigger = component();
  const stick = component();
  const controller: RestingController = { components: { trigger: trigger.c, stick: stick.c } as unknown as RestingController["components"] };
  return { root, body, button, buttonNode, trigger, stick, controller, mat };
}

describe("xr/controller-at-rest", () => {
  let engine: NullEngine;
  let scene: Scene;
  beforeEach(() => {
    engine = new NullEngine();
    scene = new Scene(engine);
  });
  afterEach(() => {
    scene.dispose();
    engine.dispose();
  });

  it("says a controller rests only while every value and axis is (about) zero", () => {
    const zero = { value: 0, axes: { x: 0, y: 0 } };
    assert.equal(isAtRest([zero, zero]), true, "all zero: at rest");
    assert.equal(isAtRest([zero, { value: 0.005, axes: { x: -0.004, y: 0 } }]), true, "a hair off zero draws as zero");
    assert.equal(isAtRest([zero, { value: 0.3, axes: { x: 0, y: 0 } }]), false, "a half-pressed trigger moves");
    assert.equal(isAtRest([{ value: 0, axes: { x: 0, y: -0.5 } }]), false, "a tilted stick moves");
  });

  it("draws one baked mesh at rest, in the parts' place, and the parts while one moves", () => {
    const m = model(scene);
    // Where the button part draws its vertices, in the world.
    const buttonWorld = m.button.computeWorldMatrix(true);
    const buttonLocal = m.button.getVerticesData(VertexBuffer.PositionKind)!;
    const firstButtonVertex = Vector3.TransformCoordinates(Vector3.FromArray(buttonLocal, 0), buttonWorld);
    const rest = drawAtRestAsOne(m.controller, m.root);
    assert.ok(rest, "the two parts with one material are baked");
    assert.equal(rest.atRest, true, "nothing pressed: at rest");
    assert.equal(rest.merged.isEnabled(), true, "the baked mesh is drawn");
    assert.equal(m.body.isEnabled(), false, "the body part is not drawn");
    assert.equal(m.button.isEnabled(), false, "the button part is not drawn");
    assert.equal(rest.merged.material, m.mat, "the baked mesh has the parts' material");
    assert.equal(rest.merged.parent, m.root, "it follows the model's root (and so the grip)");
    assert.equal(rest.merged.isPickable, false, "it catches no pointer ray");
    assert.equal(rest.merged.getTotalVertices(), m.body.getTotalVertices() + m.button.getTotalVertices(), "every vertex of both parts");
    // The baked button vertices sit where the button part drew them (the body's come first).
    const baked = rest.merged.getVerticesData(VertexBuffer.PositionKind)!;
    const bakedVertex = Vector3.TransformCoordinates(Vector3.FromArray(baked, m.body.getTotalVertices() * 3), rest.merged.computeWorldMatrix(true));
    assert.ok(Vector3.Distance(bakedVertex, firstButtonVertex) < 1e-5, `the button's first vertex is drawn at ${firstButtonVertex} (baked: ${bakedVertex})`);
    const normals = rest.merged.getVertexBuffer(VertexBuffer.NormalKind);
    assert.ok(normals, "the baked mesh has normals");

    m.trigger.press(0.6);
    assert.equal(rest.atRest, false, "a pressed trigger: not at rest");
    assert.equal(rest.merged.isEnabled(), false, "the baked mesh is not drawn");
    assert.equal(m.body.isEnabled() && m.button.isEnabled(), true, "the parts are drawn (Babylon moves them)");
    m.trigger.press(0);
    assert.equal(rest.atRest, true, "released: at rest again");
    m.stick.tilt(0, 0.8);
    assert.equal(rest.atRest, false, "a tilted stick: the parts again");
    m.stick.tilt(0, 0);
    assert.equal(rest.merged.isEnabled(), true, "centred: the baked mesh again");
  });

  it("puts the parts back and leaves no observer on dispose", () => {
    const m = model(scene);
    const rest = drawAtRestAsOne(m.controller, m.root)!;
    rest.dispose();
    assert.equal(rest.merged.isDisposed(), true, "the baked mesh is gone");
    assert.equal(m.body.isEnabled() && m.button.isEnabled(), true, "the parts are drawn again");
    assert.equal(m.trigger.c.onButtonStateChangedObservable.hasObservers(), false, "no button observer left");
    assert.equal(m.stick.c.onAxisValueChangedObservable.hasObservers(), false, "no axis observer left");
    rest.dispose(); // twice is harmless (the model's disposal and the session's end both call it)
  });

  it("goes with the model when the model is disposed", () => {
    const m = model(scene);
    const rest = drawAtRestAsOne(m.controller, m.root)!;
    m.root.dispose();
    assert.equal(rest.merged.isDisposed(), true, "the baked mesh was the root's child");
    assert.doesNotThrow(() => rest.dispose(), "disposing after the model went is harmless");
  });

  it("keeps the parts where baking cannot be exact", () => {
    const two = model(scene, { materials: 2 });
    assert.equal(drawAtRestAsOne(two.controller, two.root), null, "two materials: two draws anyway");
    const mirrored = model(scene);
    mirrored.buttonNode.scaling = new Vector3(-1, 1, 1);
    assert.equal(drawAtRestAsOne(mirrored.controller, mirrored.root), null, "a mirrored part would turn inside out");
    assert.equal(mirrored.button.isEnabled(), true, "its parts stay drawn");
    const single = new Mesh("__root__", scene);
    CreateBox("only", { size: 0.1 }, scene).parent = single;
    assert.equal(drawAtRestAsOne(two.controller, single), null, "one part: nothing to gain");
  });
});
