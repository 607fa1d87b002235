import { useEffect, useState } from 'react';
import { subscribeToTicks } from './tick-clock';

/**
 * The current time in epoch ms, refreshed every `intervalMs` while `isRunning`. Every clock on the
 * page ticks from one timer (see `subscribeToTicks`), so clocks due together re-render in one
 * React render rather than one each.
 */
export function useNow(isRunning: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isRunning) return;
    return subscribeToTicks(intervalMs, () => setNow(Date.now()));
  }, [isRunning, intervalMs]);
  return now;
}
