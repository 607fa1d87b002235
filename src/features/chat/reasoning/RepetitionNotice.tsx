/**
 * The loop alarm: the trace seems to repeat itself. While it streams, Stop is one click away.
 */
export function RepetitionNotice({ onStop }: { onStop?: () => void }) {
  return (
    <div
      data-testid="reasoning-repetition"
      className="mx-3 mb-2 flex flex-wrap items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <span>The model seems to be repeating itself</span>
      {onStop !== undefined && (
        <>
          <span aria-hidden="true">·</span>
          <button
            type="button"
            onClick={onStop}
            className="rounded border border-amber-300 px-1.5 font-medium hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-brand dark:border-amber-800 dark:hover:bg-amber-900"
          >
            Stop
          </button>
        </>
      )}
    </div>
  );
}
