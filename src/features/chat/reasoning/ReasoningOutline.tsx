import { memo, type ReactNode } from 'react';
import { formatStepDuration } from '../../../core/reasoning/step-outline';
import { stepDurationMs, type ReasoningStep } from '../../../core/reasoning/step-timing';
import { useThrottledValue } from '../../../lib/use-throttled-value';
import { STATS_REFRESH_MS } from '../message-notes';
import { useMediaQuery } from './use-media-query';
import { formatCount } from '../../../core/stream/format-count';

interface ReasoningOutlineProps {
  steps: readonly ReasoningStep[];
  /** The last step is still being written: it is marked as current. */
  isThinking: boolean;
  /** Scrolls step `index` into view and focuses it. */
  onJump: (index: number) => void;
}

/** Phones get the outline folded into a "Steps (N)" menu. */
const PHONE = '(max-width: 639px)';

/**
 * One button per step, in order: its title, how long it took and its tokens. Enter or a click
 * jumps to the step. At phone width the list folds into a "Steps (N)" disclosure.
 */
export function ReasoningOutline({ steps, isThinking, onJump }: ReasoningOutlineProps) {
  const isPhone = useMediaQuery(PHONE);
  const current = isThinking ? steps.length - 1 : -1;
  const groups = [];
  for (let from = 0; from < steps.length; from += GROUP) {
    groups.push(
      <OutlineGroup
        key={from}
        steps={steps}
        from={from}
        to={Math.min(from + GROUP, steps.length)}
        current={current}
        onJump={onJump}
      />,
    );
  }
  const list = (
    <div role="list" className="flex max-h-32 flex-col gap-0.5 overflow-y-auto text-xs">
      {groups}
    </div>
  );
  return (
    <OutlineFrame isPhone={isPhone} count={steps.length}>
      {list}
    </OutlineFrame>
  );
}

/** Items are rendered in groups of this many, each redone only when one of its steps changed. */
const GROUP = 32;
/** An item's height (one line of `text-xs` and `py-1`) and the gap between items (`gap-0.5`). */
const ITEM_HEIGHT_PX = 24;
const ITEM_GAP_PX = 2;

interface OutlineGroupProps {
  steps: readonly ReasoningStep[];
  from: number;
  to: number;
  /** The step being written, or -1. */
  current: number;
  onJump: (index: number) => void;
}

/**
 * Items `from` to `to - 1`. Finished steps keep their objects (see `createStepTimer`), so while a
 * trace streams only the last group re-renders.
 */
const OutlineGroup = memo(
  function OutlineGroup({ steps, from, to, current, onJump }: OutlineGroupProps) {
    const items = [];
    for (let index = from; index < to; index += 1) {
      const step = steps[index]!;
      items.push(
        <OutlineItem
          key={index}
          index={index}
          title={step.title}
          durationMs={stepDurationMs(step)}
          tokens={step.tokens}
          isCurrent={index === current}
          onJump={onJump}
        />,
      );
    }
    // Groups out of the list's view are not laid out or painted (`.outline-group`); until a group
    // has been, it holds the height of its items.
    const height = (to - from) * ITEM_HEIGHT_PX + (to - from - 1) * ITEM_GAP_PX;
    return (
      <div
        className="outline-group flex flex-col gap-0.5"
        style={{ containIntrinsicSize: `auto ${height}px` }}
      >
        {items}
      </div>
    );
  },
  // `onJump` is a new function each render but always does the same thing.
  (before, after) => {
    if (before.from !== after.from || before.to !== after.to) return false;
    const holds = (index: number) => index >= after.from && index < after.to;
    if ((holds(before.current) || holds(after.current)) && before.current !== after.current) {
      return false;
    }
    for (let index = after.from; index < after.to; index += 1) {
      if (before.steps[index] !== after.steps[index]) return false;
    }
    return true;
  },
);

interface OutlineItemProps {
  index: number;
  title: string;
  durationMs: number | undefined;
  tokens: number;
  isCurrent: boolean;
  onJump: (index: number) => void;
}

/**
 * One step's button; finished steps keep their props, so only the growing step re-renders. The
 * growing step's token count changes at every frame; it is shown a few times a second (like the
 * panel's other figures), so between those the item's text stays as it is.
 */
const OutlineItem = memo(
  function OutlineItem({ index, title, durationMs, tokens, isCurrent, onJump }: OutlineItemProps) {
    const liveTokens = useThrottledValue(tokens, STATS_REFRESH_MS);
    const shownTokens = isCurrent ? liveTokens : tokens;
    return (
      <div role="listitem">
        <button
          type="button"
          data-testid="reasoning-outline-item"
          data-duration-ms={durationMs}
          aria-current={isCurrent ? 'step' : undefined}
          onClick={() => onJump(index)}
          className={`flex w-full items-baseline gap-2 rounded px-2 py-1 text-left hover:bg-zinc-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand dark:hover:bg-zinc-800 ${isCurrent ? 'font-semibold text-zinc-800 dark:text-zinc-100' : ''}`}
        >
          <span className="w-5 shrink-0 tabular-nums text-zinc-500">{index + 1}.</span>
          <span data-testid="reasoning-outline-title" className="min-w-0 flex-1 truncate">
            {title || `Step ${index + 1}`}
          </span>
          <span className="shrink-0 tabular-nums text-zinc-500 dark:text-zinc-400">
            {durationMs === undefined ? '' : `${formatStepDuration(durationMs)} · `}
            {formatCount(shownTokens)} tok
          </span>
        </button>
      </div>
    );
  },
  // `onJump` is a new function each render but always does the same thing.
  (before, after) =>
    before.index === after.index &&
    before.title === after.title &&
    before.durationMs === after.durationMs &&
    before.tokens === after.tokens &&
    before.isCurrent === after.isCurrent,
);

function OutlineFrame({
  isPhone,
  count,
  children,
}: {
  isPhone: boolean;
  count: number;
  children: ReactNode;
}) {
  if (isPhone) {
    return (
      <details
        data-testid="reasoning-outline"
        className="rounded-md border border-zinc-200 dark:border-zinc-700"
      >
        <summary className="cursor-pointer px-2 py-1 text-xs font-medium">Steps ({count})</summary>
        {children}
      </details>
    );
  }
  return (
    <nav
      data-testid="reasoning-outline"
      aria-label={`Reasoning outline, ${count} steps`}
      className="rounded-md border border-zinc-200 py-1 dark:border-zinc-700"
    >
      {children}
    </nav>
  );
}
