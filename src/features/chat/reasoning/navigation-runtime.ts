/**
 * What the Thinking panel's navigation downloads on demand (see `navigation-part.ts`): the step
 * segmenter and repetition detector behind the live step title and the loop alarm, and the outline,
 * search and step-by-step body.
 */
export { CurrentStepTitle } from './CurrentStepTitle';
export { LoadedNavigation } from './LoadedNavigation';
export { readNavigation } from './read-navigation';
export { createStepsCache } from './steps-cache';
