// The listener list every presence part keeps for its onChange/onEvent: add (returns the remover),
// tell all (a copy, so a listener may remove itself), forget all on dispose.

export interface Listeners<T> {
  /** Adds a listener; returns the function that removes it. */
  add(listener: (value: T) => void): () => void;
  tell(value: T): void;
  clear(): void;
}

export function createListeners<T>(): Listeners<T> {
  const set = new Set<(value: T) => void>();
  return {
    add(listener) {
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    tell(value) {
      for (const l of [...set]) l(value);
    },
    clear: () => set.clear(),
  };
}
