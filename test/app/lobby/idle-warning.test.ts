import assert from "node:assert/strict";
import { createIdleWarning } from "../../../src/app/lobby/idle-warning";
import { domEnv } from "../ui/dom-env";

describe("lobby/idle-warning", () => {
  it("shows the countdown in an alert dialog and focuses the stay button", () => {
    const env = domEnv();
    const w = createIdleWarning(env.root, { i18n: env.i18n, onContinue: () => {} });
    assert.equal(w.visible, false, "hidden at first");
    w.show(15);
    const dialog = env.$('[data-testid="idle-warning"]')!;
    assert.equal(dialog.getAttribute("role"), "alertdialog", "announced as an alert dialog");
    assert.match(env.$('[data-testid="idle-text"]')?.textContent ?? "", /Masih di sini\? .* 15 detik/, "Indonesian countdown text");
    assert.equal(env.doc.activeElement, env.$('[data-testid="idle-continue"]'), "the stay button has focus");
    w.update(3);
    assert.match(env.$('[data-testid="idle-text"]')?.textContent ?? "", / 3 detik/, "count updated");
    env.i18n.setLang("en");
    assert.match(env.$('[data-testid="idle-text"]')?.textContent ?? "", /Still there\? .* 3 seconds/, "follows the language");
    env.close();
  });

  it("calls onContinue on the button, hides, and rejects a bad count", () => {
    const env = domEnv();
    let cont = 0;
    const w = createIdleWarning(env.root, { i18n: env.i18n, onContinue: () => cont++ });
    w.show(5);
    env.$('[data-testid="idle-continue"]')!.click();
    assert.equal(cont, 1, "continue told");
    w.hide();
    assert.equal(w.visible, false, "hidden");
    assert.throws(() => w.update(-1), /whole number >= 0/, "negative count rejected");
    env.close();
  });
});
