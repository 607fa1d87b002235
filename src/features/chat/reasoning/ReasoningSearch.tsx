import { memo, type KeyboardEvent } from 'react';
import { formatCount } from '../../../core/stream/format-count';

interface ReasoningSearchProps {
  query: string;
  onQueryChange: (query: string) => void;
  /** How many matches the whole trace has. */
  matchCount: number;
  /** The highlighted match, 0-based. */
  activeIndex: number;
  /** Moves to the next (+1) or previous (−1) match, wrapping around. */
  onMove: (direction: 1 | -1) => void;
}

const buttonClass =
  'rounded border border-zinc-300 px-1.5 py-0.5 text-xs hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800';

/**
 * The search field over the whole trace, its match count and next / previous buttons. Memoized:
 * while a trace streams it re-renders only when the count or the active match changes.
 */
export const ReasoningSearch = memo(function ReasoningSearch({
  query,
  onQueryChange,
  matchCount,
  activeIndex,
  onMove,
}: ReasoningSearchProps) {
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    onMove(event.shiftKey ? -1 : 1);
  };
  const hasQuery = query.trim() !== '';
  return (
    <div className="flex min-w-0 flex-1 items-center gap-1.5">
      <input
        type="search"
        aria-label="Search reasoning"
        placeholder="Search reasoning"
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={handleKeyDown}
        className="min-w-0 flex-1 rounded border border-zinc-300 bg-white px-2 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-900"
      />
      {hasQuery && (
        <span
          data-testid="reasoning-search-count"
          aria-live="polite"
          className="shrink-0 text-xs tabular-nums text-zinc-500 dark:text-zinc-400"
        >
          {matchCount === 0 ? 'No matches' : `${activeIndex + 1} of ${formatCount(matchCount)}`}
        </span>
      )}
      <button
        type="button"
        className={buttonClass}
        aria-label="Previous match"
        disabled={matchCount === 0}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className={buttonClass}
        aria-label="Next match"
        disabled={matchCount === 0}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
    </div>
  );
});
