import { useEffect, useRef, useState } from 'react';
import type { ConnectionVerdict } from '../../core/requests/connection-verdict';
import type { ModelsRequestInput } from '../../core/requests/models-request';
import { testConnection } from './list-models';

type TestState =
  { kind: 'idle' } | { kind: 'testing' } | { kind: 'done'; verdict: ConnectionVerdict };

/**
 * "Test connection": one request for the model list with the settings as typed, reported in one
 * line that covers reachability, the key and CORS. A new edit clears the old verdict.
 */
export function TestConnection({ input }: { input: ModelsRequestInput }) {
  const [state, setState] = useState<TestState>({ kind: 'idle' });
  const controller = useRef<AbortController | undefined>(undefined);
  const inputKey = `${input.apiStyle}\n${input.baseUrl}\n${input.apiKey}`;
  const [testedKey, setTestedKey] = useState(inputKey);
  if (testedKey !== inputKey) {
    setTestedKey(inputKey);
    setState({ kind: 'idle' });
  }

  useEffect(() => () => controller.current?.abort(), []);

  async function handleTest() {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ kind: 'testing' });
    try {
      const verdict = await testConnection(input, current.signal);
      if (!current.signal.aborted) setState({ kind: 'done', verdict });
    } catch {
      // Aborted: a newer test or closing the dialog replaced this one.
    }
  }

  return (
    <div className="flex flex-col gap-1.5">
      <div>
        <button
          type="button"
          onClick={handleTest}
          disabled={state.kind === 'testing'}
          className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Test connection
        </button>
      </div>
      <p
        role="status"
        data-testid="connection-verdict"
        className={
          state.kind === 'done' && !state.verdict.isOk
            ? 'text-xs text-red-700 dark:text-red-300'
            : 'text-xs text-zinc-500 dark:text-zinc-400'
        }
      >
        {state.kind === 'testing' ? 'Testing…' : state.kind === 'done' ? state.verdict.line : ''}
      </p>
    </div>
  );
}
