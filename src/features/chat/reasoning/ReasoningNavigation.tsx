import { StreamingMarkdown } from '../../../lib/streaming-markdown';
import { ReasoningPanel } from './ReasoningPanel';
import type { ReasoningNavigationView } from './use-reasoning-navigation';

const PARTS = {
  Content: ReasoningPanel.Content,
  IfOpen: ReasoningPanel.IfOpen,
  Markdown: StreamingMarkdown,
};

interface ReasoningNavigationProps {
  view: ReasoningNavigationView;
  text: string;
  hiddenNote?: string;
}

/**
 * Everything below the Thinking panel's header: the loop alarm, the budget and the body with its
 * search, outline and steps. Until their code has downloaded the trace shows as one text.
 */
export function ReasoningNavigation({ view, text, hiddenNote }: ReasoningNavigationProps) {
  const { runtime, state } = view;
  if (runtime !== undefined && state !== undefined) {
    return (
      <runtime.LoadedNavigation state={state} parts={PARTS} text={text} hiddenNote={hiddenNote} />
    );
  }
  return (
    <>
      {view.hasFailed && (
        <ReasoningPanel.IfOpen>
          <p role="alert" className="mx-3 mb-2 text-xs">
            The outline and search didn’t load.{' '}
            <button type="button" className="underline" onClick={view.retry}>
              Try again
            </button>
          </p>
        </ReasoningPanel.IfOpen>
      )}
      <ReasoningPanel.Content text={text} hiddenNote={hiddenNote} />
    </>
  );
}
