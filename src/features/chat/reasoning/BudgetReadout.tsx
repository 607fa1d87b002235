import type { ReasoningBudget } from '../../../core/reasoning/reasoning-budget';
import { formatCount } from '../../../core/stream/format-count';

/** "12,400 / 16,000 tokens" with a thin bar: how much of the request's budget is spent. */
export function BudgetReadout({ used, budget }: { used: number; budget: ReasoningBudget }) {
  const share = Math.min(1, used / budget.tokens);
  const label = budget.kind === 'thinking' ? 'Thinking budget' : 'Max tokens';
  return (
    <div
      data-testid="reasoning-budget"
      className="mx-3 mb-2 text-xs text-zinc-500 dark:text-zinc-400"
    >
      <span className="tabular-nums">
        {label}: {formatCount(Math.round(used))} / {formatCount(budget.tokens)} tokens
      </span>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={budget.tokens}
        aria-valuenow={Math.min(Math.round(used), budget.tokens)}
        className="mt-1 h-0.5 w-full overflow-hidden rounded bg-zinc-200 dark:bg-zinc-700"
      >
        <div
          className={`h-full ${share >= 0.9 ? 'bg-amber-500' : 'bg-brand'}`}
          style={{ width: `${(share * 100).toFixed(1)}%` }}
        />
      </div>
    </div>
  );
}
