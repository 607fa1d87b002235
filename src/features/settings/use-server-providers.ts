import { useQuery } from '@tanstack/react-query';
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

async function fetchServerProviders(signal: AbortSignal): Promise<ServerProviders> {
  try {
    const response = await fetch('/api/server-providers', { signal });
    if (!response.ok) return NONE;
    const parsed = v.safeParse(ServerProviders, await response.json());
    return parsed.success ? parsed.output : NONE;
  } catch {
    return NONE;
  }
}

/** The Demo provider and any upstream the server was started with (`GET /api/server-providers`). */
export function useServerProviders() {
  return useQuery({
    queryKey: ['server-providers'],
    queryFn: ({ signal }) => fetchServerProviders(signal),
    staleTime: Infinity,
  });
}
