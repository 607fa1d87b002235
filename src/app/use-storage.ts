import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  browserPersistence,
  type ConversationPersistence,
  type StorageProblem,
} from '../features/chat/conversation-persistence';
import { openRuminateDb } from '../storage/conversation-db';
import { ConversationStore } from '../storage/conversation-store';

/** The opened conversation storage and what went wrong with it, for the banner. */
export interface StorageState {
  store: ConversationStore | undefined;
  persistence: ConversationPersistence | undefined;
  /** A sentence for the storage banner, or `undefined` when all is well. */
  problem: string | undefined;
  dismissProblem: () => void;
}

const QUOTA_MESSAGE =
  'Browser storage is full: new messages stay in this tab but are not saved. Delete old conversations or free space in your browser to save again.';
const FAILED_MESSAGE =
  'Saving to browser storage failed: new messages stay in this tab but are not saved.';

/** Opens IndexedDB once (falling back to memory) and reports storage problems. */
export function useStorage(): StorageState {
  const [store, setStore] = useState<ConversationStore>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let isCurrent = true;
    void openRuminateDb().then((opened) => {
      if (!isCurrent) return;
      setStore(new ConversationStore(opened.db));
      if (opened.problem !== undefined) setProblem(opened.problem);
    });
    return () => {
      isCurrent = false;
    };
  }, []);

  const reportProblem = useCallback((kind: StorageProblem, error: unknown) => {
    console.warn('Ruminate could not save:', error);
    setProblem(kind === 'quota' ? QUOTA_MESSAGE : FAILED_MESSAGE);
  }, []);

  const persistence = useMemo(
    () => (store === undefined ? undefined : browserPersistence(store, reportProblem)),
    [store, reportProblem],
  );
  const dismissProblem = useCallback(() => setProblem(undefined), []);
  return { store, persistence, problem, dismissProblem };
}
