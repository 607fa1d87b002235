import { useEffect, useState } from 'react';

/** The current time in epoch ms, refreshed every `intervalMs` while `isRunning`. */
export function useNow(isRunning: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [isRunning, intervalMs]);
  return now;
}
