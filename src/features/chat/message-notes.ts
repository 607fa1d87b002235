import type { AssistantMessageState } from '../../core/stream/assistant-message';

/** Words for how a message ended, shown under it. `undefined` for a normal finish. */
export function endNote(state: AssistantMessageState): string | undefined {
  switch (state.status) {
    case 'stopped':
      return 'Stopped by you.';
    case 'truncated':
      return state.answer === ''
        ? 'Cut off at max tokens while thinking: no answer came.'
        : 'Cut off at max tokens.';
    case 'done':
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

/** The error line of a failed message, with the provider's own words. */
export function errorText(state: AssistantMessageState): string | undefined {
  const error = state.error;
  if (error === undefined) return undefined;
  switch (error.kind) {
    case 'http':
      return `Provider error (HTTP ${error.status ?? '?'}): ${error.message}`;
    case 'provider':
      return `Provider error: ${error.message}`;
    case 'network':
      return error.message;
  }
}

/** `1,234 tokens`-style footer facts: model, provider, token counts. */
export function usageSummary(state: AssistantMessageState): string | undefined {
  const usage = state.usage;
  if (usage === undefined) return undefined;
  const parts: string[] = [];
  if (usage.reasoningTokens !== undefined) {
    parts.push(`${usage.reasoningTokens.toLocaleString('en')} reasoning tokens`);
  }
  if (usage.completionTokens !== undefined) {
    parts.push(`${usage.completionTokens.toLocaleString('en')} completion tokens`);
  }
  if (usage.promptTokens !== undefined) {
    parts.push(`${usage.promptTokens.toLocaleString('en')} prompt tokens`);
  }
  return parts.length > 0 ? parts.join(' · ') : undefined;
}
