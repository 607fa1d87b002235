import { useQuery } from '@tanstack/react-query';
import * as v from 'valibot';
import { joinUrl } from '../../core/requests/provider-request';
import { readHttpError } from '../../providers/http-error';

const ModelList = v.object({ data: v.array(v.object({ id: v.string() })) });

async function fetchModels(
  baseUrl: string,
  apiKey: string,
  signal: AbortSignal,
): Promise<string[]> {
  const headers: Record<string, string> = {};
  if (apiKey.trim() !== '') headers.Authorization = `Bearer ${apiKey.trim()}`;
  const response = await fetch(joinUrl(baseUrl, 'models'), { headers, signal });
  if (!response.ok) throw await readHttpError(response);
  const parsed = v.safeParse(ModelList, await response.json());
  if (!parsed.success) throw new Error('The provider’s model list has an unexpected shape.');
  return parsed.output.data.map((model) => model.id).sort((a, b) => a.localeCompare(b));
}

/** The provider's models from `GET {baseUrl}/models`, cached per base URL and key. */
export function useModels(baseUrl: string, apiKey: string) {
  return useQuery({
    queryKey: ['models', baseUrl, apiKey],
    queryFn: ({ signal }) => fetchModels(baseUrl, apiKey, signal),
    enabled: baseUrl.trim() !== '',
  });
}
