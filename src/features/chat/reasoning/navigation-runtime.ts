/**
 * What the Thinking panel's navigation downloads on demand (see `navigation-part.ts`): the step
 * segmenter and repetition detector behind the live step title and the loop alarm, and the outline,
 * search and step-by-step body.
 */
/** @public read through the module loaded on demand (`navigation-part.ts`) */
export { CurrentStepTitle } from './CurrentStepTitle';
/** @public read through the module loaded on demand (`navigation-part.ts`) */
export { LoadedNavigation } from './LoadedNavigation';
/** @public read through the module loaded on demand (`navigation-part.ts`) */
export { readNavigation } from './read-navigation';
/** @public read through the module loaded on demand (`navigation-part.ts`) */
export { createStepsCache } from './steps-cache';
