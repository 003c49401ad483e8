// Connects the page's DOM parts to a started experience: the toolbar and help follow the place,
// the kiosk's DOM copy follows the open kiosk (and the kiosk layout rule places the 3D view, the
// 3D panel and the viewer around it: viewer/kiosk-layout.ts), and a touch screen gets its joystick.
import type { Experience } from "../experience";
import type { PageShell } from "./page-shell";
import { createKioskStage, type KioskStage } from "../viewer/kiosk-stage";
import { STAND_OFF_KIOSK_M } from "../kiosk/kiosk-geometry";
import { createJoystick } from "../ui/joystick";
import { createStickWalk } from "../navigation/stick-walk";

export function wireExperience(shell: PageShell, exp: Experience): KioskStage {
  const { win, toolbar, hud, mirror, api } = shell;
  // Inside a building the toolbar offers "Ke plaza"; on the plaza the help tells of the map table.
  const placeShown = () => {
    const inside = exp.places.current.kind === "building";
    toolbar.setInside(inside);
    hud.setOnPlaza(!inside);
  };
  exp.places.onChange(placeShown);
  placeShown();
  // The on-screen joystick on touch screens (not at a lobby kiosk, which has its own layout).
  if (shell.touch && !shell.kioskMode) {
    const stick = createJoystick(shell.uiRoot, { i18n: shell.i18n });
    // In a headset the controllers walk: the pad goes while the walking camera is not in use.
    exp.scene.onActiveCameraChanged.add(() => stick.setVisible(exp.scene.activeCamera === exp.walking.camera));
    const walk = createStickWalk(exp.walking.camera, stick);
    exp.frame.set("stick", walk.tick);
  }
  // The DOM copy of the open kiosk follows it; where it goes (CSS) decides the rest: the 3D view
  // draws in the part it leaves, the 3D panel shows where that part can hold it, and the viewer
  // is turned to the kiosk in that part (viewer/kiosk-layout.ts, the one rule for all screens).
  const doc = win.document;
  const stage = createKioskStage({
    scene: exp.scene, canvas: shell.canvas, copy: mirror.element, walking: exp.walking, panel: exp.panel, root: shell.uiRoot,
    bars: () => [toolbar.element, ...doc.querySelectorAll<HTMLElement>(".mpp-feedback-bar")],
    preferredDistance: STAND_OFF_KIOSK_M, minDistance: 1.0,
    inDoorway: (f) => exp.doorwayAt({ x: f.x, y: f.y + exp.walking.eyeHeight, z: f.z }) !== null,
  });
  exp.kiosks.onChange((controller) => {
    shell.kioskShown = controller;
    const feedback = shell.feedbackLoaded();
    if (!controller) {
      if (feedback) void feedback.then((f) => f.serviceShown(null));
      mirror.hide();
      return stage.kioskChanged(false);
    }
    controller.setDataAge(api.dataAge());
    mirror.show(controller);
    stage.kioskChanged(true);
    // A service read is a visit the citizen may rate, and a place to ask from.
    controller.onView((v) => {
      if (v.screen.kind === "service" && v.status === "ready") {
        const id = v.screen.serviceId;
        void Promise.all([shell.loadFeedback(), api.service(id)]).then(([f, s]) => {
          if (shell.kioskShown === controller) f.serviceShown({ id: s.id, name: s.name, agencyId: s.agencyId, agencyName: s.agencyName, regionCode: s.regionCode });
        }, () => undefined);
      } else {
        const loaded = shell.feedbackLoaded();
        if (loaded) void loaded.then((f) => f.serviceShown(null));
      }
    });
  });
  shell.location.follow(exp);
  return stage;
}
