import { httpAdvice } from '../../core/requests/connection-verdict';
import type { AssistantMessageState } from '../../core/stream/assistant-message';
import type { ReplyStats } from '../../core/stream/reply-stats';
import { formatCount } from '../../core/stream/format-count';

/** Words for how a message ended, shown under it. `undefined` for a normal finish. */
export function endNote(state: AssistantMessageState): string | undefined {
  switch (state.status) {
    case 'stopped':
      return 'Stopped by you.';
    case 'interrupted':
      return 'Interrupted (page reloaded): the text saved before the page closed is kept.';
    case 'truncated':
      return state.answer === ''
        ? 'Cut off at max tokens while thinking: no answer came.'
        : 'Cut off at max tokens.';
    case 'done':
      if (state.answer === '' && (state.reasoning !== '' || state.hasHiddenReasoning === true)) {
        if (state.finishReason === 'tool_calls') {
          return 'The model asked to call a tool, which Ruminate does not run.';
        }
        return 'The model stopped after thinking: no answer came.';
      }
      if (state.finishReason === 'content_filter')
        return 'The provider’s content filter ended the reply.';
      if (state.finishReason === 'insufficient_system_resource') {
        return 'The provider ran out of capacity and ended the reply early.';
      }
      if (state.finishReason === 'tool_calls' && state.answer === '') {
        return 'The model asked to call a tool, which Ruminate does not run.';
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * The error line of a failed message, with the provider's own words and, where the status points
 * at a setting, what to check (401 → "Check the API key in Settings.").
 */
export function errorText(state: AssistantMessageState): string | undefined {
  const error = state.error;
  if (error === undefined) return undefined;
  switch (error.kind) {
    case 'http': {
      const advice = error.status === undefined ? undefined : httpAdvice(error.status, error);
      const message = error.message.replace(/\s+$/, '');
      const stop = /[.!?]$/.test(message) ? '' : '.';
      return `Provider error (HTTP ${error.status ?? '?'}): ${message}${advice ? `${stop} ${advice.text}` : ''}`;
    }
    case 'provider':
      return `Provider error: ${error.message}`;
    case 'network':
      return error.message;
  }
}

/** Whether a failed message's likely fix is in Settings (a key, a base URL, a provider). */
export function isFixedInSettings(state: AssistantMessageState): boolean {
  const error = state.error;
  if (error?.kind === 'http')
    return error.status !== undefined && httpAdvice(error.status, error) !== undefined;
  return (
    error?.kind === 'network' && (error.code === 'unreachable' || error.code === 'cors-refused')
  );
}

/** How often, in ms, token counts and speed of a streaming reply are shown again (4 Hz). */
export const STATS_REFRESH_MS = 250;

/** Footer facts: token counts, time to first token and speed; `~` marks estimates. */
export function statsSummary(stats: ReplyStats): string[] {
  const mark = stats.isEstimated ? '~' : '';
  const parts: string[] = [];
  if (stats.reasoningTokens !== undefined) {
    parts.push(`${mark}${formatCount(stats.reasoningTokens)} reasoning tokens`);
  }
  if (stats.answerTokens !== undefined && stats.answerTokens > 0) {
    parts.push(`${mark}${formatCount(stats.answerTokens)} answer tokens`);
  }
  if (stats.timeToFirstTokenMs !== undefined) {
    parts.push(`${(stats.timeToFirstTokenMs / 1000).toFixed(1)} s to first token`);
  }
  if (stats.tokensPerSecond !== undefined) {
    parts.push(`${mark}${formatCount(Math.round(stats.tokensPerSecond))} tok/s`);
  }
  return parts;
}

/** The short end state shown on the thinking panel's header, or `undefined` for a normal end. */
export function panelNote(state: AssistantMessageState): string | undefined {
  const hasNoAnswer = state.answer === '';
  const labels: Partial<Record<AssistantMessageState['status'], string>> = {
    stopped: 'stopped',
    truncated: 'cut off',
    error: 'failed',
    interrupted: 'interrupted',
  };
  const label = labels[state.status];
  if (label !== undefined) return hasNoAnswer ? `${label} · incomplete` : label;
  if (state.status === 'done' && hasNoAnswer && state.finishReason !== 'tool_calls') {
    return 'incomplete';
  }
  return undefined;
}
