import { ownCopy } from '../../../core/markdown/own-copy';
import { memo, useState, type ReactNode } from 'react';
import type { TextMatch } from '../../../core/reasoning/find-matches';
import type { ReasoningStep } from '../../../core/reasoning/step-timing';
import type { StreamingMarkdown } from '../../../lib/streaming-markdown';

interface ReasoningStepsBodyProps {
  text: string;
  steps: readonly ReasoningStep[];
  isThinking: boolean;
  /** Search matches over the whole text, in order. */
  matches: readonly TextMatch[];
  /** Index into `matches` of the highlighted one, or -1. */
  activeMatch: number;
  /** Prefix of element ids: `${idPrefix}-step-${index}`, `${idPrefix}-match-${index}`. */
  idPrefix: string;
  /** The markdown renderer (passed in: see `PanelParts` in `NavigableReasoning.tsx`). */
  Markdown: typeof StreamingMarkdown;
}

/**
 * The trace as one element per step (`data-testid="reasoning-step"`, focusable for outline jumps).
 * A step renders as markdown, finished steps once each; a step holding search matches shows as
 * plain text with every match in `<mark>`.
 */
export function ReasoningStepsBody({
  text,
  steps,
  isThinking,
  matches,
  activeMatch,
  idPrefix,
  Markdown,
}: ReasoningStepsBodyProps) {
  const bounds = matchBounds(steps, matches);
  const [finishedTexts] = useState(() => ({ head: '', cuts: new Map<string, string>() }));
  return (
    <>
      {steps.map((step) => {
        const first = bounds[step.index]!;
        const next = bounds[step.index + 1]!;
        const isLast = step.index === steps.length - 1;
        return (
          <Step
            key={step.index}
            id={`${idPrefix}-step-${step.index}`}
            index={step.index}
            text={
              isLast ? text.slice(step.start, step.end) : finishedText(finishedTexts, text, step)
            }
            isStreaming={isThinking && isLast}
            offset={step.start}
            matches={first === next ? NO_MATCHES : matches.slice(first, next)}
            firstMatch={first}
            activeMatch={activeMatch}
            idPrefix={idPrefix}
            Markdown={Markdown}
          />
        );
      })}
    </>
  );
}

const NO_MATCHES: readonly TextMatch[] = [];

/** A finished step's text, cut and copied once (see `ownCopy`). */
function finishedText(
  cache: { head: string; cuts: Map<string, string> },
  text: string,
  step: ReasoningStep,
): string {
  if (!text.startsWith(cache.head)) cache.cuts.clear();
  cache.head = text.slice(0, 64);
  const key = `${step.start}:${step.end}`;
  let cut = cache.cuts.get(key);
  if (cut === undefined) {
    cut = ownCopy(text.slice(step.start, step.end));
    cache.cuts.set(key, cut);
  }
  return cut;
}

/** `bounds[i]` is the index of step i's first match; `bounds[steps.length]` = `matches.length`. */
function matchBounds(steps: readonly ReasoningStep[], matches: readonly TextMatch[]): number[] {
  const bounds = [0];
  let next = 0;
  for (const step of steps) {
    while (next < matches.length && matches[next]!.start < step.end) next += 1;
    bounds.push(next);
  }
  bounds[bounds.length - 1] = matches.length;
  return bounds;
}

interface StepProps {
  id: string;
  index: number;
  text: string;
  isStreaming: boolean;
  /** Where `text` starts in the whole trace. */
  offset: number;
  matches: readonly TextMatch[];
  /** Index of `matches[0]` among all matches. */
  firstMatch: number;
  activeMatch: number;
  idPrefix: string;
  Markdown: typeof StreamingMarkdown;
}

const Step = memo(
  function Step({
    id,
    index,
    text,
    isStreaming,
    offset,
    matches,
    firstMatch,
    activeMatch,
    idPrefix,
    Markdown,
  }: StepProps) {
    return (
      <div
        id={id}
        data-testid="reasoning-step"
        data-step-index={index}
        tabIndex={-1}
        // Finished steps off screen skip layout; the step being written is always laid out, so
        // following the newest line never scrolls to a placeholder's guessed height.
        className={`mt-3 scroll-mt-2 rounded first:mt-0 focus-visible:outline-2 focus-visible:outline-brand ${
          isStreaming ? '' : '[contain-intrinsic-size:auto_160px] [content-visibility:auto]'
        }`}
      >
        {matches.length === 0 ? (
          <Markdown text={text} isStreaming={isStreaming} liveTail="text" />
        ) : (
          <p className="whitespace-pre-wrap break-words">
            {highlight(text, offset, matches, firstMatch, activeMatch, idPrefix)}
          </p>
        )}
      </div>
    );
  },
  // A step without matches does not care which match is active.
  (before, after) =>
    before.text === after.text &&
    before.isStreaming === after.isStreaming &&
    before.id === after.id &&
    before.matches === after.matches &&
    (after.matches.length === 0 || before.activeMatch === after.activeMatch),
);

function highlight(
  text: string,
  offset: number,
  matches: readonly TextMatch[],
  firstMatch: number,
  activeMatch: number,
  idPrefix: string,
): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  matches.forEach((match, index) => {
    const start = Math.max(match.start - offset, at);
    const end = Math.min(match.end - offset, text.length);
    if (start > at) out.push(text.slice(at, start));
    const number = firstMatch + index;
    const isActive = number === activeMatch;
    out.push(
      <mark
        key={number}
        id={`${idPrefix}-match-${number}`}
        data-active={isActive || undefined}
        className={
          isActive
            ? 'bg-amber-300 text-zinc-900 ring-2 ring-amber-500'
            : 'bg-yellow-200 text-zinc-900'
        }
      >
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  });
  if (at < text.length) out.push(text.slice(at));
  return out;
}
