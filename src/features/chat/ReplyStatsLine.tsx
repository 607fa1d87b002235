import { memo } from 'react';
import type { AssistantMessage } from '../../core/chat/chat-message';
import { isStreaming } from '../../core/stream/assistant-message';
import { replyStats } from '../../core/stream/reply-stats';
import { useNow } from '../../lib/use-now';
import { STATS_REFRESH_MS, statsSummary } from './message-notes';
import type { MessageSource } from './message-source';
import { useMessageField } from './use-message-field';

/** Why a count starts with `~`. */
const ESTIMATE_TITLE = 'Estimated from the text until the provider reports usage';

/**
 * The footer's token counts, time to first token and speed. While the reply streams they are shown
 * again 4 times a second, not at every frame of tokens, and at each change of status or usage.
 */
export const ReplyStatsLine = memo(function ReplyStatsLine({
  source,
}: {
  source: MessageSource<AssistantMessage>;
}) {
  const isLive = isStreaming(useMessageField(source, (m) => m.state.status));
  useMessageField(source, (m) => m.state.usage);
  const now = useNow(isLive, STATS_REFRESH_MS);
  return statsSummary(replyStats(source.get().state, now)).map((part) => (
    <span
      key={part.replace(/[\d,.~]/g, '')}
      title={part.startsWith('~') ? ESTIMATE_TITLE : undefined}
    >
      {part}
    </span>
  ));
});
