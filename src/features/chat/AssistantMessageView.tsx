import { memo } from 'react';
import type { AssistantMessage } from '../../core/chat/chat-message';
import {
  isReasoningOpenByDefault,
  type ReasoningPanelPolicy,
} from '../../core/chat/reasoning-panel-policy';
import { isStreaming } from '../../core/stream/assistant-message';
import { replyStats } from '../../core/stream/reply-stats';
import { CopyButton } from '../../components/ui/copy-button';
import { StreamingMarkdown } from '../../lib/streaming-markdown';
import { ReasoningPanel } from './reasoning/ReasoningPanel';
import { ReasoningNavigation } from './reasoning/ReasoningNavigation';
import { useReasoningNavigation } from './reasoning/use-reasoning-navigation';
import { useNow } from '../../lib/use-now';
import type { MessageActions } from './message-actions';
import { endNote, errorText, isFixedInSettings, panelNote, statsSummary } from './message-notes';
import { RequestDetails } from './RequestDetails';
import { VersionSwitcher } from './VersionSwitcher';

interface AssistantMessageViewProps {
  message: AssistantMessage;
  versionIds: readonly string[];
  versionIndex: number;
  actions: MessageActions;
  reasoningPolicy: ReasoningPanelPolicy;
  /** Another reply is streaming: actions that start a request wait. */
  isBusy: boolean;
  /** A shared transcript: no actions, no request details, panel choices not saved. */
  isReadOnly?: boolean;
}

const actionClass =
  'rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800';

/** Why a count starts with `~`. */
const ESTIMATE_TITLE = 'Estimated from the text until the provider reports usage';

/** One assistant reply: thinking panel, markdown answer, end state, actions and footer. */
export const AssistantMessageView = memo(function AssistantMessageView({
  message,
  versionIds,
  versionIndex,
  actions,
  reasoningPolicy,
  isBusy,
  isReadOnly = false,
}: AssistantMessageViewProps) {
  const { state } = message;
  const isLive = isStreaming(state.status);
  const hasReasoning = state.reasoning !== '' || state.hasHiddenReasoning === true;
  const now = useNow(isLive);
  const stats = replyStats(state, now);
  const note = endNote(state);
  const error = errorText(state);
  const reasoningTokens =
    stats.reasoningTokens !== undefined && state.reasoning !== ''
      ? `${stats.isEstimated ? '~' : ''}${stats.reasoningTokens.toLocaleString('en')} tokens${stats.isEstimated ? ' (estimate)' : ''}`
      : undefined;
  const needsRetry = state.status === 'error' || state.status === 'interrupted';
  const navigation = useReasoningNavigation(message, stats, isLive ? actions.stop : undefined);

  return (
    <article
      data-testid="assistant-message"
      data-status={state.status}
      aria-busy={isLive}
      aria-label="Assistant message"
      // Finished replies off screen skip style, layout and paint; `auto` keeps their last size.
      className={
        isLive ? undefined : '[contain-intrinsic-size:auto_480px] [content-visibility:auto]'
      }
    >
      {hasReasoning && (
        <ReasoningPanel.Root
          isThinking={state.status === 'reasoning'}
          isOpenByDefault={isReasoningOpenByDefault(reasoningPolicy, state)}
          timing={state.timing}
          userChoice={message.isReasoningOpen}
          onUserChoice={
            isReadOnly ? undefined : (isOpen) => actions.setReasoningOpen(message.id, isOpen)
          }
        >
          <ReasoningPanel.Trigger
            detail={reasoningTokens}
            note={panelNote(state)}
            current={
              navigation.runtime && (
                <navigation.runtime.CurrentStepTitle title={navigation.state?.currentTitle} />
              )
            }
          />
          <ReasoningNavigation
            view={navigation}
            text={state.reasoning}
            hiddenNote={
              state.hasHiddenReasoning !== true
                ? undefined
                : state.reasoning === ''
                  ? 'The provider keeps this model’s reasoning hidden; only its length is known.'
                  : 'The provider shows a summary; the full reasoning stays hidden.'
            }
          />
        </ReasoningPanel.Root>
      )}
      <div data-testid="answer" className="min-h-6">
        {state.answer !== '' ? (
          <StreamingMarkdown text={state.answer} isStreaming={isLive} />
        ) : state.status === 'waiting' ? (
          <p className="flex items-center gap-2 text-sm text-zinc-500">
            <span aria-hidden="true" className="thinking-dot h-2 w-2 rounded-full bg-zinc-400" />
            Waiting for {message.model || 'the model'}…
          </p>
        ) : null}
      </div>
      {state.stalledAt !== undefined && isLive && (
        <div
          role="status"
          className="mt-2 flex flex-wrap items-center gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
        >
          <span data-testid="stall-notice">
            No data for {Math.max(30, Math.round((now - state.stalledAt) / 1000) + 30)} s. The
            provider may be overloaded; what arrived is kept.
          </span>
          <button
            type="button"
            className={actionClass}
            onClick={() => actions.regenerate(message.id)}
          >
            Retry
          </button>
          <button type="button" className={actionClass} onClick={actions.stop}>
            Stop
          </button>
        </div>
      )}
      {note !== undefined && (
        <p data-testid="end-note" className="mt-2 text-sm text-amber-700 dark:text-amber-400">
          {note}
        </p>
      )}
      {error !== undefined && (
        <div className="mt-2 flex flex-wrap items-start gap-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
          <p data-testid="message-error" role="alert" className="min-w-0 flex-1">
            {error}
          </p>
          {!isReadOnly && actions.openSettings !== undefined && isFixedInSettings(state) && (
            <button type="button" className={actionClass} onClick={actions.openSettings}>
              Open Settings
            </button>
          )}
        </div>
      )}
      <footer className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
        <VersionSwitcher
          versionIds={versionIds}
          versionIndex={versionIndex}
          noun="answer"
          onSelect={actions.selectVersion}
        />
        <span>
          {message.model || 'model'} · {message.providerName}
        </span>
        {statsSummary(stats).map((part) => (
          <span
            key={part.replace(/[\d,.~]/g, '')}
            title={part.startsWith('~') ? ESTIMATE_TITLE : undefined}
          >
            {part}
          </span>
        ))}
        {!isLive && !isReadOnly && (
          <span className="flex flex-wrap items-center gap-1">
            {state.status === 'truncated' && state.answer !== '' && (
              <button
                type="button"
                className={actionClass}
                disabled={isBusy}
                onClick={() => actions.continueReply(message.id)}
              >
                Continue
              </button>
            )}
            <button
              type="button"
              className={actionClass}
              disabled={isBusy}
              onClick={() => actions.regenerate(message.id)}
            >
              {needsRetry ? 'Retry' : 'Regenerate'}
            </button>
            {state.answer !== '' && <CopyButton text={state.answer} label="Copy answer" />}
            {state.reasoning !== '' && <CopyButton text={state.reasoning} label="Copy reasoning" />}
            <button type="button" className={actionClass} onClick={() => actions.share(message.id)}>
              Share this turn
            </button>
          </span>
        )}
        {isReadOnly && state.answer !== '' && (
          <CopyButton text={state.answer} label="Copy answer" />
        )}
        {message.request !== undefined && !isReadOnly && (
          <RequestDetails request={message.request} />
        )}
      </footer>
    </article>
  );
});
