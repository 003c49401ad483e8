// WebXR emulation for browser tests: Meta's iwer runtime (Quest 3 + Touch controllers) injected
// before the app loads, with the one-line shim iwer 2.5.0 needs (../shared/XR-TESTING.md):
// getOffsetReferenceSpace receives an XRRigidTransform from Babylon but iwer expects its matrix.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const IWER_UMD = readFileSync("node_modules/iwer/build/iwer.min.js", "utf8");

/** The iwer script for a headset config (IWER.metaQuest3, IWER.metaQuest2, IWER.oculusQuest1, ...). */
export function iwerInit(device = "metaQuest3"): string {
  if (!/^[A-Za-z0-9]+$/.test(device)) throw new Error(`iwer: bad device name ${device}`);
  return `${IWER_UMD}
;(() => {
  const device = new IWER.XRDevice(IWER.${device});
  device.installRuntime({ forceInstall: true });
  const proto = IWER.XRReferenceSpace.prototype;
  const original = proto.getOffsetReferenceSpace;
  proto.getOffsetReferenceSpace = function (t) { return original.call(this, t && t.matrix ? t.matrix : t); };
  window.__xrDevice = device;
})();`;
}

export const IWER_INIT = iwerInit();

export async function installIwer(page: Page, device = "metaQuest3"): Promise<void> {
  await page.addInitScript({ content: iwerInit(device) });
}

/** Waits for n XR frames of the running session (never on timeouts). */
export async function xrFrames(page: Page, n: number): Promise<void> {
  await page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        const sm = (window as any).__mpp.xr().run.xr.baseExperience.sessionManager;
        let left = count;
        const o = sm.onXRFrameObservable.add(() => {
          if (--left <= 0) {
            sm.onXRFrameObservable.remove(o);
            resolve();
          }
        });
      }),
    n,
  );
}

/** Sets a controller's pose in the device (reference) space: position and yaw/pitch in degrees. */
export async function poseController(page: Page, hand: "left" | "right", position: [number, number, number], pitchDeg: number, yawDeg = 0): Promise<void> {
  await page.evaluate(
    ({ hand, position, pitchDeg, yawDeg }) => {
      const d = (window as any).__xrDevice;
      const c = d.controllers[hand];
      c.position.set(...position);
      const q = (window as any).IWER.eulerToQuat({ pitch: pitchDeg, yaw: yawDeg, roll: 0 });
      c.quaternion.set(q.x, q.y, q.z, q.w);
    },
    { hand, position, pitchDeg, yawDeg },
  );
}

export async function thumbstick(page: Page, hand: "left" | "right", x: number, y: number): Promise<void> {
  await page.evaluate(({ hand, x, y }) => (window as any).__xrDevice.controllers[hand].updateAxes("thumbstick", x, y), { hand, x, y });
}

export async function button(page: Page, hand: "left" | "right", id: string, value: number): Promise<void> {
  await page.evaluate(({ hand, id, value }) => (window as any).__xrDevice.controllers[hand].updateButtonValue(id, value), { hand, id, value });
}

/**
 * Points a controller, held at the headset, at the centre of a named GUI control on a mesh
 * (meshExpr is evaluated in the page, e.g. "__mpp.experience.panel.mesh").
 */
export async function aimAtControl(page: Page, hand: "left" | "right", meshExpr: string, controlName: string): Promise<void> {
  const aim = await page.evaluate(
    ({ meshExpr, controlName }) => {
      const w = window as any;
      const mesh = new Function("__mpp", `return ${meshExpr}`)(w.__mpp);
      const ui = mesh.material.diffuseTexture ?? mesh.material.emissiveTexture;
      const control = ui.getControlByName(controlName);
      if (!control) throw new Error(`no GUI control ${controlName}`);
      const m = control._currentMeasure;
      const size = ui.getSize();
      const u = (m.left + m.width / 2) / size.width;
      const v = (m.top + m.height / 2) / size.height;
      const ext = mesh.getBoundingInfo().boundingBox.extendSize;
      const V = mesh.position.constructor;
      mesh.computeWorldMatrix(true);
      const world = V.TransformCoordinates(new V((u - 0.5) * 2 * ext.x, (0.5 - v) * 2 * ext.y, 0), mesh.getWorldMatrix());
      const cam = w.__mpp.xr().run.xr.baseExperience.camera;
      const dir = world.subtract(cam.globalPosition).normalize();
      const inv = cam.rotationQuaternion.constructor.Inverse(cam.rotationQuaternion);
      const local = dir.rotateByQuaternionToRef(inv, new V());
      const head = w.__xrDevice.position;
      return { head: [head.x, head.y, head.z], yaw: (Math.atan2(-local.x, -local.z) * 180) / Math.PI, pitch: (Math.asin(local.y) * 180) / Math.PI };
    },
    { meshExpr, controlName },
  );
  await poseController(page, hand, aim.head as [number, number, number], aim.pitch, aim.yaw);
}

/** Points a controller, held at the headset, at a world point. */
export async function aimAtPoint(page: Page, hand: "left" | "right", point: [number, number, number]): Promise<void> {
  const aim = await page.evaluate((point) => {
    const w = window as any;
    const cam = w.__mpp.xr().run.xr.baseExperience.camera;
    const V = cam.position.constructor;
    const dir = new V(...point).subtract(cam.globalPosition).normalize();
    const local = dir.rotateByQuaternionToRef(cam.rotationQuaternion.constructor.Inverse(cam.rotationQuaternion), new V());
    const head = w.__xrDevice.position;
    return { head: [head.x, head.y, head.z], yaw: (Math.atan2(-local.x, -local.z) * 180) / Math.PI, pitch: (Math.asin(local.y) * 180) / Math.PI };
  }, point);
  await poseController(page, hand, aim.head as [number, number, number], aim.pitch, aim.yaw);
}

/** Points a controller at the hub's directory kiosk and pulls its trigger; resolves once the VR menu shows. */
export async function openMenuByPointing(page: Page, hand: "left" | "right"): Promise<void> {
  const kiosk = await page.evaluate(() => (window as any).__mpp.kiosks().find((k: any) => k.id === "directory"));
  if (!kiosk) throw new Error("the hub has no directory kiosk");
  await aimAtPoint(page, hand, kiosk.center);
  await xrFrames(page, 6);
  await button(page, hand, "trigger", 1);
  await xrFrames(page, 4);
  await button(page, hand, "trigger", 0);
  await page.waitForFunction(() => (window as any).__mpp.xr().run.menu.visible, null, { timeout: 10_000 });
}
