/**
 * A `ResizeObserver` stand-in for jsdom, which has none: tests call {@link resizeAll} to deliver
 * what the browser would after a layout.
 */
const observers = new Set<FakeResizeObserver>();

class FakeResizeObserver {
  private readonly targets = new Set<Element>();
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element): void {
    this.targets.add(target);
    observers.add(this);
  }
  unobserve(target: Element): void {
    this.targets.delete(target);
  }
  disconnect(): void {
    this.targets.clear();
    observers.delete(this);
  }
  deliver(): void {
    if (this.targets.size === 0) return;
    const entries = [...this.targets].map((target) => ({ target }) as ResizeObserverEntry);
    this.callback(entries, this as unknown as ResizeObserver);
  }
}

/** Installs the fake as `globalThis.ResizeObserver`; returns a function that removes it. */
export function installFakeResizeObserver(): () => void {
  const previous = globalThis.ResizeObserver;
  globalThis.ResizeObserver = FakeResizeObserver as unknown as typeof ResizeObserver;
  return () => {
    observers.clear();
    globalThis.ResizeObserver = previous;
  };
}

/** Calls every connected observer back with all of its targets, as after a layout. */
export function resizeAll(): void {
  for (const observer of [...observers]) observer.deliver();
}
