import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { DecodeResult, ShareLinkError } from '../../core/share/share-link-codec';
import type { SharedTranscript } from '../../core/share/transcript';
import type { OpenShared } from './open-shared-source';

type State =
  | { kind: 'opening' }
  | { kind: 'passphrase'; isWrong: boolean }
  | { kind: 'error'; error: ShareLinkError }
  | { kind: 'load-failed' }
  | { kind: 'open'; transcript: SharedTranscript };

/** The page state after decoding; `hasTriedPassphrase` marks a passphrase that did not open it. */
function stateOf(result: DecodeResult | 'load-failed', hasTriedPassphrase: boolean): State {
  if (result === 'load-failed') return { kind: 'load-failed' };
  if (result.ok) return { kind: 'open', transcript: result.transcript };
  const { kind } = result.error;
  if (kind === 'needs-passphrase' || (hasTriedPassphrase && kind === 'wrong-passphrase')) {
    return { kind: 'passphrase', isWrong: hasTriedPassphrase };
  }
  return { kind: 'error', error: result.error };
}

interface SharedTranscriptPageProps {
  /** Opens the link (see `open-shared-source.ts`); a new function opens it anew. */
  open: OpenShared;
  /** Renders the transcript's messages read-only. */
  renderTranscript: (transcript: SharedTranscript) => ReactNode;
  /** Imports the transcript into local history and opens it. */
  onContinue: (transcript: SharedTranscript) => void;
  /** Leaves the shared view for the app. */
  onLeave: () => void;
}

/**
 * A shared transcript: read-only, opened from the link itself or from this server's sealed copy;
 * bad, deleted and expired links get a clear page.
 */
export function SharedTranscriptPage(props: SharedTranscriptPageProps) {
  const { open } = props;
  const [state, setState] = useState<State>({ kind: 'opening' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let isCurrent = true;
    void open().then((result) => {
      if (isCurrent) setState(stateOf(result, false));
    });
    return () => {
      isCurrent = false;
    };
  }, [open, attempt]);

  async function unlock(passphrase: string) {
    setState({ kind: 'opening' });
    setState(stateOf(await open(passphrase), true));
  }

  function retry() {
    setState({ kind: 'opening' });
    setAttempt(attempt + 1);
  }

  return (
    <div className="flex h-dvh flex-col">
      <header className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
        <h1 className="flex items-center gap-2 text-base font-semibold tracking-tight">
          <img src="/favicon.svg" alt="" className="h-6 w-6" />
          Ruminate
        </h1>
        <p role="note" className="text-sm text-zinc-500 dark:text-zinc-400">
          Shared transcript, read only
        </p>
        <span className="ml-auto flex gap-2">
          {state.kind === 'open' && (
            <button
              type="button"
              onClick={() => props.onContinue(state.transcript)}
              className="rounded-lg bg-brand px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-deep"
            >
              Continue this conversation
            </button>
          )}
          <button
            type="button"
            onClick={props.onLeave}
            className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            Open Ruminate
          </button>
        </span>
      </header>
      <main className="min-h-0 flex-1 overflow-y-auto">
        {state.kind === 'opening' && <p className="p-8 text-center text-sm">Opening the link…</p>}
        {state.kind === 'passphrase' && (
          <PassphraseForm isWrong={state.isWrong} onSubmit={unlock} />
        )}
        {state.kind === 'error' && (
          <div role="alert" data-testid="share-error" className="mx-auto max-w-lg p-8 text-center">
            <h2 className="mb-2 text-lg font-semibold">This link can’t be opened</h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{state.error.message}</p>
            <p className="mt-4 text-sm text-zinc-500">Nothing was changed in your conversations.</p>
            {state.error.kind === 'unreachable' && (
              <button
                type="button"
                onClick={retry}
                className="mt-4 rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
              >
                Try again
              </button>
            )}
          </div>
        )}
        {state.kind === 'load-failed' && (
          <div role="alert" className="mx-auto max-w-lg p-8 text-center">
            <h2 className="mb-2 text-lg font-semibold">This link can’t be opened right now</h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Ruminate couldn’t load the code that opens share links. Check your connection and try
              again. If it keeps failing, Ruminate may have been updated: reload the page.
            </p>
            <button
              type="button"
              onClick={retry}
              className="mt-4 rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              Try again
            </button>
          </div>
        )}
        {state.kind === 'open' && (
          <>
            <h2 className="mx-auto max-w-chat px-4 pt-6 text-xl font-semibold">
              {state.transcript.title}
            </h2>
            {props.renderTranscript(state.transcript)}
          </>
        )}
      </main>
    </div>
  );
}

function PassphraseForm({
  isWrong,
  onSubmit,
}: {
  isWrong: boolean;
  onSubmit: (p: string) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const id = useId();
  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (passphrase !== '') onSubmit(passphrase);
  }
  return (
    <form onSubmit={handleSubmit} className="mx-auto flex max-w-sm flex-col gap-3 p-8">
      <h2 className="text-lg font-semibold">This transcript is protected</h2>
      <label htmlFor={id} className="text-sm font-medium">
        Passphrase
      </label>
      <input
        id={id}
        type="password"
        autoFocus
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
        className="rounded-lg border border-zinc-300 bg-white px-3 py-2 outline-none focus:border-brand dark:border-zinc-700 dark:bg-zinc-900"
      />
      {isWrong && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          That passphrase is wrong. Try again.
        </p>
      )}
      <button
        type="submit"
        className="rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-white hover:bg-brand-deep"
      >
        Open
      </button>
    </form>
  );
}
