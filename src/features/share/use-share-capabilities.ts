import { useEffect, useState } from 'react';
import { fetchShareCapabilities, type ShareCapabilities } from './share-api';

let request: Promise<ShareCapabilities | undefined> | undefined;

/**
 * Whether this server stores short links, asked once per page load: `'pending'` until known,
 * `undefined` when it does not (a static deploy, or `RUMINATE_SHARES=off`).
 */
export function useShareCapabilities(): ShareCapabilities | undefined | 'pending' {
  const [capabilities, setCapabilities] = useState<ShareCapabilities | undefined | 'pending'>(
    'pending',
  );
  useEffect(() => {
    let isCurrent = true;
    request ??= fetchShareCapabilities();
    void request.then((value) => {
      if (isCurrent) setCapabilities(value);
    });
    return () => {
      isCurrent = false;
    };
  }, []);
  return capabilities;
}
