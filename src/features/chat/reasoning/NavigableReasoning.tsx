import {
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { createMatchFinder } from '../../../core/reasoning/find-matches';
import { MIN_OUTLINE_STEPS } from '../../../core/reasoning/step-outline';
import type { ReasoningStep } from '../../../core/reasoning/step-timing';
import { ReasoningOutline } from './ReasoningOutline';
import type { ReasoningPanel } from './ReasoningPanel';
import type { StreamingMarkdown } from '../../../lib/streaming-markdown';
import { ReasoningSearch } from './ReasoningSearch';
import { ReasoningStepsBody } from './ReasoningStepsBody';
import { stepAt } from '../../../core/reasoning/step-at';

/**
 * The panel parts and the markdown renderer this body uses, passed in rather than imported so that
 * this on-demand chunk shares no module with the initial download but React.
 */
export interface PanelParts {
  Content: typeof ReasoningPanel.Content;
  IfOpen: typeof ReasoningPanel.IfOpen;
  Markdown: typeof StreamingMarkdown;
}

interface NavigableReasoningProps {
  parts: PanelParts;
  text: string;
  steps: readonly ReasoningStep[];
  isThinking: boolean;
  hiddenNote?: string;
}

/**
 * The Thinking panel's body with its navigation: search over the whole trace, the outline of
 * steps (from three steps on) and the trace rendered one element per step, mounted near the view.
 */
export function NavigableReasoning({
  parts,
  text,
  steps,
  isThinking,
  hiddenNote,
}: NavigableReasoningProps) {
  const idPrefix = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Typing stays responsive while a long trace streams: matching runs at a lower priority.
  const deferredQuery = useDeferredValue(query);
  // While the trace streams, each frame searches only the text that arrived.
  const [finder] = useState(createMatchFinder);
  const matches = useMemo(() => finder.find(text, deferredQuery), [finder, text, deferredQuery]);
  const activeMatch = matches.length === 0 ? -1 : Math.min(active, matches.length - 1);
  // The outline's last jump; `at` tells two jumps to the same step apart.
  const [jump, setJump] = useState<{ index: number; at: number } | undefined>(undefined);
  // The active match's step and the jump target are mounted wherever they are.
  const pinned = [
    activeMatch < 0 ? -1 : stepAt(steps, matches[activeMatch]!.start),
    jump?.index ?? -1,
  ].filter((index) => index >= 0);

  // The target is mounted in the commit that sets `jump`: scroll to it and focus it there.
  useLayoutEffect(() => {
    if (jump === undefined) return;
    const element = document.getElementById(`${idPrefix}-step-${jump.index}`);
    element?.scrollIntoView({ block: 'start' });
    element?.focus({ preventScroll: true });
  }, [jump, idPrefix]);

  useEffect(() => {
    if (activeMatch < 0) return;
    document
      .getElementById(`${idPrefix}-match-${activeMatch}`)
      ?.scrollIntoView({ block: 'center' });
  }, [activeMatch, deferredQuery, idPrefix]);

  // The search box's handlers live as long as the panel, so the box is not redone (and React does
  // not rewrite its input's attributes) on every frame of a streaming trace.
  const matchCount = useRef(0);
  useLayoutEffect(() => {
    matchCount.current = matches.length;
  }, [matches.length]);
  const handleQueryChange = useCallback((next: string) => {
    setQuery(next);
    setActive(0);
  }, []);
  // Goes to the next (+1) or previous (−1) of the matches there are now, wrapping around.
  const handleMove = useCallback((direction: 1 | -1) => {
    setActive((last) => {
      const count = matchCount.current;
      if (count === 0) return last;
      return (Math.min(last, count - 1) + direction + count) % count;
    });
  }, []);
  // One handler for the panel's life: the outline's memoized items keep the handler they first
  // got, and a closure made here would hold this render's whole text (see `jumpHandler`).
  const [handleJump] = useState(() => jumpHandler(setJump));

  const tools =
    text === '' ? undefined : (
      <div className="space-y-2">
        <ReasoningSearch
          query={query}
          onQueryChange={handleQueryChange}
          matchCount={matches.length}
          activeIndex={Math.max(0, activeMatch)}
          onMove={handleMove}
        />
        {steps.length >= MIN_OUTLINE_STEPS && (
          <ReasoningOutline steps={steps} isThinking={isThinking} onJump={handleJump} />
        )}
      </div>
    );
  return (
    <>
      {tools !== undefined && (
        <parts.IfOpen>
          <div className="border-t border-zinc-200 px-4 pt-3 dark:border-zinc-800">{tools}</div>
        </parts.IfOpen>
      )}
      <parts.Content
        text={text}
        hiddenNote={hiddenNote}
        body={
          <ReasoningStepsBody
            text={text}
            steps={steps}
            isThinking={isThinking}
            matches={matches}
            activeMatch={activeMatch}
            pinned={pinned}
            idPrefix={idPrefix}
            Markdown={parts.Markdown}
          />
        }
      />
    </>
  );
}

/**
 * The outline's jump handler, made outside the component: a closure made during a render shares
 * that render's scope, so each memoized outline item would otherwise keep a whole copy of the
 * trace as it was when the item last rendered (hundreds of copies of a long trace).
 */
function jumpHandler(
  setJump: (
    update: (last: { index: number; at: number } | undefined) => { index: number; at: number },
  ) => void,
): (index: number) => void {
  return (index) => setJump((last) => ({ index, at: (last?.at ?? 0) + 1 }));
}
