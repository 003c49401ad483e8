// The idle warning's second button: the survey before the reset. It acts on pointerdown, because
// the lobby hides the warning on that same touch (activity) before a click could arrive.
import assert from "node:assert/strict";
import { createIdleWarning } from "../../../src/app/lobby/idle-warning";
import { domEnv } from "../ui/dom-env";

describe("lobby/idle-warning: rate before the reset", () => {
  it("shows the rate button only when asked, with its label, and calls onRate on pointerdown and click", () => {
    const env = domEnv();
    let rated = 0;
    const w = createIdleWarning(env.root, { i18n: env.i18n, onContinue: () => {}, rate: { label: () => "Beri penilaian lalu selesai", onRate: () => { rated++; } } });
    w.show(5);
    const rate = env.$<HTMLButtonElement>('[data-testid="idle-rate"]')!;
    assert.equal(rate.textContent, "Beri penilaian lalu selesai");
    rate.dispatchEvent(new env.win.PointerEvent("pointerdown", { bubbles: true }) as unknown as Event);
    assert.equal(rated, 1, "pointerdown acts (the touch hides the dialog before its click)");
    rate.click();
    assert.equal(rated, 2, "click acts too (keyboard); onRate tolerates both");
    w.dispose();
    const plain = createIdleWarning(env.root, { i18n: env.i18n, onContinue: () => {} });
    plain.show(5);
    assert.equal(env.$('[data-testid="idle-rate"]'), null, "no rate button without a survey");
    env.close();
  });
});
