import { memo } from 'react';
import type { AssistantMessage } from '../../core/chat/chat-message';
import { isStreaming } from '../../core/stream/assistant-message';
import { Markdown } from '../../lib/markdown';
import { CopyButton } from '../../components/ui/copy-button';
import { ReasoningPanel } from '../reasoning/ReasoningPanel';
import { endNote, errorText, usageSummary } from './message-notes';

/** One assistant reply: thinking panel, markdown answer, end state and footer. */
export const AssistantMessageView = memo(function AssistantMessageView({
  message,
}: {
  message: AssistantMessage;
}) {
  const { state } = message;
  const isLive = isStreaming(state.status);
  const isThinking = state.status === 'reasoning';
  const hasReasoning = state.reasoning !== '';
  const note = endNote(state);
  const error = errorText(state);
  const usage = usageSummary(state);

  return (
    <article
      data-testid="assistant-message"
      data-status={state.status}
      aria-busy={isLive}
      aria-label="Assistant message"
      className="group"
    >
      {hasReasoning && (
        <ReasoningPanel.Root
          isThinking={isThinking}
          isOpenByDefault={isThinking || (!isLive && state.answer === '')}
          timing={state.timing}
        >
          <ReasoningPanel.Trigger
            note={
              !isLive && state.answer === '' && state.status !== 'done' ? 'incomplete' : undefined
            }
          />
          <ReasoningPanel.Content text={state.reasoning} />
        </ReasoningPanel.Root>
      )}
      <div data-testid="answer" className="min-h-6">
        {state.answer !== '' ? (
          <Markdown text={state.answer} />
        ) : state.status === 'waiting' ? (
          <p className="flex items-center gap-2 text-sm text-zinc-500">
            <span aria-hidden="true" className="thinking-dot h-2 w-2 rounded-full bg-zinc-400" />
            Waiting for {message.model || 'the model'}…
          </p>
        ) : null}
      </div>
      {note !== undefined && (
        <p className="mt-2 text-sm text-amber-700 dark:text-amber-400">{note}</p>
      )}
      {error !== undefined && (
        <p
          data-testid="message-error"
          role="alert"
          className="mt-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          {error}
        </p>
      )}
      {!isLive && (
        <footer className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
          <span>
            {message.model || 'model'} · {message.providerName}
          </span>
          {usage !== undefined && <span>{usage}</span>}
          {state.answer !== '' && <CopyButton text={state.answer} label="Copy answer" />}
        </footer>
      )}
    </article>
  );
});
