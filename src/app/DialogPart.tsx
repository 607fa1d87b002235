import type { ReactNode } from 'react';
import { LazyPart } from './LazyPart';
import type { OnDemand } from './on-demand';
import { PartLoadFailure, PartLoading } from './PartStates';

/**
 * The content of an open dialog, downloaded on demand. While it loads, or if it fails, the dialog
 * says so and keeps a Close button.
 */
export function DialogPart<T>({
  part,
  children,
}: {
  part: OnDemand<T>;
  children: (module: T) => ReactNode;
}) {
  return (
    <LazyPart
      part={part}
      fallback={
        <>
          <PartLoading part={part} />
          <CloseButton />
        </>
      }
      renderError={(error, retry) => (
        <>
          <PartLoadFailure message={error.message} onRetry={retry} />
          <CloseButton />
        </>
      )}
    >
      {children}
    </LazyPart>
  );
}

function CloseButton() {
  return (
    <form method="dialog" className="flex justify-end pt-2">
      <button
        type="submit"
        className="rounded-lg px-4 py-2 text-sm font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        Close
      </button>
    </form>
  );
}
