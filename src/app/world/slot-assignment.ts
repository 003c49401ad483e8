// Gives the interior's counter slots to a region's agencies (assets/README.md): a slot whose default
// agency the region has keeps it; the other agencies fill the remaining slots in order.
export interface SlotDefault {
  slot: number;
  agency: string | null;
}

export function assignSlots<A extends { slug: string }>(slots: readonly SlotDefault[], agencies: readonly A[]): Map<number, A> {
  const ordered = [...slots].sort((a, b) => a.slot - b.slot);
  const bySlug = new Map(agencies.map((a) => [a.slug, a]));
  const result = new Map<number, A>();
  const placed = new Set<string>();
  for (const s of ordered) {
    const a = s.agency ? bySlug.get(s.agency) : undefined;
    if (a && !placed.has(a.slug)) {
      result.set(s.slot, a);
      placed.add(a.slug);
    }
  }
  const rest = agencies.filter((a) => !placed.has(a.slug));
  for (const s of ordered) {
    if (result.has(s.slot)) continue;
    const a = rest.shift();
    if (!a) break;
    result.set(s.slot, a);
  }
  return result;
}
