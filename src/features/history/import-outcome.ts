/**
 * What an import did (`note`: a sentence to show), or a question when the file holds
 * conversations the history has already: each answer imports and resolves to the note.
 */
export type ImportOutcome =
  | { note: string }
  | { question: string; keepBoth: () => Promise<string>; skip: () => Promise<string> };
