import type { MessageTiming } from './assistant-message';

/** Reasoning time in ms: from the first reasoning token to the first answer token (or the end). */
export function reasoningDurationMs(timing: MessageTiming, now: number): number | undefined {
  if (timing.firstReasoningAt === undefined) return undefined;
  const end = timing.firstAnswerAt ?? timing.endedAt ?? now;
  return Math.max(0, end - timing.firstReasoningAt);
}

/** `"1 second"`, `"34 seconds"`, `"2 min 5 s"`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/**
 * The panel header: `Thinking… 12s` while reasoning streams, `Thought for 34 seconds` afterwards.
 *
 * @param isThinking - whether reasoning is still arriving.
 * @param now - current time, epoch ms (drives the live timer).
 */
export function thinkingLabel(timing: MessageTiming, isThinking: boolean, now: number): string {
  const ms = reasoningDurationMs(timing, now) ?? 0;
  if (isThinking) return `Thinking… ${Math.floor(ms / 1000)}s`;
  return `Thought for ${formatDuration(ms)}`;
}
