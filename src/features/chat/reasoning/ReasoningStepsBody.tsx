import { ownCopy } from '../../../core/markdown/own-copy';
import { memo, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { matchRange, type TextMatch } from '../../../core/reasoning/find-matches';
import type { ReasoningStep } from '../../../core/reasoning/step-timing';
import type { StreamingMarkdown } from '../../../lib/streaming-markdown';
import { createFinishedTexts, type FinishedTexts } from './finished-texts';
import { highlightMatches } from './highlight-matches';
import { createStepWindow, type StepWindow } from './step-window';

interface ReasoningStepsBodyProps {
  text: string;
  steps: readonly ReasoningStep[];
  isThinking: boolean;
  /** Search matches over the whole text, in order. */
  matches: readonly TextMatch[];
  /** Index into `matches` of the highlighted one, or -1. */
  activeMatch: number;
  /** Steps kept mounted wherever they are (the active match's, the outline's jump target). */
  pinned: readonly number[];
  /** Prefix of element ids: `${idPrefix}-step-${index}`, `${idPrefix}-match-${index}`. */
  idPrefix: string;
  /** The markdown renderer (passed in: see `PanelParts` in `NavigableReasoning.tsx`). */
  Markdown: typeof StreamingMarkdown;
}

/** Finished steps are rendered in groups of this many, each group redone only when it changes. */
const GROUP = 32;

/**
 * Traces with fewer steps mount them all: below this a trace is short enough (~10k tokens) that
 * every step costs less than watching them.
 */
export const MIN_WINDOWED_STEPS = 64;

/** What every step element shares. */
interface Shared {
  /** Only steps near the view are mounted (see {@link MIN_WINDOWED_STEPS}). */
  isWindowed: boolean;
  matches: readonly TextMatch[];
  activeMatch: number;
  pinned: readonly number[];
  stepWindow: StepWindow;
  idPrefix: string;
  Markdown: typeof StreamingMarkdown;
  cuts: FinishedTexts;
}

/**
 * The trace as one element per step (`data-testid="reasoning-step"`, focusable for outline jumps).
 * In a long trace only steps near the view, the step being written and the pinned steps are
 * mounted; the others are empty boxes of their measured (or estimated) height, so the scroll bar
 * and the scroll position stay put. A mounted step renders as markdown; one holding search matches shows as plain
 * text with every match in `<mark>`. While a trace streams only the step being written re-renders:
 * finished steps sit in groups of {@link GROUP} that keep their last rendering.
 */
export function ReasoningStepsBody({
  text,
  steps,
  isThinking,
  matches,
  activeMatch,
  pinned,
  idPrefix,
  Markdown,
}: ReasoningStepsBodyProps) {
  // Made with the body, each time the panel opens: the steps there then, but the first and last
  // few, wait for the observer before they mount.
  const [stepWindow] = useState(() => createStepWindow(steps.length));
  useEffect(() => () => stepWindow.disconnect(), [stepWindow]);
  const [cuts] = useState(createFinishedTexts);
  cuts.follow(text);
  const shared: Shared = {
    isWindowed: steps.length >= MIN_WINDOWED_STEPS,
    matches,
    activeMatch,
    pinned,
    stepWindow,
    idPrefix,
    Markdown,
    cuts,
  };
  const last = steps.length - 1;
  if (last < 0) return null;
  const groups = [];
  for (let from = 0; from < last; from += GROUP) {
    const to = Math.min(from + GROUP, last);
    groups.push(
      <StepGroup
        key={from}
        shared={shared}
        steps={steps}
        from={from}
        to={to}
        generation={cuts.generation}
      />,
    );
  }
  const live = steps[last]!;
  return (
    // Steps are spaced by their top margin, but for the very first one (inside the first group).
    <div className="[&>:first-child>:first-child]:mt-0 [&>:first-child]:mt-0">
      {groups}
      <StepSlot
        key={last}
        shared={shared}
        index={last}
        // Its own copy: a slice would keep the whole trace alive in the memoized views it reaches.
        text={ownCopy(text.slice(live.start, live.end))}
        offset={live.start}
        isStreaming={isThinking}
        {...matchRange(matches, live.start, Infinity)}
      />
    </div>
  );
}

interface StepGroupProps {
  shared: Shared;
  steps: readonly ReasoningStep[];
  /** First step of the group. */
  from: number;
  /** One past its last step. */
  to: number;
  /** Changes when the text is not a continuation of the last one. */
  generation: number;
}

/** Finished steps `from` to `to - 1`; re-renders only when something they show changed. */
const StepGroup = memo(
  function StepGroup({ shared, steps, from, to }: StepGroupProps) {
    const slots = [];
    for (let index = from; index < to; index += 1) {
      const step = steps[index]!;
      slots.push(
        <StepSlot
          key={index}
          shared={shared}
          index={index}
          text={shared.cuts.cut(step)}
          offset={step.start}
          isStreaming={false}
          {...matchRange(shared.matches, step.start, step.end)}
        />,
      );
    }
    // One box per group: laying out the body as a step grows visits the groups, not every step.
    return <div>{slots}</div>;
  },
  (before, after) => {
    const start = after.steps[after.from]!.start;
    const end = after.steps[after.to - 1]!.end;
    return (
      before.from === after.from &&
      before.to === after.to &&
      before.generation === after.generation &&
      before.steps[before.from]!.start === start &&
      before.steps[before.to - 1]!.end === end &&
      sameShell(before.shared, after.shared) &&
      samePins(before.shared.pinned, after.shared.pinned, after.from, after.to) &&
      sameMatches(before.shared, after.shared, start, end)
    );
  },
);

interface StepSlotProps {
  shared: Shared;
  index: number;
  text: string;
  /** Where `text` starts in the whole trace. */
  offset: number;
  isStreaming: boolean;
  /** Index in `shared.matches` of the step's first match. */
  firstMatch: number;
  /** One past the index of its last match. */
  endMatch: number;
}

/** One step: its content when mounted, else an empty box of its height. */
const StepSlot = memo(
  function StepSlot({
    shared,
    index,
    text,
    offset,
    isStreaming,
    firstMatch,
    endMatch,
  }: StepSlotProps) {
    const { stepWindow, idPrefix, Markdown } = shared;
    const isNear = useSyncExternalStore(
      useCallback((onChange) => stepWindow.subscribe(index, onChange), [stepWindow, index]),
      () => stepWindow.isNear(index),
    );
    const watch = useCallback(
      (element: HTMLDivElement) => stepWindow.observe(index, element),
      [stepWindow, index],
    );
    const isMounted = !shared.isWindowed || isNear || isStreaming || shared.pinned.includes(index);
    return (
      <div
        ref={watch}
        id={`${idPrefix}-step-${index}`}
        data-testid="reasoning-step"
        data-step-index={index}
        data-chars={text.length}
        data-placeholder={isMounted ? undefined : ''}
        tabIndex={-1}
        style={isMounted ? undefined : { height: stepWindow.placeholderHeight(index, text.length) }}
        className="mt-3 scroll-mt-2 rounded focus-visible:outline-2 focus-visible:outline-brand"
      >
        {!isMounted ? null : firstMatch === endMatch ? (
          <Markdown text={text} isStreaming={isStreaming} liveTail="text" />
        ) : (
          <p className="whitespace-pre-wrap break-words">
            {highlightMatches(
              text,
              offset,
              shared.matches,
              firstMatch,
              endMatch,
              shared.activeMatch,
              idPrefix,
            )}
          </p>
        )}
      </div>
    );
  },
  (before, after) =>
    before.index === after.index &&
    before.text === after.text &&
    before.isStreaming === after.isStreaming &&
    sameShell(before.shared, after.shared) &&
    samePins(before.shared.pinned, after.shared.pinned, after.index, after.index + 1) &&
    sameMatches(before.shared, after.shared, after.offset, after.offset + after.text.length),
);

/** The same renderer, ids and window. */
function sameShell(before: Shared, after: Shared): boolean {
  return (
    before.isWindowed === after.isWindowed &&
    before.stepWindow === after.stepWindow &&
    before.idPrefix === after.idPrefix &&
    before.Markdown === after.Markdown
  );
}

/** Whether steps `from` to `to - 1` are pinned alike in both lists. */
function samePins(before: readonly number[], after: readonly number[], from: number, to: number) {
  const inside = (index: number) => index >= from && index < to;
  const a = before.filter(inside);
  const b = after.filter(inside);
  return a.length === b.length && a.every((index, at) => index === b[at]);
}

/**
 * Whether the matches starting in `[start, end)` are the same in both, and the active match is
 * among them in both or in neither at the same place. O(log matches + matches in the range).
 */
function sameMatches(before: Shared, after: Shared, start: number, end: number): boolean {
  const a = matchRange(before.matches, start, end);
  const b = matchRange(after.matches, start, end);
  if (a.endMatch - a.firstMatch !== b.endMatch - b.firstMatch) return false;
  if (b.endMatch === b.firstMatch) return true;
  for (let at = 0; at < b.endMatch - b.firstMatch; at += 1) {
    const x = before.matches[a.firstMatch + at]!;
    const y = after.matches[b.firstMatch + at]!;
    if (x.start !== y.start || x.end !== y.end) return false;
  }
  const activeA = inRange(before.activeMatch, a) ? before.activeMatch - a.firstMatch : -1;
  const activeB = inRange(after.activeMatch, b) ? after.activeMatch - b.firstMatch : -1;
  return activeA === activeB && a.firstMatch === b.firstMatch;
}

function inRange(index: number, span: { firstMatch: number; endMatch: number }): boolean {
  return index >= span.firstMatch && index < span.endMatch;
}
