import { useState } from 'react';
import type { ImportOutcome } from './import-outcome';

/** Asks whether to keep both copies of conversations an import already finds in the history. */
export function ImportQuestion({
  outcome,
  onAnswered,
}: {
  outcome: Extract<ImportOutcome, { question: string }>;
  onAnswered: (note: string) => void;
}) {
  const [isBusy, setBusy] = useState(false);
  const answer = async (choice: () => Promise<string>) => {
    setBusy(true);
    onAnswered(await choice());
  };
  const button =
    'rounded-md border border-zinc-300 px-2 py-1 font-medium hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800';
  return (
    <div role="alert" className="flex flex-col gap-2 text-xs text-zinc-700 dark:text-zinc-300">
      <p>{outcome.question}</p>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={isBusy}
          onClick={() => void answer(outcome.keepBoth)}
          className={button}
        >
          Keep both
        </button>
        <button
          type="button"
          disabled={isBusy}
          onClick={() => void answer(outcome.skip)}
          className={button}
        >
          Skip
        </button>
      </div>
    </div>
  );
}
