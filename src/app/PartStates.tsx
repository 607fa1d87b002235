import type { OnDemand } from './on-demand';

/** Says that a part's code is downloading. */
export function PartLoading({
  part,
  className = '',
}: {
  part: OnDemand<unknown>;
  className?: string;
}) {
  return (
    <p role="status" className={`text-sm text-zinc-500 dark:text-zinc-400 ${className}`}>
      Loading {part.label}…
    </p>
  );
}

/** Says that a part could not be loaded (`message`: what happened and what to do), with a retry. */
export function PartLoadFailure({
  message,
  onRetry,
  className = '',
}: {
  message: string;
  onRetry: () => void;
  className?: string;
}) {
  return (
    <div role="alert" className={`flex flex-col items-start gap-2 text-sm ${className}`}>
      <p className="text-red-800 dark:text-red-300">{message}</p>
      <button
        type="button"
        onClick={onRetry}
        className="rounded-lg border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        Try again
      </button>
    </div>
  );
}
