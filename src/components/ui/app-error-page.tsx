import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

function AppErrorPage({ error, resetErrorBoundary }: FallbackProps) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col gap-3 p-8">
      <h1 className="text-lg font-semibold">Something went wrong on this page</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Ruminate ran into an error it could not recover from here. Your conversations are saved in
        this browser and nothing was deleted.
      </p>
      <p className="break-words font-mono text-xs text-zinc-500">{message}</p>
      <div className="flex gap-2">
        <button
          type="button"
          onClick={() => {
            window.location.assign(window.location.pathname);
          }}
          className="rounded-lg bg-brand px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-deep"
        >
          Back to Ruminate
        </button>
        <button
          type="button"
          onClick={resetErrorBoundary}
          className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Try again
        </button>
      </div>
    </div>
  );
}

/**
 * The last line of defence around the whole app: an error no inner boundary caught shows a readable
 * page with a way back (the app without the link or conversation in the URL) instead of a blank one.
 */
export function AppErrorBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary
      FallbackComponent={AppErrorPage}
      onError={(error) => console.error('Ruminate hit an error:', error)}
    >
      {children}
    </ErrorBoundary>
  );
}
