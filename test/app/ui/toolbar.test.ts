import assert from "node:assert/strict";
import { createToolbar } from "../../../src/app/ui/toolbar";
import { countingI18n, domEnv } from "./dom-env";

describe("ui/toolbar", () => {
  it("switches language with pressed state and keeps focus on the button", () => {
    const env = domEnv();
    createToolbar(env.root, { i18n: env.i18n });
    assert.equal(env.$('[data-testid="lang-id"]')?.getAttribute("aria-pressed"), "true", "ID pressed");
    assert.equal(env.$('[data-testid="lang-en"]')?.getAttribute("aria-pressed"), "false", "EN not pressed");
    assert.equal(env.$('[data-testid="lang-en"]')?.closest('[role="group"]')?.getAttribute("aria-label"), "Bahasa", "group labelled");
    for (const l of ["id", "en"]) {
      const b = env.$(`[data-testid="lang-${l}"]`)!;
      assert.ok(b.getAttribute("aria-label")!.startsWith(b.textContent!), `lang-${l}: the accessible name starts with the visible text (WCAG 2.5.3)`);
    }
    const en = env.$('[data-testid="lang-en"]')!;
    en.focus();
    en.click();
    assert.equal(env.i18n.lang, "en", "language switched");
    assert.equal(env.$('[data-testid="lang-en"]')?.getAttribute("aria-pressed"), "true", "EN pressed after switch");
    assert.equal(env.$('[data-testid="directory-toggle"]')?.textContent, "Directory", "re-rendered in English");
    assert.equal(env.doc.activeElement, env.$('[data-testid="lang-en"]'), "focus kept on the EN button");
    assert.equal(env.doc.documentElement.lang, "en", "html lang follows");
    env.close();
  });

  it("hides Enter VR until XR is available and fires callbacks", () => {
    const env = domEnv();
    let xr = 0;
    let dir = 0;
    const tb = createToolbar(env.root, { i18n: env.i18n, onEnterXr: () => xr++, onToggleDirectory: () => dir++ });
    assert.equal(env.$('[data-testid="xr-button"]')?.hidden, true, "XR button hidden by default");
    tb.setXrAvailable(true);
    const xrButton = env.$('[data-testid="xr-button"]')!;
    assert.equal(xrButton.hidden, false, "shown when available");
    assert.equal(xrButton.textContent, "Masuk VR", "label");
    xrButton.click();
    env.$('[data-testid="directory-toggle"]')!.click();
    assert.deepEqual([xr, dir], [1, 1], "both callbacks fired");
    tb.setDirectoryOpen(true);
    assert.equal(env.$('[data-testid="directory-toggle"]')?.getAttribute("aria-expanded"), "true", "aria-expanded follows");
    assert.equal(env.$('[data-testid="directory-toggle"]')?.getAttribute("aria-controls"), "mpp-directory", "controls the panel");
    env.close();
  });

  it("offers 'Ke plaza' only inside a building, and it calls back", () => {
    const env = domEnv();
    let out = 0;
    const bar = createToolbar(env.root, { i18n: env.i18n, onToPlaza: () => out++ });
    assert.equal(env.$('[data-testid="to-plaza"]'), null, "none on the plaza");
    bar.setInside(true);
    const b = env.$('[data-testid="to-plaza"]')!;
    assert.equal(b.textContent, "Ke plaza", "shown inside");
    b.click();
    assert.equal(out, 1, "called back");
    env.i18n.setLang("en");
    assert.equal(env.$('[data-testid="to-plaza"]')?.textContent, "To the plaza", "in English");
    bar.setInside(false);
    assert.equal(env.$('[data-testid="to-plaza"]'), null, "gone again outside");
    env.close();
  });

  it("shows the data age only when set", () => {
    const env = domEnv();
    const tb = createToolbar(env.root, { i18n: env.i18n });
    assert.equal(env.$('[data-testid="data-age"]')?.hidden, true, "hidden for live data");
    tb.setDataAge("2026-11-27T07:05:00Z");
    assert.equal(env.$('[data-testid="data-age"]')?.textContent, "Informasi per 27 Nov 2026, 14.05 WIB", "age text");
    env.close();
  });

  it("removes its node and listeners on dispose", () => {
    const env = domEnv();
    const c = countingI18n(env.i18n);
    let xr = 0;
    const tb = createToolbar(env.root, { i18n: c.i18n, onEnterXr: () => xr++ });
    tb.setXrAvailable(true);
    const button = env.$('[data-testid="xr-button"]')!;
    tb.dispose();
    button.click();
    assert.equal(xr, 0, "click after dispose does nothing");
    assert.equal(env.root.children.length, 0, "node removed");
    assert.equal(c.live(), 0, "language listener removed");
    env.close();
  });
});
