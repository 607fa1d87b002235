import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { canListModels, type ModelsRequestInput } from '../../core/requests/models-request';
import { listModels } from './list-models';

/** Quiet time after the last edit of the base URL, key or API style before the list is fetched. */
export const MODELS_DEBOUNCE_MS = 500;

/** `value` once it has stayed the same for `ms`. */
function useSettledValue(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The provider's models, from its API style's models endpoint (see `buildModelsRequest`), cached
 * per API style, base URL and key. Nothing is sent until the base URL is usable and, when the
 * provider needs one (`needsKey`), a key is typed; edits settle for {@link MODELS_DEBOUNCE_MS}
 * first, so typing a URL or key sends one request, not one per keystroke.
 */
export function useModels(input: ModelsRequestInput, needsKey: boolean) {
  const key = useSettledValue(
    JSON.stringify([input.apiStyle, input.baseUrl.trim(), input.apiKey.trim()]),
    MODELS_DEBOUNCE_MS,
  );
  const [apiStyle, baseUrl, apiKey] = JSON.parse(key) as [
    ModelsRequestInput['apiStyle'],
    string,
    string,
  ];
  const settled: ModelsRequestInput = { apiStyle, baseUrl, apiKey };
  return useQuery({
    queryKey: ['models', apiStyle, baseUrl, apiKey],
    queryFn: ({ signal }) => listModels(settled, signal),
    enabled: canListModels(settled, needsKey),
    retry: false,
  });
}
