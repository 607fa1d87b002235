/**
 * What a chat session needs from the outside world: the browser's in the app, fakes in tests.
 */
import type { ReplyTransport } from '../../providers/reply-transport';
import type { ConversationPersistence } from './conversation-persistence';

/** What a session needs from the outside world; tests pass fakes. */
export interface ChatSessionDeps {
  transport: ReplyTransport;
  /** Current time, epoch ms. */
  now: () => number;
  /** Runs `callback` before the next paint (`requestAnimationFrame` in the browser). */
  scheduleFrame: (callback: () => void) => void;
  /** Runs `callback` after `ms`; returns a function that cancels it. */
  setTimer: (callback: () => void, ms: number) => () => void;
  /** Reports a skipped malformed chunk (the console, in the browser). */
  onMalformedChunk?: (data: string, reason: string) => void;
  /** Where conversations are saved; without it the session keeps everything in memory. */
  persistence?: ConversationPersistence;
}
