import {
  connectionVerdict,
  type ConnectionOutcome,
  type ConnectionVerdict,
} from '../../core/requests/connection-verdict';
import {
  buildModelsRequest,
  isUsableBaseUrl,
  readModelIds,
  type ModelsRequestInput,
} from '../../core/requests/models-request';
import { connectionContext } from '../../providers/connection-context';
import { readHttpError } from '../../providers/http-error';
import { probeReachability } from '../../providers/probe-reachability';

/** How long Test connection waits for an answer, in seconds. */
export const TEST_TIMEOUT_S = 10;

/** A model list that could not be had, with the verdict that says why. */
export class ModelListError extends Error {
  constructor(readonly verdict: ConnectionVerdict) {
    super(verdict.line);
    this.name = 'ModelListError';
  }
}

/**
 * Asks the provider for its models (`GET /models`, or `/v1/models` for Anthropic) and says how it
 * went. A rejected fetch is probed once more to tell "nothing listening" from "CORS refused".
 * @throws the `AbortError` when `signal` aborts for a reason other than the timeout.
 */
async function contact(
  input: ModelsRequestInput,
  signal: AbortSignal,
  timeoutS: number,
): Promise<{ outcome: ConnectionOutcome; ids?: string[] }> {
  if (!isUsableBaseUrl(input.baseUrl)) return { outcome: { kind: 'invalid-url' } };
  const request = buildModelsRequest(input);
  const timeout = AbortSignal.timeout(timeoutS * 1000);
  const combined = AbortSignal.any([signal, timeout]);
  try {
    const response = await fetch(request.url, { headers: request.headers, signal: combined });
    if (!response.ok) {
      const error = await readHttpError(response);
      return {
        outcome: { kind: 'http-error', status: error.status, message: error.providerError.message },
      };
    }
    const ids = readModelIds(await response.json().catch(() => undefined));
    if (ids === undefined) {
      return {
        outcome: { kind: 'http-error', status: response.status, message: 'not a model list' },
      };
    }
    return { outcome: { kind: 'listed', modelCount: ids.length }, ids };
  } catch (error) {
    if (signal.aborted) throw error;
    if (timeout.aborted) return { outcome: { kind: 'timeout', seconds: timeoutS } };
    return { outcome: { kind: await probeReachability(request.url, signal) } };
  }
}

function verdictOf(input: ModelsRequestInput, outcome: ConnectionOutcome): ConnectionVerdict {
  const url = isUsableBaseUrl(input.baseUrl) ? buildModelsRequest(input).url : input.baseUrl;
  return connectionVerdict(outcome, connectionContext(url, input.apiKey.trim() !== ''));
}

/**
 * The provider's model ids, sorted.
 * @throws {@link ModelListError} when the list could not be had, saying why.
 */
export async function listModels(
  input: ModelsRequestInput,
  signal: AbortSignal,
): Promise<string[]> {
  const { outcome, ids } = await contact(input, signal, TEST_TIMEOUT_S);
  if (ids === undefined) throw new ModelListError(verdictOf(input, outcome));
  return ids;
}

/**
 * Settings' Test connection: reachability, the key and CORS in one verdict, from one request for
 * the model list (and a probe when it got no response).
 */
export async function testConnection(
  input: ModelsRequestInput,
  signal: AbortSignal,
): Promise<ConnectionVerdict> {
  const { outcome } = await contact(input, signal, TEST_TIMEOUT_S);
  return verdictOf(input, outcome);
}
