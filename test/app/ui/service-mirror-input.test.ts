// The DOM mirror's text field for kiosk screens that take text (a question, a contact, a comment):
// typing there and on the 3D panel's keyboard edit one draft; the field keeps focus while typing;
// hostile text stays text; Ask and Rate under a service open their screens.
import assert from "node:assert/strict";
import { createKioskController, type KioskApi } from "../../../src/app/kiosk/kiosk-controller";
import { newTicket } from "../../../src/app/kiosk/screens/ticket";
import { createServiceMirror } from "../../../src/app/ui/service-mirror";
import { bandung, flush, paspor } from "../fixtures";
import { domEnv } from "./dom-env";

const api: KioskApi = { region: async () => bandung, services: async () => [], service: async () => paspor };

describe("ui/service-mirror: text fields and screen actions", () => {
  it("edits the same draft as the panel's keyboard, keeping the field and its focus", async () => {
    const env = domEnv();
    const mirror = createServiceMirror(env.root, { i18n: env.i18n });
    const c = createKioskController({ api, i18n: env.i18n, start: newTicket("3273", { ticketKind: "konsultasi", agencyId: "region" }) });
    mirror.show(c);
    await flush();
    const field = env.$<HTMLTextAreaElement>('[data-testid="mirror-input"]')!;
    assert.equal(field.tagName, "TEXTAREA", "a multiline field for the question");
    assert.equal(env.$("label")?.textContent, "Pertanyaan Anda", "labelled");
    field.focus();
    field.value = "<img src=x onerror=alert(1)>";
    field.dispatchEvent(new env.win.Event("input", { bubbles: true }) as unknown as Event);
    assert.equal(c.view.input?.value, "<img src=x onerror=alert(1)>", "the controller took the text");
    c.type("!");
    const same = env.$<HTMLTextAreaElement>('[data-testid="mirror-input"]')!;
    assert.equal(same, field, "typing on the panel does not rebuild the field");
    assert.equal(field.value, "<img src=x onerror=alert(1)>!", "the panel's key shows in the mirror");
    assert.equal(env.doc.activeElement, field, "focus stays in the field");
    assert.equal(env.$$("img").length, 0, "the text never became markup");
    assert.match(env.$('[data-testid="mirror-input-hint"]')?.textContent ?? "", /^29 dari 4000/, "the hint follows");
    field.value = "x".repeat(4001);
    field.dispatchEvent(new env.win.Event("input", { bubbles: true }) as unknown as Event);
    assert.equal(field.value, "<img src=x onerror=alert(1)>!", "past the limit the field goes back to the kept draft");
    env.$<HTMLButtonElement>('[data-item-id="next"]')!.click();
    await flush();
    assert.equal(env.$<HTMLInputElement>('[data-testid="mirror-input"]')?.tagName, "INPUT", "the contact is a one-line field");
    env.close();
  });

  it("opens Ask and Rate from a service's actions", async () => {
    const env = domEnv();
    const mirror = createServiceMirror(env.root, { i18n: env.i18n });
    const c = createKioskController({ api, i18n: env.i18n, start: { kind: "service", serviceId: paspor.id } });
    mirror.show(c);
    await flush();
    env.$<HTMLButtonElement>('[data-testid="mirror-action-rate"]')!.click();
    await flush();
    assert.equal(c.view.screen.kind, "survey", "Rate opens the SKM");
    assert.match(env.$('[data-testid="mirror-panel"]')?.textContent ?? "", /Pertanyaan 1 dari 9/, "its first question in the mirror");
    c.back();
    await flush();
    env.$<HTMLButtonElement>('[data-testid="mirror-action-ask"]')!.click();
    await flush();
    assert.equal(c.view.screen.kind, "ticket", "Ask opens the question/complaint screens");
    env.close();
  });
});
