// WebXR emulation for browser tests: Meta's iwer runtime (Quest 3 + Touch controllers) injected
// before the app loads, with the one-line shim iwer 2.5.0 needs (../shared/XR-TESTING.md):
// getOffsetReferenceSpace receives an XRRigidTransform from Babylon but iwer expects its matrix.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const IWER_UMD = readFileSync("node_modules/iwer/build/iwer.min.js", "utf8");

export const IWER_INIT = `${IWER_UMD}
;(() => {
  const device = new IWER.XRDevice(IWER.metaQuest3);
  device.installRuntime({ forceInstall: true });
  const proto = IWER.XRReferenceSpace.prototype;
  const original = proto.getOffsetReferenceSpace;
  proto.getOffsetReferenceSpace = function (t) { return original.call(this, t && t.matrix ? t.matrix : t); };
  window.__xrDevice = device;
})();`;

export async function installIwer(page: Page): Promise<void> {
  await page.addInitScript({ content: IWER_INIT });
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
