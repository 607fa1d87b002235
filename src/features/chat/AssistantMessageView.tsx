import { memo, useMemo } from 'react';
import type { AssistantMessage } from '../../core/chat/chat-message';
import {
  isReasoningOpenByDefault,
  type ReasoningPanelPolicy,
} from '../../core/chat/reasoning-panel-policy';
import { isStreaming } from '../../core/stream/assistant-message';
import { CopyButton } from '../../components/ui/copy-button';
import { StreamingMarkdown } from '../../lib/streaming-markdown';
import { useNow } from '../../lib/use-now';
import { ReasoningPanel } from './reasoning/ReasoningPanel';
import type { MessageActions } from './message-actions';
import { endNote, errorText, isFixedInSettings, panelNote } from './message-notes';
import { staticMessageSource, type MessageSource } from './message-source';
import { ReasoningSection } from './ReasoningSection';
import { ReplyStatsLine } from './ReplyStatsLine';
import { RequestDetails } from './RequestDetails';
import { useMessageField } from './use-message-field';
import { VersionSwitcher } from './VersionSwitcher';

interface AssistantMessageViewOptions {
  versionIds: readonly string[];
  versionIndex: number;
  actions: MessageActions;
  reasoningPolicy: ReasoningPanelPolicy;
  /** Another reply is streaming: actions that start a request wait. */
  isBusy: boolean;
  /** A shared transcript: no actions, no request details, panel choices not saved. */
  isReadOnly?: boolean;
}

/** The message itself (it renders again when it changes), or its source (followed field by field). */
type AssistantMessageViewProps = AssistantMessageViewOptions &
  (
    | { message: AssistantMessage; source?: undefined }
    | { source: MessageSource<AssistantMessage>; message?: undefined }
  );

const actionClass =
  'rounded-md border border-zinc-300 px-2.5 py-1 text-xs font-medium hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800';

/**
 * One assistant reply: thinking panel, markdown answer, end state, actions and footer. Given a
 * source, each part follows only the fields it shows: while a reply streams, a frame of answer
 * tokens renders the answer (`AnswerBody`), a frame of reasoning the panel body
 * (`ReasoningSection`); counts and speed are shown again 4 times a second (`ReplyStatsLine`,
 * the panel header), and this frame around them only when the status or an end note changes.
 */
export const AssistantMessageView = memo(function AssistantMessageView({
  message: given,
  source: givenSource,
  versionIds,
  versionIndex,
  actions,
  reasoningPolicy,
  isBusy,
  isReadOnly = false,
}: AssistantMessageViewProps) {
  const source = useMemo(() => givenSource ?? staticMessageSource(given!), [givenSource, given]);
  const status = useMessageField(source, (m) => m.state.status);
  const isLive = isStreaming(status);
  const hasReasoning = useMessageField(
    source,
    (m) => m.state.reasoning !== '' || m.state.hasHiddenReasoning === true,
  );
  const hiddenNote = useMessageField(source, (m) =>
    m.state.hasHiddenReasoning !== true
      ? undefined
      : m.state.reasoning === ''
        ? 'The provider keeps this model’s reasoning hidden; only its length is known.'
        : 'The provider shows a summary; the full reasoning stays hidden.',
  );
  const isOpenByDefault = useMessageField(source, (m) =>
    isReasoningOpenByDefault(reasoningPolicy, m.state),
  );
  const timing = useMessageField(source, (m) => m.state.timing);
  const stalledAt = useMessageField(source, (m) => m.state.stalledAt);
  const note = useMessageField(source, (m) => endNote(m.state));
  const headerNote = useMessageField(source, (m) => panelNote(m.state));
  const error = useMessageField(source, (m) => errorText(m.state));
  const canFixInSettings = useMessageField(source, (m) => isFixedInSettings(m.state));
  const hasAnswer = useMessageField(source, (m) => m.state.answer !== '');
  const isReasoningOpen = useMessageField(source, (m) => m.isReasoningOpen);
  const model = useMessageField(source, (m) => m.model);
  const providerName = useMessageField(source, (m) => m.providerName);
  const request = useMessageField(source, (m) => m.request);
  const id = useMessageField(source, (m) => m.id);
  // Shown once the reply has ended, when they no longer change.
  const { answer, reasoning } = source.get().state;
  const needsRetry = status === 'error' || status === 'interrupted';

  return (
    <article
      data-testid="assistant-message"
      data-status={status}
      aria-busy={isLive}
      aria-label="Assistant message"
      // Finished replies off screen skip style, layout and paint; `auto` keeps their last size.
      className={
        isLive ? undefined : '[contain-intrinsic-size:auto_480px] [content-visibility:auto]'
      }
    >
      {hasReasoning && (
        <ReasoningPanel.Root
          isThinking={status === 'reasoning'}
          isOpenByDefault={isOpenByDefault}
          timing={timing}
          userChoice={isReasoningOpen}
          onUserChoice={isReadOnly ? undefined : (isOpen) => actions.setReasoningOpen(id, isOpen)}
        >
          <ReasoningSection
            source={source}
            note={headerNote}
            hiddenNote={hiddenNote}
            onStop={isLive ? actions.stop : undefined}
          />
        </ReasoningPanel.Root>
      )}
      <div data-testid="answer" className="min-h-6">
        <AnswerBody source={source} isLive={isLive} isWaiting={status === 'waiting'} />
      </div>
      {stalledAt !== undefined && isLive && (
        <StallNotice
          stalledAt={stalledAt}
          onRetry={() => actions.regenerate(id)}
          onStop={actions.stop}
        />
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
          {!isReadOnly && actions.openSettings !== undefined && canFixInSettings && (
            <button type="button" className={actionClass} onClick={actions.openSettings}>
              Open Settings
            </button>
          )}
        </div>
      )}
      <footer className="paint-layer mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
        <VersionSwitcher
          versionIds={versionIds}
          versionIndex={versionIndex}
          noun="answer"
          onSelect={actions.selectVersion}
        />
        <span>
          {model || 'model'} · {providerName}
        </span>
        <ReplyStatsLine source={source} />
        {!isLive && !isReadOnly && (
          <span className="flex flex-wrap items-center gap-1">
            {status === 'truncated' && hasAnswer && (
              <button
                type="button"
                className={actionClass}
                disabled={isBusy}
                onClick={() => actions.continueReply(id)}
              >
                Continue
              </button>
            )}
            <button
              type="button"
              className={actionClass}
              disabled={isBusy}
              onClick={() => actions.regenerate(id)}
            >
              {needsRetry ? 'Retry' : 'Regenerate'}
            </button>
            {answer !== '' && <CopyButton text={answer} label="Copy answer" />}
            {reasoning !== '' && <CopyButton text={reasoning} label="Copy reasoning" />}
            <button type="button" className={actionClass} onClick={() => actions.share(id)}>
              Share this turn
            </button>
          </span>
        )}
        {isReadOnly && answer !== '' && <CopyButton text={answer} label="Copy answer" />}
        {request !== undefined && !isReadOnly && <RequestDetails request={request} />}
      </footer>
    </article>
  );
});

/**
 * The answer, following only the answer's text: the one part of a reply that renders at every
 * frame of answer tokens (and in it, only the block being written: see `StreamingMarkdown`).
 */
const AnswerBody = memo(function AnswerBody({
  source,
  isLive,
  isWaiting,
}: {
  source: MessageSource<AssistantMessage>;
  isLive: boolean;
  isWaiting: boolean;
}) {
  const answer = useMessageField(source, (m) => m.state.answer);
  if (answer !== '') return <StreamingMarkdown text={answer} isStreaming={isLive} />;
  if (!isWaiting) return null;
  return (
    <p className="flex items-center gap-2 text-sm text-zinc-500">
      <span aria-hidden="true" className="thinking-dot h-2 w-2 rounded-full bg-zinc-400" />
      Waiting for {source.get().model || 'the model'}…
    </p>
  );
});

/** A stream gone quiet: how long, and Retry or Stop. Its count ticks by itself. */
function StallNotice({
  stalledAt,
  onRetry,
  onStop,
}: {
  stalledAt: number;
  onRetry: () => void;
  onStop: () => void;
}) {
  const now = useNow(true);
  return (
    <div
      role="status"
      className="mt-2 flex flex-wrap items-center gap-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <span data-testid="stall-notice">
        No data for {Math.max(30, Math.round((now - stalledAt) / 1000) + 30)} s. The provider may be
        overloaded; what arrived is kept.
      </span>
      <button type="button" className={actionClass} onClick={onRetry}>
        Retry
      </button>
      <button type="button" className={actionClass} onClick={onStop}>
        Stop
      </button>
    </div>
  );
}
