import { SUGGESTED_QUESTIONS } from './suggested-questions';

/** What a new conversation shows: a heading and the suggested questions, each sent on click. */
export function EmptyChat({ onAsk }: { onAsk: (question: string) => void }) {
  return (
    <div className="flex flex-col items-center gap-4 pt-[12vh] text-center">
      <h2 className="text-2xl font-semibold tracking-tight">What should the model think about?</h2>
      <p className="max-w-md text-sm text-zinc-500 dark:text-zinc-400">
        Watch its reasoning stream into the Thinking panel, then read the answer below it.
      </p>
      <ul className="flex flex-wrap justify-center gap-2" aria-label="Suggested questions">
        {SUGGESTED_QUESTIONS.map(({ id, question }) => (
          <li key={id}>
            <button
              type="button"
              onClick={() => onAsk(question)}
              className="rounded-full border border-zinc-300 px-3 py-1.5 text-sm hover:border-brand hover:text-brand focus-visible:outline-2 focus-visible:outline-brand dark:border-zinc-700"
            >
              {question}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
