// "Take it home" under an open service in the page (the kiosk's DOM mirror): copy the link,
// share it on WhatsApp, download or print the requirements as a checklist, and the visit card of
// the region's physical MPP (address, hours, contact where known, a locator map drawn here as
// SVG: no tiles from another origin). At a lobby screen a QR code (the `qrcode` package, drawn
// locally) takes the checklist to the visitor's phone instead of a download nobody can carry.
// Links point at /layanan: light on a phone's data, and it has the checklist and the way back to 3D.
import { checklistFileName, checklistText } from "../../domain/checklist";
import { takeHome, whatsappHref, type TakeHomeKey } from "../../domain/take-home-text";
import { localizeVisit, type LocalText, type MppVisit } from "../../domain/visit";
import { locatorMap } from "../../domain/visit-map";
import type { UiLang } from "../../domain/words/langs";
import type { Phrasebook } from "../../domain/words/phrasebook";
import type { KioskView } from "../kiosk/screens/registry";
import { el } from "./dom";
import { textVersionHref } from "./text-version";

const SVG = "http://www.w3.org/2000/svg";

export interface TakeHomeDeps {
  doc: Document;
  i18n: { readonly uiLang?: UiLang; readonly lang: "id" | "en"; readonly phrasebook?: Phrasebook | null };
  /** This site's origin, e.g. "https://mpp.jabarprov.go.id". */
  origin: string;
  /** A lobby screen: QR code instead of download and copy. */
  kioskMode: boolean;
  visit(code: string): Promise<MppVisit | null>;
  regions(): readonly { code: string; name: string; lat: number; lon: number }[];
  /** The QR code's dark modules (qrcode's create()); absent where not loaded. */
  qrModules?: (text: string) => Promise<{ size: number; get(row: number, col: number): boolean | number }>;
  clipboard?: { writeText(text: string): Promise<void> } | null;
  print?: () => void;
}

export interface TakeHome {
  /** The block for a view: nodes for a service screen, [] for any other. */
  render(view: KioskView): Node[];
}

export function createTakeHome(deps: TakeHomeDeps): TakeHome {
  const { doc } = deps;
  const visits = new Map<string, Promise<MppVisit | null>>();
  const lang = (): UiLang => deps.i18n.uiLang ?? deps.i18n.lang;
  const th = (k: TakeHomeKey, p: Record<string, string> = {}) => takeHome(lang(), k, p);

  function text(x: LocalText): Node[] {
    const span = el(doc, "span", { lang: x.lang !== lang() ? x.lang : null }, x.text);
    return x.lang !== lang() ? [span, el(doc, "span", { class: "mpp-take__marker" }, ` (${th("untranslated")})`)] : [span];
  }

  function map(code: string, name: string): Element | null {
    const regions = deps.regions();
    if (regions.length === 0) return null;
    const m = locatorMap(regions, code);
    const svg = doc.createElementNS(SVG, "svg");
    for (const [k, v] of Object.entries({ viewBox: `0 0 ${m.width} ${m.height}`, role: "img", "aria-label": `${th("map")}: ${name}`, class: "mpp-take__map" })) svg.setAttribute(k, v);
    const bg = doc.createElementNS(SVG, "rect");
    bg.setAttribute("width", String(m.width)); bg.setAttribute("height", String(m.height)); bg.setAttribute("rx", "8");
    svg.appendChild(bg);
    for (const p of m.points) {
      const c = doc.createElementNS(SVG, "circle");
      c.setAttribute("cx", String(p.x)); c.setAttribute("cy", String(p.y)); c.setAttribute("r", p.highlighted ? "7" : "3");
      if (p.highlighted) c.setAttribute("class", "here");
      svg.appendChild(c);
    }
    return el(doc, "figure", {}, svg, el(doc, "figcaption", {}, th("mapNote")));
  }

  function visitCard(code: string, regionName: string): HTMLElement {
    const box = el(doc, "div", { class: "mpp-take__visit", "data-testid": "visit-card" }, el(doc, "h4", {}, th("visit")));
    let pending = visits.get(code);
    if (!pending) { pending = deps.visit(code).catch(() => null); visits.set(code, pending); }
    void pending.then((v) => {
      const shown = lang();
      if (!v) { box.append(el(doc, "p", {}, th("noMpp", { region: regionName }))); }
      else {
        const l = localizeVisit(v, shown, deps.i18n.phrasebook ?? null);
        box.append(el(doc, "dl", {},
          el(doc, "dt", {}, th("address")), el(doc, "dd", { "data-testid": "visit-address" }, ...(l.address ? text(l.address.text) : [th("contactUnknown").split(":")[0]!])),
          el(doc, "dt", {}, th("hours")), el(doc, "dd", {}, ...(l.hours.length ? l.hours.flatMap((h) => [...text(h.label), ": ", ...text(h.text), el(doc, "br")]) : [th("contactUnknown").split(":")[0]!])),
          el(doc, "dt", {}, th("contact")), el(doc, "dd", { "data-testid": "visit-contact" }, th("contactUnknown"))));
      }
      const figure = map(code, regionName);
      if (figure) box.append(figure);
    });
    return box;
  }

  async function qr(url: string, holder: HTMLElement): Promise<void> {
    if (!deps.qrModules) return;
    const m = await deps.qrModules(url);
    const quiet = 4;
    const n = m.size + quiet * 2;
    const svg = doc.createElementNS(SVG, "svg");
    for (const [k, v] of Object.entries({ viewBox: `0 0 ${n} ${n}`, role: "img", "aria-label": th("qrAlt", { url }), class: "mpp-take__qr", "shape-rendering": "crispEdges", "data-testid": "take-home-qr" })) svg.setAttribute(k, v);
    const bg = doc.createElementNS(SVG, "rect");
    bg.setAttribute("width", String(n)); bg.setAttribute("height", String(n)); bg.setAttribute("fill", "#fff");
    svg.appendChild(bg);
    // One path for every dark module: a few kilobytes of DOM, not hundreds of rects.
    let d = "";
    for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) if (m.get(r, c)) d += `M${c + quiet} ${r + quiet}h1v1h-1z`;
    const path = doc.createElementNS(SVG, "path");
    path.setAttribute("d", d); path.setAttribute("fill", "#000");
    svg.appendChild(path);
    holder.replaceChildren(svg, el(doc, "p", {}, th("qrTitle")));
  }

  function render(view: KioskView): Node[] {
    if (view.screen.kind !== "service" || view.status !== "ready") return [];
    const serviceId = (view.screen as { serviceId: string }).serviceId;
    const code = serviceId.slice(0, 4);
    const l = lang();
    const url = `${deps.origin}${textVersionHref(l, code, serviceId)}`;
    const regionName = view.subtitle?.split(" · ").pop() ?? code;
    const verification = view.notice && (view.notice.kind === "verified" || view.notice.kind === "unverified") ? view.notice.text : null;
    const checklist = () => checklistText({ title: view.title, subtitle: view.subtitle, sections: view.sections, verification }, l, url);
    const status = el(doc, "p", { class: "mpp-take__status", role: "status", "data-testid": "take-home-status" });
    const link = el(doc, "input", { type: "text", readonly: true, value: url, class: "mpp-mirror__input", id: "mpp-take-link", "data-testid": "take-home-link" }) as HTMLInputElement;
    const buttons: Node[] = [];
    if (!deps.kioskMode) {
      const copy = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "take-home-copy" }, th("copyLink"));
      copy.addEventListener("click", () => {
        const done = () => { status.textContent = th("copied"); };
        const failed = () => { link.select(); status.textContent = th("copyFailed"); };
        if (deps.clipboard) deps.clipboard.writeText(url).then(done, failed); else failed();
      });
      const download = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "take-home-download" }, th("download"));
      download.addEventListener("click", () => {
        const blob = new (doc.defaultView!.Blob)([checklist()], { type: "text/plain;charset=utf-8" });
        const href = doc.defaultView!.URL.createObjectURL(blob);
        const a = el(doc, "a", { href, download: checklistFileName(serviceId, l), hidden: true });
        doc.body.appendChild(a); a.click(); a.remove();
        setTimeout(() => doc.defaultView!.URL.revokeObjectURL(href), 10_000);
      });
      const print = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "take-home-print" }, th("print"));
      print.addEventListener("click", () => (deps.print ?? (() => doc.defaultView?.print()))());
      buttons.push(copy,
        el(doc, "a", { class: "mpp-button", href: whatsappHref(th("whatsappText", { title: view.title, region: regionName, url })), target: "_blank", rel: "noopener noreferrer", "data-testid": "take-home-whatsapp" }, th("whatsapp")),
        download, print);
    }
    const qrHolder = el(doc, "div", { class: "mpp-take__qrbox" });
    if (deps.kioskMode) void qr(url, qrHolder).catch(() => { /* no QR: the link stays readable */ });
    return [el(doc, "section", { class: "mpp-take mpp-mirror__section", "aria-labelledby": "mpp-take-title", "data-testid": "take-home" },
      el(doc, "h3", { id: "mpp-take-title" }, th("share")),
      ...(deps.kioskMode ? [qrHolder] : []),
      el(doc, "label", { for: "mpp-take-link" }, th("linkLabel")), link,
      el(doc, "div", { class: "mpp-mirror__actions" }, ...buttons), status,
      visitCard(code, regionName))];
  }

  return { render };
}
