import { memo } from 'react';
import type { AssistantMessage } from '../../core/chat/chat-message';
import { reasoningBudget } from '../../core/reasoning/reasoning-budget';
import { isStreaming } from '../../core/stream/assistant-message';
import { replyStats } from '../../core/stream/reply-stats';
import { useNow } from '../../lib/use-now';
import { STATS_REFRESH_MS } from './message-notes';
import type { MessageSource } from './message-source';
import type { NavigationRuntime } from './reasoning/navigation-part';
import { ReasoningNavigation } from './reasoning/ReasoningNavigation';
import { ReasoningPanel } from './reasoning/ReasoningPanel';
import { useReasoningNavigation } from './reasoning/use-reasoning-navigation';
import { useMessageField } from './use-message-field';
import { formatCount } from '../../core/stream/format-count';

interface ReasoningSectionProps {
  source: MessageSource<AssistantMessage>;
  /** The short end state shown on the header (`panelNote`). */
  note: string | undefined;
  /** Explains reasoning the provider keeps hidden. */
  hiddenNote: string | undefined;
  /** Stops the reply, while it streams in this tab. */
  onStop: (() => void) | undefined;
}

/**
 * The inside of a reply's Thinking panel: its header and its body with navigation. It follows the
 * reasoning only: it renders again when reasoning arrives (every frame while the model thinks),
 * not for answer tokens, except 4 times a second while a token budget is shown.
 */
export function ReasoningSection({ source, note, hiddenNote, onStop }: ReasoningSectionProps) {
  const reasoning = useMessageField(source, (m) => m.state.reasoning);
  useMessageField(source, (m) => m.state.reasoningArrivals);
  const isLive = useMessageField(source, (m) => isStreaming(m.state.status));
  const message = source.get();
  const hasBudget = onStop !== undefined && reasoningBudget(message.request?.body) !== undefined;
  const now = useNow(isLive && hasBudget, STATS_REFRESH_MS);
  const navigation = useReasoningNavigation(message, replyStats(message.state, now), onStop);
  return (
    <>
      <ReasoningHeader
        source={source}
        note={note}
        title={navigation.state?.currentTitle}
        StepTitle={navigation.runtime?.CurrentStepTitle}
      />
      <ReasoningNavigation view={navigation} text={reasoning} hiddenNote={hiddenNote} />
    </>
  );
}

interface ReasoningHeaderProps {
  source: MessageSource<AssistantMessage>;
  note: string | undefined;
  /** The title of the step being written. */
  title: string | undefined;
  StepTitle: NavigationRuntime['CurrentStepTitle'] | undefined;
}

/**
 * The panel's header with the reasoning token count, shown again 4 times a second while the reply
 * streams (the timer in it ticks by itself), and when the step being written changes.
 */
const ReasoningHeader = memo(function ReasoningHeader({
  source,
  note,
  title,
  StepTitle,
}: ReasoningHeaderProps) {
  const isLive = isStreaming(useMessageField(source, (m) => m.state.status));
  // Reported usage may arrive as the stream ends.
  useMessageField(source, (m) => m.state.usage);
  const now = useNow(isLive, STATS_REFRESH_MS);
  const { state } = source.get();
  const stats = replyStats(state, now);
  const tokens =
    stats.reasoningTokens !== undefined && state.reasoning !== ''
      ? `${stats.isEstimated ? '~' : ''}${formatCount(stats.reasoningTokens)} tokens${stats.isEstimated ? ' (estimate)' : ''}`
      : undefined;
  return (
    <ReasoningPanel.Trigger
      detail={tokens}
      note={note}
      current={StepTitle && <StepTitle title={title} />}
    />
  );
});
