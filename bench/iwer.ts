// Meta's iwer WebXR emulator (Quest 3), injected before the app loads, with the shim iwer 2.5.0
// needs (../shared/XR-TESTING.md: getOffsetReferenceSpace gets an XRRigidTransform, not a matrix).
import { readFileSync } from "node:fs";

export function iwerInitScript(): string {
  const umd = readFileSync("node_modules/iwer/build/iwer.min.js", "utf8");
  return `${umd}
;(() => {
  const device = new IWER.XRDevice(IWER.metaQuest3);
  device.installRuntime({ forceInstall: true });
  const proto = IWER.XRReferenceSpace.prototype;
  const original = proto.getOffsetReferenceSpace;
  proto.getOffsetReferenceSpace = function (t) { return original.call(this, t && t.matrix ? t.matrix : t); };
  window.__xrDevice = device;
})();`;
}
