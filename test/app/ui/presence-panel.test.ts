// The presence opt-in panel: says what is shared, joins with no name or a valid one, refuses a
// bad name before anything is sent, shows the state in the visitor's language, and disposes.
import assert from "node:assert/strict";
import { createPresencePanel } from "../../../src/app/ui/presence-panel";
import { countingI18n, domEnv } from "./dom-env";

describe("ui/presence-panel", () => {
  it("joins with no name or a checked name, and refuses a bad one before sending", () => {
    const env = domEnv();
    const joins: (string | null)[] = [];
    createPresencePanel(env.root, { i18n: env.i18n, onJoin: (n) => joins.push(n), onLeave: () => {} });
    assert.match(env.$('[data-testid="presence-explain"]')?.textContent ?? "", /posisi Anda, arah pandang Anda dan sebuah nama tampilan/, "what is shared, in plain words");
    const name = env.$<HTMLInputElement>('[data-testid="presence-name"]')!;
    const join = env.$('[data-testid="presence-join"]')!;
    join.click();
    name.value = "  Ayu   Lestari ";
    join.click();
    name.value = "Pengunjung 3";
    join.click();
    assert.deepEqual(joins, [null, "Ayu Lestari"], "no name, then the tidied name; a reserved name is not sent");
    assert.equal(env.$('[role="alert"]')?.hidden, false, "the refusal is shown");
    env.close();
  });

  it("shows the state: joined with a count, the room full, removed by the guide; and in English", () => {
    const env = domEnv();
    const panel = createPresencePanel(env.root, { i18n: env.i18n, onJoin: () => {}, onLeave: () => {} });
    const status = () => env.$('[data-testid="presence-status"]')?.textContent;
    assert.equal(status(), "Tidak bergabung: tidak ada yang dibagikan.", "off says nothing is shared");
    panel.setState({ status: "joined", you: "<i>Ayu</i>", others: 2 });
    assert.equal(status(), "Bergabung sebagai <i>Ayu</i> · 2 orang lain di sini", "the own name as text");
    assert.equal(env.$$('[data-testid="presence-status"] i').length, 0, "no markup from the name");
    assert.equal(env.$('[data-testid="presence-join"]')?.hidden, true, "join hidden while joined");
    assert.equal(env.$('[data-testid="presence-leave"]')?.hidden, false, "leave offered");
    panel.setState({ status: "refused", you: null, others: 0, code: "room_full" });
    assert.match(status() ?? "", /penuh/, "a full room is explained");
    panel.setState({ status: "stopped", you: null, others: 0, code: 4403 });
    env.i18n.setLang("en");
    assert.equal(status(), "The guide removed you from this tour.", "removal explained, in English");
    env.close();
  });

  it("removes its element and language listener on dispose", () => {
    const env = domEnv();
    const c = countingI18n(env.i18n);
    const panel = createPresencePanel(env.root, { i18n: c.i18n, onJoin: () => {}, onLeave: () => {} });
    assert.equal(c.live(), 1, "one language listener");
    panel.dispose();
    assert.equal(c.live(), 0, "removed");
    assert.equal(env.$('[data-testid="presence-panel"]'), null, "element removed");
    env.close();
  });
});
