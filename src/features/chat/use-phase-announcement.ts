import { useEffect, useRef, useState } from 'react';
import type { ChatMessage } from '../../core/chat/chat-message';
import { formatDuration, reasoningDurationMs } from '../../core/stream/thinking-label';
import { errorText } from './message-notes';

/**
 * A sentence for a polite live region when the newest reply changes phase ("Thinking", "Thought for
 * 12 seconds", "Answer complete", errors), never per token.
 */
export function usePhaseAnnouncement(messages: readonly ChatMessage[]): string {
  const last = messages.at(-1);
  const reply = last?.role === 'assistant' ? last : undefined;
  const key = reply === undefined ? '' : `${reply.id}:${reply.state.status}`;
  const previousKey = useRef(key);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (key === previousKey.current || reply === undefined) return;
    previousKey.current = key;
    const { state } = reply;
    const thought = reasoningDurationMs(state.timing, Date.now());
    const phrases: Record<string, string> = {
      waiting: 'Waiting for the model',
      reasoning: 'Thinking',
      answering:
        thought === undefined ? 'Answering' : `Thought for ${formatDuration(thought)}. Answering`,
      done: 'Answer complete',
      stopped: 'Stopped by you',
      truncated: 'Cut off at max tokens',
      interrupted: 'Interrupted',
      error: errorText(state) ?? 'Failed',
    };
    setAnnouncement(phrases[state.status] ?? '');
  }, [key, reply]);

  return announcement;
}
