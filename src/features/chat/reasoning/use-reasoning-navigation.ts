import { useEffect, useState } from 'react';
import type { AssistantMessage } from '../../../core/chat/chat-message';
import type { ReplyStats } from '../../../core/stream/reply-stats';
import { loadedNavigation, loadNavigation, type NavigationRuntime } from './navigation-part';
import type { NavigationState } from './read-navigation';
import type { StepsCache } from './steps-cache';

/** A message's navigation, once its code has downloaded. */
export interface ReasoningNavigationView {
  /** The downloaded code; undefined until it has arrived. */
  runtime: NavigationRuntime | undefined;
  /** Steps, loop alarm and budget; undefined until the code has arrived. */
  state: NavigationState | undefined;
  /** The download failed; `retry` tries again. */
  hasFailed: boolean;
  retry: () => void;
}

/** One message's steps cache, made once the runtime has arrived. */
function createCacheSlot() {
  let cache: StepsCache | undefined;
  return {
    get(runtime: NavigationRuntime): StepsCache {
      cache ??= runtime.createStepsCache();
      return cache;
    },
  };
}

/**
 * Steps, the loop alarm and the budget of one message (see `readNavigation`). Their code downloads
 * when the first message with reasoning shows.
 *
 * @param onStop - stops the reply, when it is streaming in this tab.
 */
export function useReasoningNavigation(
  message: AssistantMessage,
  stats: ReplyStats,
  onStop: (() => void) | undefined,
): ReasoningNavigationView {
  const [runtime, setRuntime] = useState(loadedNavigation);
  const [hasFailed, setHasFailed] = useState(false);
  const [slot] = useState(createCacheSlot);
  const hasReasoning = message.state.reasoning !== '';
  // Failing, the download stays undone until `retry`.
  const isWanted = runtime === undefined && hasReasoning && !hasFailed;
  useEffect(() => {
    if (isWanted) loadNavigation().then(setRuntime, () => setHasFailed(true));
  }, [isWanted]);
  return {
    runtime,
    state: runtime && runtime.readNavigation(slot.get(runtime), message, stats, onStop),
    hasFailed,
    retry: () => setHasFailed(false),
  };
}
