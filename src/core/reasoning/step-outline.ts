/**
 * The outline of a reasoning trace: its steps with titles, durations and token counts, as the
 * Thinking panel and the Markdown export show them.
 */
import type { ArrivalCheckpoints } from './arrival-checkpoints';
import { segmentSteps } from './step-segmenter';
import { stepDurationMs, timeSteps } from './step-timing';
import { formatCount } from '../stream/format-count';

/** A trace gets an outline from this many steps on. */
export const MIN_OUTLINE_STEPS = 3;

/** A step's duration for people: `<1 s`, `4 s`, `2 min 5 s`. */
export function formatStepDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return '<1 s';
  if (seconds < 60) return `${seconds} s`;
  const rest = seconds % 60;
  return `${Math.floor(seconds / 60)} min${rest === 0 ? '' : ` ${rest} s`}`;
}

/**
 * The outline as a Markdown list (`1. Title · 4 s · ~320 tokens`), or `''` for a trace of fewer than
 * {@link MIN_OUTLINE_STEPS} steps.
 *
 * @param escape - makes a title safe as one line of inline Markdown.
 */
export function outlineMarkdown(
  reasoning: string,
  arrivals: ArrivalCheckpoints | undefined,
  escape: (text: string) => string,
): string {
  const steps = timeSteps(segmentSteps(reasoning), arrivals);
  if (steps.length < MIN_OUTLINE_STEPS) return '';
  const items = steps.map((step) => {
    const duration = stepDurationMs(step);
    const parts = [escape(step.title) || `Step ${step.index + 1}`];
    if (duration !== undefined) parts.push(formatStepDuration(duration));
    parts.push(`~${formatCount(step.tokens)} tokens`);
    return `${step.index + 1}. ${parts.join(' · ')}`;
  });
  return `**Steps:**\n\n${items.join('\n')}`;
}
