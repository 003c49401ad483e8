import assert from "node:assert/strict";
import { createHud } from "../../../src/app/ui/hud";
import { flush } from "../fixtures";
import { countingI18n, domEnv } from "./dom-env";

describe("ui/hud", () => {
  it("announces the region and hides it after a while", async () => {
    const env = domEnv();
    const hud = createHud(env.root, { i18n: env.i18n, toastMs: 1 });
    hud.showRegion("Kota Bandung");
    const region = env.$('[data-testid="hud-region"]')!;
    assert.equal(region.textContent, "Anda berada di MPP Kota Bandung", "region text");
    assert.equal(region.getAttribute("aria-live"), "polite", "announced politely");
    env.i18n.setLang("en");
    assert.equal(region.textContent, "You are in the Kota Bandung MPP", "re-rendered in English");
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(region.hidden, true, "hidden after toastMs");
    assert.throws(() => hud.showRegion(""), /region name is required/, "empty name refused");
    env.close();
  });

  it("shows a notice with a close button, in the current language, and hides it after a while", async () => {
    const env = domEnv();
    const hud = createHud(env.root, { i18n: env.i18n, noticeMs: 5 });
    hud.showNotice("notice.serviceNotFound");
    const notice = env.$('[data-testid="hud-notice"]')!;
    assert.equal(notice.hidden, false, "shown");
    assert.equal(notice.getAttribute("role"), "status", "announced without taking focus");
    assert.match(notice.textContent ?? "", /tidak ditemukan/, "Indonesian text");
    env.i18n.setLang("en");
    assert.match(notice.textContent ?? "", /was not found/, "re-rendered in English");
    const closeButton = env.$('[data-testid="hud-notice-close"]')!;
    assert.equal(closeButton.getAttribute("aria-label"), "Dismiss notification", "the close button is named");
    closeButton.click();
    assert.equal(notice.hidden, true, "closed by its button");
    hud.showNotice("notice.serviceNotFound");
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(notice.hidden, true, "hidden after noticeMs");
    env.close();
  });

  it("shows and hides the controls help", async () => {
    const env = domEnv();
    const c = countingI18n(env.i18n);
    const hud = createHud(env.root, { i18n: c.i18n });
    hud.showHelp();
    assert.match(env.$('[data-testid="hud-help"]')?.textContent ?? "", /WASD\/panah/, "help text");
    hud.hideHelp();
    assert.equal(env.$('[data-testid="hud-help"]')?.hidden, true, "hidden");
    hud.showRegion("X");
    hud.dispose();
    await flush();
    assert.equal(env.root.children.length, 0, "removed");
    assert.equal(c.live(), 0, "listener removed");
    env.close();
  });

  it("tells a touch screen how to walk by touch, a desktop by keys, and the map table only on the plaza", () => {
    const env = domEnv();
    const touch = createHud(env.root, { i18n: env.i18n, touch: true });
    touch.showHelp();
    const help = () => env.$$('[data-testid="hud-help"]');
    const [t] = help();
    assert.doesNotMatch(t!.textContent ?? "", /WASD|klik/, "no keys or clicks on a touch screen");
    assert.match(t!.textContent ?? "", /Joystick/, "the joystick named");
    touch.dispose();
    const desk = createHud(env.root, { i18n: env.i18n });
    desk.showHelp();
    const [d] = help();
    assert.match(d!.textContent ?? "", /WASD/, "keys on a desktop");
    const map = env.$('[data-testid="hud-help-map"]')!;
    assert.match(map.textContent ?? "", /meja peta/, "the map table hint");
    desk.setOnPlaza(false);
    assert.equal(map.hidden, true, "no map hint inside a building");
    desk.setOnPlaza(true);
    assert.equal(map.hidden, false, "back on the plaza");
    desk.dispose();
    env.close();
  });
});
