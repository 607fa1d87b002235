import { useCallback, useEffect, useState } from 'react';
import type {
  ConversationPersistence,
  StorageProblem,
} from '../features/chat/conversation-persistence';
import type { ConversationStore } from '../storage/conversation-store';
import type { OpenedStorage } from './open-storage';
import { PartLoadError } from './on-demand';
import { storagePart } from './parts';

/** The opened conversation storage and what went wrong with it, for the banner. */
export interface StorageState {
  store: ConversationStore | undefined;
  persistence: ConversationPersistence | undefined;
  /** A sentence for the storage banner, or `undefined` when all is well. */
  problem: string | undefined;
  dismissProblem: () => void;
  /** Why storage could not be opened at all (its code did not download), or `undefined`. */
  failure: string | undefined;
  /** Tries again to open storage after a failure. */
  retry: () => void;
}

const QUOTA_MESSAGE =
  'Browser storage is full: new messages stay in this tab but are not saved. Delete old conversations or free space in your browser to save again.';
const FAILED_MESSAGE =
  'Saving to browser storage failed: new messages stay in this tab but are not saved.';

/**
 * Downloads the storage code, then opens IndexedDB once (falling back to memory), and reports
 * storage problems.
 */
export function useStorage(): StorageState {
  const [opened, setOpened] = useState<OpenedStorage>();
  const [problem, setProblem] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  const reportProblem = useCallback((kind: StorageProblem, error: unknown) => {
    console.warn('Ruminate could not save:', error);
    setProblem(kind === 'quota' ? QUOTA_MESSAGE : FAILED_MESSAGE);
  }, []);

  useEffect(() => {
    let isCurrent = true;
    storagePart
      .load()
      .then(({ openStorage }) => openStorage(reportProblem))
      .then(
        (next) => {
          if (!isCurrent) return;
          setOpened(next);
          if (next.problem !== undefined) setProblem(next.problem);
        },
        (error: unknown) => {
          console.warn('Ruminate could not open storage:', error);
          if (isCurrent) setFailure(failureMessage(error));
        },
      );
    return () => {
      isCurrent = false;
    };
  }, [reportProblem, attempt]);

  const dismissProblem = useCallback(() => setProblem(undefined), []);
  const retry = useCallback(() => {
    storagePart.reset();
    setFailure(undefined);
    setAttempt((count) => count + 1);
  }, []);
  return {
    store: opened?.store,
    persistence: opened?.persistence,
    problem,
    dismissProblem,
    failure,
    retry,
  };
}

function failureMessage(error: unknown): string {
  if (error instanceof PartLoadError) return error.message;
  const reason = error instanceof Error ? error.message : String(error);
  return `Ruminate couldn’t open your saved conversations (${reason}). Try again, or reload the page.`;
}
