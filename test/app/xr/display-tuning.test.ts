// xr/display-tuning: refresh rate, foveation and multiview, each only where the browser offers it.
import assert from "node:assert/strict";
import { FOVEATION, TARGET_FRAME_RATE, multiviewSupported, tuneDisplay, enableMultiview } from "../../../src/app/xr/display-tuning";

describe("xr/display-tuning", () => {
  it("asks for 90 Hz where the headset lists it and sets low foveation", async () => {
    const asked: number[] = [];
    const session = { supportedFrameRates: new Float32Array([72, 90, 120]), updateTargetFrameRate: async (r: number) => void asked.push(r), fixedFoveation: 1 as number | null };
    tuneDisplay(session);
    assert.deepEqual(asked, [TARGET_FRAME_RATE], "90 Hz was asked for");
    assert.equal(session.fixedFoveation, FOVEATION, "foveation is low, for reading text off-centre");
  });

  it("keeps the defaults where the headset offers neither", () => {
    const asked: number[] = [];
    const session = { supportedFrameRates: new Float32Array([72]), updateTargetFrameRate: async (r: number) => void asked.push(r), fixedFoveation: null as number | null };
    tuneDisplay(session);
    assert.deepEqual(asked, [], "no rate the headset does not list");
    assert.equal(session.fixedFoveation, null, "no foveation where it is not adjustable");
  });

  it("offers multiview only with WebXR projection layers and OVR_multiview2 together", () => {
    class WithLayers {
      createProjectionLayer() {}
    }
    class DepthOnly {
      getDepthInformation() {}
    }
    const ext = {};
    assert.equal(multiviewSupported({ XRWebGLBinding: WithLayers }, { multiview: ext }), true, "Quest Browser: layers and the extension");
    assert.equal(multiviewSupported({ XRWebGLBinding: DepthOnly }, { multiview: ext }), false, "iwer: a binding without projection layers");
    assert.equal(multiviewSupported({}, { multiview: ext }), false, "no XRWebGLBinding at all (desktop Chromium without a headset)");
    assert.equal(multiviewSupported({ XRWebGLBinding: WithLayers }, { multiview: null }), false, "layers without the WebGL extension");
  });

  it("enables the layers feature with a multiview projection layer at the session's scale, or nothing", () => {
    const enabled: Array<{ name: string; options: any }> = [];
    const fakeXr = (multiview: unknown) =>
      ({
        baseExperience: {
          sessionManager: { scene: { getEngine: () => ({ getCaps: () => ({ multiview }) }) } },
          featuresManager: { enableFeature: (name: string, _v: string, options: unknown) => enabled.push({ name, options }) },
        },
      }) as never;
    class WithLayers {
      createProjectionLayer() {}
    }
    assert.equal(enableMultiview(fakeXr({}), 0.5, { XRWebGLBinding: WithLayers }), true, "enabled where supported");
    assert.equal(enabled[0]?.name, "xr-layers", "Babylon's layers feature");
    assert.equal(enabled[0]?.options.preferMultiviewOnInit, true, "with a multiview projection layer");
    assert.equal(enabled[0]?.options.projectionLayerInit.scaleFactor, 0.5, "at the requested resolution scale");
    assert.equal(enableMultiview(fakeXr(null), 1, { XRWebGLBinding: WithLayers }), false, "not without the extension");
    assert.equal(enabled.length, 1, "and nothing was enabled then");
  });
});
