// The review queue (drafts waiting for review that this officer may decide) and one's own drafts.
import type { DraftListItem } from "../../domain/admin/shapes";
import { h } from "../dom";
import { formatTime } from "../i18n";
import type { ViewContext } from "../shell";
import type { StringKey } from "../strings";

const LINK: Record<DraftListItem["kind"], string> = { service: "layanan", agency: "instansi", region: "wilayah" };

function list(ctx: ViewContext, drafts: DraftListItem[], testid: string): HTMLElement {
  const { doc, i18n } = ctx;
  if (drafts.length === 0) return h(doc, "p", {}, i18n.t("reviews.none"));
  return h(doc, "ul", { class: "adm-drafts", "data-testid": testid }, ...drafts.map((d) => h(doc, "li", { "data-id": d.entityId },
    h(doc, "a", { href: `#/${LINK[d.kind]}/${encodeURIComponent(d.entityId)}` }, d.title),
    ` (${d.entityId}) · ${i18n.t(`status.${d.status}` as StringKey)} · ${d.authors.join(", ")} · ${formatTime(d.submittedAt ?? d.updatedAt)} · `,
    h(doc, "q", {}, d.changeNote),
    d.status === "in_review" && !d.canReview ? ` ${i18n.t("reviews.cannot")}` : null)));
}

export async function reviewsView(ctx: ViewContext): Promise<void> {
  const { doc, i18n } = ctx;
  const [queue, mine] = await Promise.all([
    ctx.api.get<{ drafts: DraftListItem[] }>("/admin/drafts?status=in_review"),
    ctx.api.get<{ drafts: DraftListItem[] }>("/admin/drafts?mine=true"),
  ]);
  ctx.main.replaceChildren(
    h(doc, "h2", {}, i18n.t("reviews.heading")),
    list(ctx, queue.drafts.filter((d) => d.canReview), "review-queue"),
    h(doc, "h3", {}, i18n.t("reviews.mine")),
    list(ctx, mine.drafts, "my-drafts"));
}
