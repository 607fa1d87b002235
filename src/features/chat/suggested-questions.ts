import list from './suggested-questions.json';

/**
 * A question the empty chat offers. The list is data (`suggested-questions.json`) that the Demo
 * provider reads too (`server/demo/`): it has a scripted reply for each `id`.
 */
export interface SuggestedQuestion {
  id: string;
  question: string;
}

/** The suggested questions, in the order they are shown. */
export const SUGGESTED_QUESTIONS: readonly SuggestedQuestion[] = list;
