import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';

/** The one-line notice above a text shown unformatted. */
export const PLAIN_TEXT_NOTICE = 'This reply could not be formatted; showing it as plain text';

/** A text shown as written (preformatted, wrapped), under {@link PLAIN_TEXT_NOTICE}. */
export function PlainTextFallback({ text }: { text: string }) {
  return (
    <div data-testid="plain-text-fallback">
      <p role="note" className="mb-1 text-xs text-amber-700 dark:text-amber-400">
        {PLAIN_TEXT_NOTICE}
      </p>
      <pre className="whitespace-pre-wrap break-words font-sans">{text}</pre>
    </div>
  );
}

/**
 * Renders `children` (formatted text); if rendering them throws, shows `text` itself with
 * {@link PlainTextFallback} instead (or what `fallback` renders, when given) and logs the error, so
 * one bad text never takes the page down. The fallback follows `text` as it changes; it tries
 * formatting again when `resetKey` changes.
 */
export function FormattingBoundary({
  text,
  fallback,
  resetKey,
  children,
}: {
  text?: string;
  /** Renders the fallback instead of `text` (for a text read only when it is needed). */
  fallback?: () => ReactNode;
  resetKey?: string;
  children: ReactNode;
}) {
  return (
    <ErrorBoundary
      resetKeys={[resetKey]}
      fallbackRender={fallback ?? (() => <PlainTextFallback text={text ?? ''} />)}
      onError={(error) => console.error('A text could not be formatted:', error)}
    >
      {children}
    </ErrorBoundary>
  );
}
