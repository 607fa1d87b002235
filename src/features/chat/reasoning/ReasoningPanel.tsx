/**
 * The "Thinking" accordion above an answer. Compound parts share one context:
 * `<ReasoningPanel.Root>` holds the open state, `<ReasoningPanel.Trigger>` is the header button and
 * `<ReasoningPanel.Content>` the body, mounted only while open.
 *
 * The open state is derived, never synced: open while reasoning streams, folded once the answer
 * starts, unless the person toggled it, in which case their choice wins from then on.
 */
import {
  createContext,
  useContext,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { MessageTiming } from '../../../core/stream/assistant-message';
import { useHoldInView } from '../../../lib/scroll-hold';
import { StreamingMarkdown } from '../../../lib/streaming-markdown';
import { useFollowBottom } from '../../../lib/use-follow-bottom';
import { thinkingLabel } from '../../../core/stream/thinking-label';
import { useNow } from '../../../lib/use-now';

interface ReasoningContextValue {
  isOpen: boolean;
  toggle: () => void;
  contentId: string;
  /** Reasoning text is still arriving. */
  isThinking: boolean;
  timing: MessageTiming;
}

const ReasoningContext = createContext<ReasoningContextValue | null>(null);

function useReasoning(): ReasoningContextValue {
  const value = useContext(ReasoningContext);
  if (value === null) {
    throw new Error('ReasoningPanel parts must be used inside <ReasoningPanel.Root>.');
  }
  return value;
}

interface RootProps {
  /** Reasoning text is still arriving (no answer token yet, stream open). */
  isThinking: boolean;
  /** Open when nobody has toggled: while thinking, or when reasoning is all there is. */
  isOpenByDefault: boolean;
  timing: MessageTiming;
  /**
   * The person's saved choice, when the caller keeps it (it then survives reloads); without it the
   * panel remembers the choice itself while mounted.
   */
  userChoice?: boolean;
  /** Called with the person's new choice when they toggle. */
  onUserChoice?: (isOpen: boolean) => void;
  children: ReactNode;
}

function Root({
  isThinking,
  isOpenByDefault,
  timing,
  userChoice,
  onUserChoice,
  children,
}: RootProps) {
  const [ownChoice, setOwnChoice] = useState<boolean>();
  const choice = onUserChoice === undefined ? ownChoice : userChoice;
  const isOpen = choice ?? isOpenByDefault;
  const contentId = useId();
  // The same value while nothing in it changed: a new one makes React visit every part of a long
  // trace's body to look for readers, in every frame it streams. So `toggle` reads the latest
  // setter from a ref.
  const setChoice = useRef<(isOpen: boolean) => void>(setOwnChoice);
  useLayoutEffect(() => {
    setChoice.current = onUserChoice ?? setOwnChoice;
  }, [onUserChoice]);
  const value: ReasoningContextValue = useMemo(
    () => ({ isOpen, toggle: () => setChoice.current(!isOpen), contentId, isThinking, timing }),
    [isOpen, contentId, isThinking, timing],
  );
  return (
    <ReasoningContext.Provider value={value}>
      <section className="reasoning-panel mb-3 rounded-xl border border-zinc-200 bg-zinc-50/70 dark:border-zinc-800 dark:bg-zinc-900/60">
        {children}
      </section>
    </ReasoningContext.Provider>
  );
}

/**
 * The header; `detail` is shown after the time (reasoning tokens), then `current` (the step being
 * written), `note` on the right.
 */
function Trigger({
  note,
  detail,
  current,
}: {
  note?: string;
  detail?: string;
  current?: ReactNode;
}) {
  const { isOpen, toggle, contentId, isThinking, timing } = useReasoning();
  const now = useNow(isThinking);
  const holdInView = useHoldInView();
  return (
    <button
      type="button"
      data-testid="reasoning-toggle"
      aria-expanded={isOpen}
      aria-controls={contentId}
      onClick={(event) => {
        holdInView(event.currentTarget);
        toggle();
      }}
      className="paint-layer flex w-full items-center gap-2 rounded-xl px-3 py-2 text-left text-sm font-medium text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-brand dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className={`h-4 w-4 shrink-0 transition-transform motion-reduce:transition-none ${isOpen ? 'rotate-90' : ''}`}
      >
        <path
          d="M6 3.5 10.5 8 6 12.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {/* A still dot: the ticking timer and the streaming text show the model is live, and a
          pulse here would restyle and repaint the page at every frame of a long think. */}
      {isThinking && <span aria-hidden="true" className="h-2 w-2 rounded-full bg-brand" />}
      <span className="tabular-nums">{thinkingLabel(timing, isThinking, now)}</span>
      {detail !== undefined && (
        <span className="text-xs font-normal tabular-nums text-zinc-600 dark:text-zinc-400">
          · {detail}
        </span>
      )}
      {current}
      {note !== undefined && (
        <span className="ml-auto text-xs font-normal text-amber-700 dark:text-amber-400">
          {note}
        </span>
      )}
    </button>
  );
}

/** Distance from the bottom, in px, within which the body keeps following new text. */
const FOLLOW_THRESHOLD_PX = 24;

/**
 * The body; `hiddenNote` explains reasoning the provider does not show, and `body`, when given,
 * replaces the default rendering of `text`.
 */
function Content({
  text,
  hiddenNote,
  body,
}: {
  text: string;
  hiddenNote?: string;
  body?: ReactNode;
}) {
  const { isOpen, contentId, isThinking } = useReasoning();
  const { scrollRef, contentRef } = useFollowBottom<HTMLDivElement, HTMLDivElement>(
    isOpen && isThinking,
    FOLLOW_THRESHOLD_PX,
  );

  if (!isOpen) return <div id={contentId} hidden />;
  return (
    <div
      id={contentId}
      ref={scrollRef}
      data-testid="reasoning"
      className={`reasoning-body ${isThinking ? 'max-h-80 overflow-y-auto' : ''} border-t border-zinc-200 px-4 py-3 text-sm leading-relaxed text-zinc-600 dark:border-zinc-800 dark:text-zinc-400`}
    >
      {hiddenNote !== undefined && <p className="italic">{hiddenNote}</p>}
      <div ref={contentRef}>
        {/* Finished blocks are markdown, parsed once each; the block still being written is plain
            text. When reasoning ends only its last block is parsed, not the whole trace (25k
            tokens of it would block the page for a quarter of a second). */}
        {body ?? <StreamingMarkdown text={text} isStreaming={isThinking} liveTail="text" />}
      </div>
    </div>
  );
}

/** Renders its children only while the panel is open. */
function IfOpen({ children }: { children: ReactNode }) {
  return useReasoning().isOpen ? children : null;
}

export const ReasoningPanel = { Root, Trigger, Content, IfOpen };
