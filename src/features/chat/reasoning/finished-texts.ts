import { ownCopy } from '../../../core/markdown/own-copy';
import type { ReasoningStep } from '../../../core/reasoning/step-timing';

/**
 * Finished steps' texts, cut and copied once each (see `ownCopy`) from the latest text only, so
 * that nothing rendered from it holds on to an older whole text.
 */
export interface FinishedTexts {
  /** Bumped when the text is not a continuation of the last one seen. */
  generation: number;
  /** Takes the trace's latest text; starts over when it does not continue the one seen last. */
  follow(text: string): void;
  /** The text of a finished step of the latest text. */
  cut(step: ReasoningStep): string;
}

/** An empty cache of finished steps' texts for one growing trace. */
export function createFinishedTexts(): FinishedTexts {
  let head = '';
  let latest = '';
  const cuts = new Map<string, string>();
  return {
    generation: 0,
    follow(text) {
      if (!text.startsWith(head)) {
        cuts.clear();
        this.generation += 1;
      }
      head = text.slice(0, 64);
      latest = text;
    },
    cut(step) {
      const key = `${step.start}:${step.end}`;
      let cut = cuts.get(key);
      if (cut === undefined) {
        cut = ownCopy(latest.slice(step.start, step.end));
        cuts.set(key, cut);
      }
      return cut;
    },
  };
}
