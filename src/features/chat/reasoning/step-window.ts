/**
 * Which steps of a long trace are near the view, so the panel body mounts only those (the rest keep
 * their place as empty boxes of a measured or estimated height).
 */

/** The steps near the view, watched by one `IntersectionObserver`. */
export interface StepWindow {
  /**
   * Watches step `index`'s element; returns the function that stops watching it. The element's
   * `data-chars` (its text's length) is read when its height is measured.
   */
  observe(index: number, element: HTMLElement): () => void;
  /** Step `index` is within {@link NEAR_MARGIN} of the view (or has not been seen yet, see below). */
  isNear(index: number): boolean;
  /** Calls `onChange` when `isNear(index)` changes; returns the unsubscribe function. */
  subscribe(index: number, onChange: () => void): () => void;
  /**
   * The height, in CSS px, of step `index` while it is not mounted: as measured when it was last
   * mounted, else estimated from its length (`chars`, UTF-16 code units) at the px per character
   * measured so far.
   */
  placeholderHeight(index: number, chars: number): number;
  /** Stops observing everything. */
  disconnect(): void;
}

/**
 * How far beyond the view a step still counts as near, as a CSS margin: the view's size above and
 * below, applied to the page and, through `scrollMargin`, to the panel's own scroll box.
 */
export const NEAR_MARGIN = '100% 0px';

/**
 * Before the observer has reported on a step it counts as near when it is among the first
 * {@link HEAD_STEPS} or the last {@link TAIL_STEPS} that were there when the window was made, or
 * was added after (a streamed step starts at the bottom, where a reader following it is).
 */
export const HEAD_STEPS = 8;
/** See {@link HEAD_STEPS}. */
export const TAIL_STEPS = 2;

/** Px per UTF-16 code unit until enough steps were measured (text-sm, ~90 characters a line). */
const DEFAULT_PX_PER_CHAR = 0.3;
/** Characters measured before the measured ratio replaces the default. */
const MIN_MEASURED_CHARS = 2000;

/**
 * A window over a trace of `initialCount` steps. Without `IntersectionObserver` (old browsers,
 * jsdom) every step counts as near.
 */
export function createStepWindow(initialCount: number): StepWindow {
  const near = new Map<number, boolean>();
  const heights = new Map<number, number>();
  const listeners = new Map<number, Set<() => void>>();
  const indexOf = new WeakMap<Element, number>();
  let measuredPx = 0;
  let measuredChars = 0;

  const onEntries = (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      const index = indexOf.get(entry.target);
      if (index === undefined) continue;
      const target = entry.target as HTMLElement;
      // Only a mounted step (it has content) tells its real height.
      if (target.childElementCount > 0) {
        const height = entry.boundingClientRect.height;
        const chars = Number(target.dataset.chars ?? 0);
        if (height > 0) {
          heights.set(index, height);
          measuredPx += height;
          measuredChars += chars;
        }
      }
      const isNear = entry.isIntersecting;
      if (near.get(index) === isNear) continue;
      near.set(index, isNear);
      for (const listener of listeners.get(index) ?? []) listener();
    }
  };
  const observer =
    typeof IntersectionObserver === 'undefined'
      ? undefined
      : new IntersectionObserver(onEntries, {
          rootMargin: NEAR_MARGIN,
          scrollMargin: NEAR_MARGIN,
        });

  return {
    observe(index, element) {
      if (observer === undefined) return () => {};
      indexOf.set(element, index);
      observer.observe(element);
      return () => {
        observer.unobserve(element);
        indexOf.delete(element);
      };
    },
    isNear(index) {
      if (observer === undefined) return true;
      return near.get(index) ?? (index < HEAD_STEPS || index >= initialCount - TAIL_STEPS);
    },
    subscribe(index, onChange) {
      let set = listeners.get(index);
      if (set === undefined) listeners.set(index, (set = new Set()));
      set.add(onChange);
      return () => {
        set.delete(onChange);
        if (set.size === 0) listeners.delete(index);
      };
    },
    placeholderHeight(index, chars) {
      const measured = heights.get(index);
      if (measured !== undefined) return measured;
      const ratio =
        measuredChars >= MIN_MEASURED_CHARS ? measuredPx / measuredChars : DEFAULT_PX_PER_CHAR;
      return Math.max(24, Math.round(chars * ratio));
    },
    disconnect() {
      observer?.disconnect();
    },
  };
}
