import { BudgetReadout } from './BudgetReadout';
import { NavigableReasoning, type PanelParts } from './NavigableReasoning';
import type { NavigationState } from './read-navigation';
import { RepetitionNotice } from './RepetitionNotice';

interface LoadedNavigationProps {
  state: NavigationState;
  parts: PanelParts;
  text: string;
  hiddenNote?: string;
}

/** The loop alarm and the budget (shown folded or not), then the body with search and outline. * @public loaded on demand through `navigation-runtime.ts`
 */
export function LoadedNavigation({ state, parts, text, hiddenNote }: LoadedNavigationProps) {
  return (
    <>
      {state.repetition !== undefined && <RepetitionNotice onStop={state.onStop} />}
      {state.budget !== undefined && (
        <BudgetReadout used={state.budget.used} budget={state.budget.budget} />
      )}
      <NavigableReasoning
        parts={parts}
        text={text}
        steps={state.steps}
        isThinking={state.isThinking}
        hiddenNote={hiddenNote}
      />
    </>
  );
}
