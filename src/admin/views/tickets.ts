// Questions and complaints inside the officers' workspace (#/tiket): the desk's section
// (src/desk/ticket-desk.ts, also served alone at /admin/tiket) mounted here, loaded on first use so
// the workspace's first load does not carry it. Its inbox is the officer's region or agency, most
// overdue first by the SP4N-LAPOR! clock.
import { todayWib } from "../../domain/time/wib";
import { h } from "../dom";
import type { ViewContext } from "../shell";

const STYLE_ID = "adm-desk-styles";

export async function ticketsView(ctx: ViewContext): Promise<void> {
  const { doc, i18n } = ctx;
  const [{ mountTicketDesk }, { createDeskApi }, css] = await Promise.all([
    import("../../desk/ticket-desk"), import("../../desk/desk-api"), import("../../desk/desk.css"),
  ]);
  if (!doc.getElementById(STYLE_ID)) doc.head.appendChild(Object.assign(doc.createElement("style"), { id: STYLE_ID, textContent: css.default }));
  const section = h(doc, "div", { "data-testid": "admin-tickets" });
  ctx.main.replaceChildren(h(doc, "h2", {}, i18n.t("nav.tickets")), section);
  mountTicketDesk(section, { api: createDeskApi(), officer: ctx.officer, lang: i18n.lang, year: Number(todayWib().slice(0, 4)) });
}
