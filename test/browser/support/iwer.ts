// WebXR emulation for browser tests: Meta's iwer runtime (Quest 3 + Touch controllers) injected
// before the app loads, with the one-line shim iwer 2.5.0 needs (../shared/XR-TESTING.md):
// getOffsetReferenceSpace receives an XRRigidTransform from Babylon but iwer expects its matrix.
// The app is read and driven through its test hook (window.__mpp.xr); the emulated device through
// window.__xrDevice, typed below by the few members the tests use.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { Quaternion, Vector3 } from "@babylonjs/core/Maths/math.vector";

type Hand = "left" | "right";

interface IwerVector { x: number; y: number; z: number; set(x: number, y: number, z: number): void }
interface IwerQuaternion { set(x: number, y: number, z: number, w: number): void }

interface IwerDevice {
  position: IwerVector;
  primaryInputMode: "controller" | "hand";
  controllers: Record<Hand, {
    position: IwerVector;
    quaternion: IwerQuaternion;
    updateAxes(id: string, x: number, y: number): void;
    updateButtonValue(id: string, value: number): void;
  }>;
  hands: Record<Hand, { position: IwerVector; quaternion: IwerQuaternion; updatePinchValue(value: number): void }>;
}

declare global {
  interface Window {
    /** The emulated headset (tests only: injected by iwerInit). */
    __xrDevice?: IwerDevice;
    IWER?: { eulerToQuat(e: { pitch: number; yaw: number; roll: number }): { x: number; y: number; z: number; w: number } };
  }
}

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
  await page.evaluate((count) => window.__mpp!.frames(count), n);
}

/** Sets a controller's pose in the device (reference) space: position and yaw/pitch in degrees. */
export async function poseController(page: Page, hand: Hand, position: [number, number, number], pitchDeg: number, yawDeg = 0): Promise<void> {
  await page.evaluate(
    ({ hand, position, pitchDeg, yawDeg }) => {
      const c = window.__xrDevice!.controllers[hand];
      c.position.set(...position);
      const q = window.IWER!.eulerToQuat({ pitch: pitchDeg, yaw: yawDeg, roll: 0 });
      c.quaternion.set(q.x, q.y, q.z, q.w);
    },
    { hand, position, pitchDeg, yawDeg },
  );
}

export async function thumbstick(page: Page, hand: Hand, x: number, y: number): Promise<void> {
  await page.evaluate(({ hand, x, y }) => window.__xrDevice!.controllers[hand].updateAxes("thumbstick", x, y), { hand, x, y });
}

export async function button(page: Page, hand: Hand, id: string, value: number): Promise<void> {
  await page.evaluate(({ hand, id, value }) => window.__xrDevice!.controllers[hand].updateButtonValue(id, value), { hand, id, value });
}

/** Switches the emulated headset between controllers and tracked hands. */
export async function inputMode(page: Page, mode: "controller" | "hand"): Promise<void> {
  await page.evaluate((m) => {
    window.__xrDevice!.primaryInputMode = m;
  }, mode);
}

/** Points a controller, held at the headset, at a world point. */
export async function aimAtPoint(page: Page, hand: Hand, point: [number, number, number]): Promise<void> {
  const { pose, head } = await page.evaluate(() => {
    const h = window.__xrDevice!.position;
    return { pose: window.__mpp!.xr.pose(), head: [h.x, h.y, h.z] as [number, number, number] };
  });
  // The direction to the point in the headset's own frame gives the controller's yaw and pitch.
  const dir = new Vector3(...point).subtract(new Vector3(...pose.position)).normalize();
  const local = dir.rotateByQuaternionToRef(Quaternion.Inverse(new Quaternion(...pose.rotation)), new Vector3());
  await poseController(page, hand, head, (Math.asin(local.y) * 180) / Math.PI, (Math.atan2(-local.x, -local.z) * 180) / Math.PI);
}

/** Points a controller at the centre of a named GUI control of the kiosk panel or the VR menu. */
export async function aimAtControl(page: Page, hand: Hand, surface: "kiosk-panel" | "xr-menu", controlName: string): Promise<void> {
  const point = await page.evaluate(
    ({ surface, controlName }) => (surface === "kiosk-panel" ? window.__mpp!.panelControlCenter(controlName) : window.__mpp!.xr.menuControlCenter(controlName)),
    { surface, controlName },
  );
  if (!point) throw new Error(`no GUI control ${controlName} on the ${surface}`);
  await aimAtPoint(page, hand, point);
}

/** Points a controller at the hub's directory kiosk and pulls its trigger; resolves once the VR menu shows. */
export async function openMenuByPointing(page: Page, hand: Hand): Promise<void> {
  const kiosk = await page.evaluate(() => window.__mpp!.kiosks().find((k) => k.id === "directory"));
  if (!kiosk) throw new Error("the hub has no directory kiosk");
  await aimAtPoint(page, hand, kiosk.center);
  await xrFrames(page, 6);
  await button(page, hand, "trigger", 1);
  await xrFrames(page, 4);
  await button(page, hand, "trigger", 0);
  await page.waitForFunction(() => window.__mpp!.xr.menuVisible(), null, { timeout: 10_000 });
}
