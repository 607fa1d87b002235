import { useEffect, useRef, useState } from 'react';

/**
 * `value`, shown again at most once every `intervalMs` (ms): the first change shows at once (after
 * a zero-delay timer), later ones wait until `intervalMs` after the last shown change, and the
 * latest value always shows in the end. For figures that change at every frame of a stream (a
 * live step's token count) but are read a few times a second: between updates the component
 * renders the same text, so the browser has nothing to restyle, lay out or paint.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const shownAt = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = Math.max(0, shownAt.current + intervalMs - performance.now());
    const timer = setTimeout(() => {
      shownAt.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);
  return shown;
}
