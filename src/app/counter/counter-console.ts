// The console of one counter: the number being served (large), the buttons (call next, call again,
// not present, served, transfer), the next numbers, and the day's counts. Every action sends the
// number the page shows (`expect`), so a double click or a second tab cannot call two numbers; the
// state refreshes every few seconds (new walk-ins, bookings becoming due).
import type { CounterState, Lang } from "../../domain/queue/shapes";
import { el } from "../ui/dom";
import { QueueApiError } from "../queue/queue-api";
import { qt, type QueueStringKey } from "../queue/strings";
import type { CounterAction, CounterApi } from "./counter-api";

export interface CounterConsole {
  readonly element: HTMLElement;
  refresh(): Promise<void>;
  dispose(): void;
}

export function createCounterConsole(doc: Document, deps: {
  api: CounterApi;
  counterId: string;
  lang: () => Lang;
  onChangeCounter(): void;
  onSignedOut(): void;
  refreshMs?: number;
}): CounterConsole {
  const win = doc.defaultView!;
  const t = (key: QueueStringKey, p?: Record<string, string | number>) => qt(deps.lang(), key, p);
  const element = el(doc, "section", { class: "qc-console", "data-testid": "counter-console" });
  const title = el(doc, "h1", { class: "qc-title" });
  const change = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "counter-change" }, t("counter.changeCounter"));
  const boardLink = el(doc, "a", { class: "mpp-button", target: "_blank", rel: "noopener" }, t("counter.board"));
  const current = el(doc, "div", { class: "qc-current", "aria-live": "polite" });
  const currentLabel = el(doc, "p", { class: "qc-current__label" }, t("counter.current"));
  const currentNumber = el(doc, "p", { class: "qc-current__number", "data-testid": "counter-current" }, "—");
  const currentDetail = el(doc, "p", { class: "qc-current__detail" });
  current.append(currentLabel, currentNumber, currentDetail);
  const button = (key: QueueStringKey, action: CounterAction, cls = "") => {
    const b = el(doc, "button", { type: "button", class: `mpp-button qc-action ${cls}`, "data-testid": `counter-${action}` }, t(key));
    b.addEventListener("click", () => void act(action));
    return b;
  };
  const callNext = button("counter.callNext", "call", "mpp-button--primary qc-action--main");
  const recall = button("counter.recall", "recall");
  const noShow = button("counter.noShow", "no-show");
  const served = button("counter.served", "served");
  const select = el(doc, "select", { class: "mpp-input qc-transfer__select", "data-testid": "counter-transfer-to", "aria-label": t("counter.transfer") });
  const transfer = button("counter.transferGo", "transfer");
  const transferRow = el(doc, "div", { class: "qc-transfer" }, el(doc, "label", { class: "mpp-label" }, t("counter.transfer")), select, transfer);
  const status = el(doc, "p", { class: "qc-status", role: "status", "data-testid": "counter-status" });
  const waiting = el(doc, "p", { class: "qc-waiting", "data-testid": "counter-waiting" });
  const later = el(doc, "p", { class: "mpp-muted" });
  const nextList = el(doc, "ol", { class: "qc-next" });
  const stats = el(doc, "p", { class: "mpp-muted" });
  element.append(
    el(doc, "div", { class: "qc-top" }, title, change, boardLink),
    current,
    el(doc, "div", { class: "qc-actions" }, callNext, recall, noShow, served),
    transferRow, status,
    el(doc, "div", { class: "qc-queue" }, waiting, later, el(doc, "h2", { class: "qc-h2" }, t("counter.next")), nextList, stats),
  );
  change.addEventListener("click", () => deps.onChangeCounter());

  let state: CounterState | null = null;
  let busy = false;

  function render(s: CounterState): void {
    state = s;
    title.textContent = `${t("board.counter", { label: s.counter.label })} · ${s.counter.agencyShortName}`;
    boardLink.setAttribute("href", `/?mode=board&region=${s.counter.regionCode}`);
    const c = s.current;
    currentNumber.textContent = c ? c.number : "—";
    currentDetail.textContent = c
      ? [c.kind === "booking" ? t("counter.kind.booking", { slot: c.slot ?? "" }) : t("counter.kind.walk_in"), t("counter.calls", { n: c.callCount })].join(" · ")
      : t("counter.currentNone");
    for (const b of [recall, noShow, served, transfer]) b.disabled = c === null || busy;
    callNext.disabled = busy;
    waiting.textContent = t("counter.waiting", { n: s.waiting });
    later.textContent = t("counter.later", { n: s.later });
    nextList.textContent = "";
    if (s.next.length === 0) nextList.append(el(doc, "li", { class: "mpp-muted" }, t("counter.nextNone")));
    for (const n of s.next) {
      const kind = n.kind === "booking" ? t("counter.kind.booking", { slot: n.slot ?? "" }) : t("counter.kind.walk_in");
      nextList.append(el(doc, "li", {}, el(doc, "strong", {}, n.number), ` ${kind}${n.transferred ? ` · ${t("counter.transferred")}` : ""}`));
    }
    stats.textContent = t("counter.stats", { served: s.servedToday, noShow: s.noShowToday });
    const chosen = select.value;
    select.textContent = "";
    for (const target of s.transferTargets) select.append(el(doc, "option", { value: target.id }, `${target.label} · ${target.agencyShortName}`));
    if (chosen) select.value = chosen;
  }

  function failed(err: unknown): void {
    if (err instanceof QueueApiError && err.status === 401) return deps.onSignedOut();
    status.textContent = err instanceof QueueApiError && err.kind === "http" ? t("counter.error", { message: err.message }) : t("counter.offline");
    status.dataset.kind = "error";
  }

  async function refresh(): Promise<void> {
    try {
      render(await deps.api.state(deps.counterId));
    } catch (err) {
      failed(err);
    }
  }

  async function act(action: CounterAction): Promise<void> {
    if (busy || !state) return;
    busy = true;
    render(state);
    status.textContent = "";
    delete status.dataset.kind;
    try {
      const body = { expect: state.current?.number ?? null, ...(action === "transfer" ? { to: select.value } : {}) };
      render(await deps.api.act(deps.counterId, action, body));
    } catch (err) {
      failed(err);
      if (err instanceof QueueApiError && err.code === "counter_moved") await refresh();
    } finally {
      busy = false;
      if (state) render(state);
    }
  }

  const timer = win.setInterval(() => { if (!busy) void refresh(); }, deps.refreshMs ?? 4000);
  return {
    element,
    refresh,
    dispose() {
      win.clearInterval(timer);
      element.remove();
    },
  };
}
