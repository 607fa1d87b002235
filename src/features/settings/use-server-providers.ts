import { useSyncExternalStore } from 'react';
import * as v from 'valibot';
import type { ServerProvider } from '../../providers/provider-presets';

const ServerProviders = v.object({
  providers: v.array(
    v.object({
      id: v.string(),
      name: v.string(),
      baseUrl: v.string(),
      model: v.string(),
      kind: v.picklist(['proxy', 'demo']),
    }),
  ),
  defaultProviderId: v.string(),
});

/** What Ruminate's own server offers; empty when the app is served by a plain static host. */
export interface ServerProviders {
  providers: ServerProvider[];
  defaultProviderId: string | undefined;
}

const NONE: ServerProviders = { providers: [], defaultProviderId: undefined };

async function fetchServerProviders(): Promise<ServerProviders> {
  try {
    const response = await fetch('/api/server-providers');
    if (!response.ok) return NONE;
    const parsed = v.safeParse(ServerProviders, await response.json());
    return parsed.success ? parsed.output : NONE;
  } catch {
    return NONE;
  }
}

/** The server's providers, once known. */
export interface ServerProvidersState {
  /** `undefined` until the request has finished. */
  data: ServerProviders | undefined;
  isPending: boolean;
}

// Asked once per page load, and not through TanStack Query: the first screen needs this answer,
// and should not wait for that library's code, which only Settings uses.
let state: ServerProvidersState = { data: undefined, isPending: true };
let request: Promise<void> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  request ??= fetchServerProviders().then((data) => {
    state = { data, isPending: false };
    for (const notify of listeners) notify();
  });
  return () => listeners.delete(listener);
}

const getState = () => state;

/**
 * The Demo provider and any upstream the server was started with (`GET /api/server-providers`),
 * fetched once per page load; a failed request counts as "none".
 */
export function useServerProviders(): ServerProvidersState {
  return useSyncExternalStore(subscribe, getState, getState);
}
