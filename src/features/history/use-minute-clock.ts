import { useEffect, useState } from 'react';

/** The time in epoch ms, updated once a minute (for relative dates such as "5 minutes ago"). */
export function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
