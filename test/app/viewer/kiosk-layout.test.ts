import assert from "node:assert/strict";
import { centreTilt, fitDistance, frameSpot, kioskLayout, PANEL_MIN_PX, standDistance, viewportOf } from "../../../src/app/viewer/kiosk-layout";

const rect = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe("viewer/kiosk-layout", () => {
  const desktop = rect(0, 0, 1280, 800);
  const toolbar = rect(10, 10, 1270, 66);

  it("with no copy shown the 3D view is the whole canvas and the panel is drawn", () => {
    const l = kioskLayout(desktop, null, [toolbar]);
    assert.equal(l.kind, "full");
    assert.deepEqual(l.view, desktop, "the whole canvas");
    assert.equal(l.panel, true, "the 3D panel is drawn");
    assert.equal(l.clear.top, 66, "the clear part starts under the toolbar");
  });

  it("a copy docked at the right leaves the view beside it, and the panel drawn there", () => {
    const l = kioskLayout(desktop, rect(790, 74, 1270, 790), [toolbar]);
    assert.equal(l.kind, "beside");
    assert.deepEqual(l.view, rect(0, 0, 790, 800), "the view ends where the copy begins");
    assert.deepEqual(l.clear, rect(0, 66, 790, 800), "clear of the toolbar");
    assert.equal(l.panel, true, "790 x 734 px holds the panel");
    const vp = viewportOf(l, desktop);
    assert.deepEqual([vp.x, vp.y, vp.height], [0, 0, 1], "full height from the left");
    assert.ok(Math.abs(vp.width - 790 / 1280) < 1e-9, "as wide as the part left");
  });

  it("a bottom sheet on a phone leaves the view above it; too small for the panel, which is held", () => {
    const phone = rect(0, 0, 390, 844);
    const l = kioskLayout(phone, rect(6, 396, 384, 834), [rect(6, 6, 384, 130)]);
    assert.equal(l.kind, "above");
    assert.deepEqual(l.view, rect(0, 0, 390, 396), "the view ends at the sheet's top");
    assert.deepEqual(l.clear, rect(0, 130, 390, 396), "and its clear part under the toolbar");
    assert.equal(l.panel, false, `a clear part under ${PANEL_MIN_PX} px: the sheet carries the kiosk`);
    const vp = viewportOf(l, phone);
    assert.ok(Math.abs(vp.y - 448 / 844) < 1e-9, "Babylon counts y from the bottom: the sheet's height");
    assert.ok(Math.abs(vp.height - 396 / 844) < 1e-9, "as tall as the part above the sheet");
  });

  it("a phone's toolbar that wraps to three rows still bounds the clear part, and the panel stays held", () => {
    const l = kioskLayout(rect(0, 0, 390, 844), rect(6, 396, 384, 834), [rect(6, 6, 384, 210)]);
    assert.equal(l.clear.top, 210, "the clear part starts under the tall toolbar");
    assert.equal(l.panel, false, "186 px left: the sheet carries the kiosk");
  });

  it("a portrait lobby screen's sheet leaves room for the panel above it", () => {
    const l = kioskLayout(rect(0, 0, 1080, 1920), rect(7, 905, 1073, 1910), [rect(10, 10, 1070, 120)]);
    assert.equal(l.kind, "above");
    assert.equal(l.panel, true, "1080 x 785 px holds the panel");
  });

  it("a copy that floats (neither docked nor a sheet) changes nothing", () => {
    const l = kioskLayout(desktop, rect(300, 200, 900, 500));
    assert.equal(l.kind, "full");
    assert.deepEqual(l.view, desktop);
  });

  it("fits the panel into the clear part: further back for a shorter part", () => {
    const fov = 1.0;
    const beside = kioskLayout(desktop, rect(790, 74, 1270, 790), [toolbar]);
    const d = fitDistance(beside, fov, { w: 1.0, h: 1.3 }, 0.85);
    // Seen from d, 1.3 m spans 1.3 * 800 / (2 d tan 0.5) px: 85 % of the 734 px clear.
    const px = (1.3 * 800) / (2 * d * Math.tan(0.5));
    assert.ok(Math.abs(px - 0.85 * 734) < 0.5, `the panel spans 85 % of the clear height (${px.toFixed(1)} px)`);
    const phone = kioskLayout(rect(0, 0, 390, 844), rect(6, 396, 384, 834), [rect(6, 6, 384, 130)]);
    assert.ok(fitDistance(phone, fov, { w: 1.0, h: 1.3 }) > d, "the phone's smaller part needs more distance");
  });

  it("tilts the view up by the toolbar's share, so the kiosk shows mid-way in the clear part", () => {
    const beside = kioskLayout(desktop, rect(790, 74, 1270, 790), [toolbar]);
    const tilt = centreTilt(beside, 1.0);
    // The clear part's middle is 33 px below the view's: atan(33 / 400 * tan 0.5).
    assert.ok(Math.abs(tilt - Math.atan((33 / 400) * Math.tan(0.5))) < 1e-9, `tilt ${tilt}`);
    assert.equal(centreTilt(kioskLayout(desktop, null), 1.0), 0, "no bar, no tilt");
  });

  it("stands no closer than the kiosk fits and no further than the preferred distance unless it must", () => {
    assert.equal(standDistance(1.0, 1.5, 2.6), 1.5, "too close: step back to where it fits");
    assert.equal(standDistance(2.0, 1.5, 2.6), 2.0, "fits from here: stay");
    assert.equal(standDistance(6.0, 1.5, 2.6), 2.6, "far away: come to the preferred distance");
    assert.equal(standDistance(2.0, 3.1, 2.6), 3.1, "fits only from further: go there");
  });

  describe("frameSpot: where the viewer stands to frame a kiosk", () => {
    // The interior's geometry: the exit at z = 8 (doorway radius 1.4), the spawn 1.6 m inside facing
    // -z, and a kiosk opened 1.3 m ahead of the spawn's eye, facing back along +z.
    const centre = { x: 0, y: 1.4, z: 5.1 };
    const normal = { x: 0, y: 0, z: 1 };
    const floor = (_x: number, z: number) => (z <= 8 ? 0 : null);
    const inExit = (f: { x: number; z: number }) => Math.hypot(f.x, f.z - 8) < 1.4;

    it("stands at the distance asked when the floor there is no doorway", () => {
      assert.deepEqual(frameSpot(centre, normal, 1.0, 1.0, floor, inExit), { x: 0, y: 0, z: 6.1 });
    });

    it("never steps back into the doorway behind: it comes closer, to a spot short of it", () => {
      const s = frameSpot(centre, normal, 2.0, 1.0, floor, inExit);
      assert.ok(s, "a spot is found in front of the doorway");
      assert.equal(inExit(s), false, `the spot (z ${s.z}) is out of the exit's doorway, which would take the visitor outside`);
      assert.ok(Math.abs(s.z - (5.1 + 1.5)) < 1e-9, "the furthest spot short of it (1.5 m, in 0.25 m steps from 2.0)");
      assert.deepEqual(frameSpot(centre, normal, 2.0, 1.0, floor, () => false), { x: 0, y: 0, z: 7.1 }, "without the doorway it would have stood at 2.0 m");
    });

    it("skips spots with no floor, and gives null when none will do (the caller stays put)", () => {
      const s = frameSpot(centre, normal, 4.0, 1.0, floor, () => false);
      // From 4.0 m (z 9.1, past the wall) in 0.25 m steps: 3.75, 3.5, 3.25, 3.0 have no floor; 2.75 (z 7.85) has.
      assert.ok(s && Math.abs(s.z - 7.85) < 1e-9, `the first spot with a floor, coming closer (${JSON.stringify(s)})`);
      assert.equal(frameSpot(centre, normal, 2.0, 1.0, floor, () => true), null, "all doorway: nowhere");
      assert.equal(frameSpot(centre, normal, 2.0, 1.0, () => null, () => false), null, "no floor: nowhere");
    });
  });
});
