// A region's MPP (status, address, source, opening hours per weekday) and its agencies with their
// counters: kept by region admins (and province admins), through drafts and review like services.
import { AGENCY_LEVELS, MPP_STATUSES } from "../../domain/types";
import { dayText, WEEKDAYS, type AgencyFields, type RegionFields, type WeekHours } from "../../domain/admin/record-fields";
import { field, h, select } from "../dom";
import type { ViewContext } from "../shell";
import type { StringKey } from "../strings";
import { ApiError } from "../api";

interface RecordAnswer<F> {
  id: string;
  published: (F & Record<string, unknown>) | null;
  draft: { status: string; fields: F; authors: string[]; changeNote: string; changes: Array<{ field: string; before: unknown; after: unknown }> } | null;
  can: { edit: boolean; review: boolean; reviewNeedsReason: boolean };
}

/** "08:00-12:00, 13:00-15:00" / "tutup" / "" -> intervals / [] / null; undefined when unreadable. */
export function parseDay(text: string): WeekHours["mon"] | undefined {
  const t = text.trim().toLowerCase();
  if (t === "") return null;
  if (t === "tutup" || t === "closed") return [];
  const parts = t.split(",").map((p) => p.trim());
  const out: Array<{ open: string; close: string }> = [];
  for (const p of parts) {
    const m = /^([01]\d|2[0-3])[:.]([0-5]\d)\s*-\s*([01]\d|2[0-3])[:.]([0-5]\d)$/.exec(p);
    if (!m) return undefined;
    out.push({ open: `${m[1]}:${m[2]}`, close: `${m[3]}:${m[4]}` });
  }
  return out;
}

function reviewBox(ctx: ViewContext, path: string, rec: RecordAnswer<unknown>, reload: () => Promise<void>): HTMLElement | null {
  const { doc, i18n, api } = ctx;
  const parts: HTMLElement[] = [];
  const act = (method: "POST", url: string, body: unknown, done: StringKey) => async () => {
    try { await api.send(method, url, body); ctx.say(i18n.t(done)); await reload(); } catch (err) { ctx.fail(err); }
  };
  if (rec.draft?.status === "draft" && rec.can.edit) {
    const b = h(doc, "button", { type: "button", class: "adm-button" }, i18n.t("action.submit"));
    b.addEventListener("click", () => void act("POST", `${path}/submit`, {}, "msg.submitted")());
    parts.push(b);
  }
  if (rec.can.review && rec.draft) {
    const reason = field(doc, { label: rec.can.reviewNeedsReason ? i18n.t("action.reasonOwn") : i18n.t("action.reason"), name: "reason", value: "", multiline: true, rows: 2 });
    const pub = h(doc, "button", { type: "button", class: "adm-button adm-button--primary" }, i18n.t("action.publish"));
    const rej = h(doc, "button", { type: "button", class: "adm-button" }, i18n.t("action.reject"));
    pub.addEventListener("click", () => void act("POST", `${path}/publish`, reason.input.value.trim() ? { reason: reason.input.value.trim() } : {}, "msg.published")());
    rej.addEventListener("click", () => void act("POST", `${path}/reject`, { reason: reason.input.value }, "msg.rejected")());
    parts.push(reason.wrap, pub, rej);
  }
  if (rec.draft) {
    parts.unshift(h(doc, "p", {}, i18n.t("service.draftState", { status: i18n.t(`status.${rec.draft.status}` as StringKey), authors: rec.draft.authors.join(", "), note: rec.draft.changeNote })));
  }
  return parts.length ? h(doc, "section", { class: "adm-actions", "aria-label": i18n.t("service.section.actions") }, ...parts) : null;
}

export async function regionView(ctx: ViewContext, params: string[]): Promise<void> {
  const { doc, i18n, api } = ctx;
  const code = params[0] || ctx.officer.region || "3273";
  const rec = await api.get<RecordAnswer<RegionFields> & { published: RegionFields & { name: string } }>(`/admin/regions/${code}`);
  const f = rec.draft?.fields ?? rec.published!;
  const status = select(doc, { label: i18n.t("region.status"), name: "mppStatus", value: f.mppStatus, options: MPP_STATUSES.map((s) => [s, s]) });
  const address = field(doc, { label: i18n.t("region.address"), name: "mppAddress", value: f.mppAddress ?? "", maxLength: 300 });
  const note = field(doc, { label: i18n.t("region.note"), name: "mppNote", value: f.mppNote ?? "", multiline: true, rows: 2 });
  const source = field(doc, { label: i18n.t("region.source"), name: "mppSource", value: f.mppSource ?? "", multiline: true, rows: 2 });
  const days = WEEKDAYS.map((d) => [d, field(doc, { label: i18n.t(`day.${d}` as StringKey), name: `hours.${d}`, value: f.hours && f.hours[d] !== null ? dayText(f.hours[d], "id") : "", hint: d === "mon" ? i18n.t("region.hoursHint") : undefined })] as const);
  const change = field(doc, { label: i18n.t("field.changeNote"), name: "changeNote", value: "", required: true, maxLength: 1000 });
  const save = h(doc, "button", { type: "button", class: "adm-button adm-button--primary", disabled: !rec.can.edit }, i18n.t("action.saveDraft"));
  save.addEventListener("click", () => void (async () => {
    const hours = {} as Record<string, WeekHours["mon"]>;
    for (const [d, fld] of days) {
      const v = parseDay(fld.input.value);
      if (v === undefined) { ctx.say(`${i18n.t(`day.${d}` as StringKey)}: ${i18n.t("region.hoursHint")}`, "error"); fld.input.focus(); return; }
      hours[d] = v;
    }
    const anyKnown = Object.values(hours).some((v) => v !== null);
    try {
      await api.send("PUT", `/admin/regions/${code}/draft`, {
        region: { mppStatus: status.input.value, mppAddress: address.input.value, mppNote: note.input.value, mppSource: source.input.value, hours: anyKnown ? hours : null },
        changeNote: change.input.value,
      });
      ctx.say(i18n.t("msg.saved"));
      await regionView(ctx, params);
    } catch (err) { ctx.fail(err instanceof ApiError ? err : err); }
  })());
  const agencies = await api.get<{ region: { agencies: Array<{ id: string; name: string; counters: Array<{ label: string }> }> } }>(`/regions/${code}`);
  ctx.main.replaceChildren(
    h(doc, "h2", {}, i18n.t("region.heading", { name: rec.published?.name ?? code })),
    h(doc, "form", { "aria-label": i18n.t("nav.region") },
      h(doc, "fieldset", { class: "adm-group" }, h(doc, "legend", {}, i18n.t("region.status")), status.wrap, address.wrap, note.wrap, source.wrap),
      h(doc, "fieldset", { class: "adm-group" }, h(doc, "legend", {}, i18n.t("region.hours")), ...days.map(([, fld]) => fld.wrap)),
      change.wrap, save),
    ...[reviewBox(ctx, `/admin/regions/${code}`, rec, () => regionView(ctx, params))].filter((x): x is HTMLElement => x !== null),
    h(doc, "h3", {}, i18n.t("region.agencies")),
    h(doc, "ul", {}, ...agencies.region.agencies.map((a) => h(doc, "li", {}, h(doc, "a", { href: `#/instansi/${a.id}` }, a.name), ` · ${a.counters.map((c) => c.label).join(", ")}`))));
}

export async function agencyView(ctx: ViewContext, params: string[]): Promise<void> {
  const { doc, i18n, api } = ctx;
  const id = params[0]!;
  const rec = await api.get<RecordAnswer<AgencyFields>>(`/admin/agencies/${id}`);
  const f = rec.draft?.fields ?? rec.published!;
  const name = field(doc, { label: i18n.t("field.name"), name: "name", value: f.name, maxLength: 300 });
  const nameEn = field(doc, { label: i18n.t("field.nameEn"), name: "nameEn", value: f.nameEn, maxLength: 300 });
  const shortName = field(doc, { label: i18n.t("agency.shortName"), name: "shortName", value: f.shortName, maxLength: 40 });
  const level = select(doc, { label: i18n.t("agency.level"), name: "level", value: f.level, options: AGENCY_LEVELS.map((l) => [l, l]) });
  const note = field(doc, { label: i18n.t("region.note"), name: "note", value: f.note ?? "", multiline: true, rows: 2 });
  const counters = field(doc, { label: i18n.t("agency.counters"), name: "counters", value: f.counters.map((c) => c.label).join("\n"), multiline: true, rows: 3 });
  const change = field(doc, { label: i18n.t("field.changeNote"), name: "changeNote", value: "", required: true, maxLength: 1000 });
  const save = h(doc, "button", { type: "button", class: "adm-button adm-button--primary", disabled: !rec.can.edit }, i18n.t("action.saveDraft"));
  save.addEventListener("click", () => void (async () => {
    // Counters keep their ids by position among the labels still listed.
    const labels = counters.input.value.split("\n").map((l) => l.trim()).filter(Boolean);
    const list = labels.map((label, i) => ({ id: f.counters[i]?.id ?? null, label }));
    try {
      await api.send("PUT", `/admin/agencies/${id}/draft`, { agency: { name: name.input.value, nameEn: nameEn.input.value, shortName: shortName.input.value, level: level.input.value, note: note.input.value || null, counters: list }, changeNote: change.input.value });
      ctx.say(i18n.t("msg.saved"));
      await agencyView(ctx, params);
    } catch (err) { ctx.fail(err); }
  })());
  ctx.main.replaceChildren(
    h(doc, "h2", {}, i18n.t("agency.heading", { name: f.name })),
    h(doc, "form", { "aria-label": f.name }, h(doc, "fieldset", { class: "adm-group" }, h(doc, "legend", {}, id), name.wrap, nameEn.wrap, shortName.wrap, level.wrap, note.wrap, counters.wrap), change.wrap, save),
    ...[reviewBox(ctx, `/admin/agencies/${id}`, rec, () => agencyView(ctx, params))].filter((x): x is HTMLElement => x !== null));
}
