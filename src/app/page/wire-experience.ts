// Connects the page's DOM parts to a started experience: the toolbar and help follow the place,
// the kiosk's DOM copy follows the open kiosk (and the view keeps beside it), a phone's sheet holds
// the 3D panel back, and a touch screen gets its joystick.
import type { Experience } from "../experience";
import type { PageShell } from "./page-shell";
import { keepViewBeside } from "../viewer/view-beside";
import { createJoystick } from "../ui/joystick";
import { createStickWalk } from "../navigation/stick-walk";

/** Where the kiosk's page copy is a bottom sheet (styles.css, max-width 640px) and the 3D panel would sit behind it. */
const SHEET_LAYOUT = "(max-width: 640px)";

export function wireExperience(shell: PageShell, exp: Experience): void {
  const { win, toolbar, hud, mirror, api } = shell;
  // Inside a building the toolbar offers "Ke plaza"; on the plaza the help tells of the map table.
  const placeShown = () => {
    const inside = exp.places.current.kind === "building";
    toolbar.setInside(inside);
    hud.setOnPlaza(!inside);
  };
  exp.places.onChange(placeShown);
  placeShown();
  // On a phone the kiosk's page copy is a bottom sheet: the 3D panel is held back while it shows
  // (one of them, never one hidden behind the other); a headset has no sheet.
  const sheetLayout = win.matchMedia?.(SHEET_LAYOUT) ?? null;
  const holdPanel = () => exp.panel.setHeld(shell.kioskShown !== null && (sheetLayout?.matches ?? false) && exp.scene.activeCamera === exp.walking.camera);
  sheetLayout?.addEventListener?.("change", holdPanel);
  exp.scene.onActiveCameraChanged.add(holdPanel);
  // The on-screen joystick on touch screens (not at a lobby kiosk, which has its own layout).
  if (shell.touch && !shell.kioskMode) {
    const stick = createJoystick(shell.uiRoot, { i18n: shell.i18n });
    // In a headset the controllers walk: the pad goes while the walking camera is not in use.
    exp.scene.onActiveCameraChanged.add(() => stick.setVisible(exp.scene.activeCamera === exp.walking.camera));
    const walk = createStickWalk(exp.walking.camera, stick);
    exp.frame.set("stick", walk.tick);
  }
  // The DOM copy of the open kiosk follows it.
  // The 3D view keeps to the part of the screen the docked mirror leaves free.
  const beside = keepViewBeside(exp.scene, shell.canvas, mirror.element);
  exp.kiosks.onChange((controller) => {
    shell.kioskShown = controller;
    holdPanel();
    const feedback = shell.feedbackLoaded();
    if (!controller) {
      if (feedback) void feedback.then((f) => f.serviceShown(null));
      mirror.hide();
      return beside.update();
    }
    controller.setDataAge(api.dataAge());
    mirror.show(controller);
    beside.update();
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
}
