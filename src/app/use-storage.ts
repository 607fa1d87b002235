import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ConversationPersistence,
  SaveStatus,
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

/** The banner's words for a save problem, with how many changes wait to be saved. */
export function saveProblemMessage(problem: StorageProblem, unsaved: number): string {
  const waiting = `${unsaved} unsaved change${unsaved === 1 ? '' : 's'} wait${unsaved === 1 ? 's' : ''} in this tab and will be saved as soon as storage works again; keep the tab open until then.`;
  return problem === 'quota'
    ? `Browser storage is full: ${waiting} Delete old conversations or free space in your browser.`
    : `Saving to browser storage failed: ${waiting}`;
}

/**
 * Downloads the storage code, then opens IndexedDB once (falling back to memory), and reports
 * storage problems.
 */
export function useStorage(): StorageState {
  const [opened, setOpened] = useState<OpenedStorage>();
  const [problem, setProblem] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  // Whether the banner shows a save problem (not the in-memory notice), so that "saved" clears it.
  const isSaveProblem = useRef(false);
  const reportProblem = useCallback((status: SaveStatus) => {
    if (status.kind === 'saved') {
      if (isSaveProblem.current) setProblem(undefined);
      isSaveProblem.current = false;
      return;
    }
    console.warn('Ruminate could not save:', status.error);
    isSaveProblem.current = true;
    setProblem(saveProblemMessage(status.problem, status.unsaved));
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
