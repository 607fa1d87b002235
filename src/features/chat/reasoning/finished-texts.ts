import { ownCopy } from '../../../core/markdown/own-copy';
import type { ReasoningStep } from '../../../core/reasoning/step-timing';

/** Finished steps' texts, cut and copied once each (see `ownCopy`). */
export interface FinishedTexts {
  /** Bumped when the text is not a continuation of the last one seen. */
  generation: number;
  /** Starts over when `text` does not continue the text seen last. */
  follow(text: string): void;
  cut(text: string, step: ReasoningStep): string;
}

/** An empty cache of finished steps' texts for one growing trace. */
export function createFinishedTexts(): FinishedTexts {
  let head = '';
  const cuts = new Map<string, string>();
  return {
    generation: 0,
    follow(text) {
      if (!text.startsWith(head)) {
        cuts.clear();
        this.generation += 1;
      }
      head = text.slice(0, 64);
    },
    cut(text, step) {
      const key = `${step.start}:${step.end}`;
      let cut = cuts.get(key);
      if (cut === undefined) {
        cut = ownCopy(text.slice(step.start, step.end));
        cuts.set(key, cut);
      }
      return cut;
    },
  };
}
