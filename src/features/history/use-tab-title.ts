import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { ConversationStore } from '../../storage/conversation-store';

const APP_NAME = 'Ruminate';

/**
 * Names the browser tab after the open conversation ("Its title · Ruminate"), following renames;
 * just "Ruminate" for a new chat.
 */
export function useTabTitle(store: ConversationStore, currentId: string | undefined): void {
  const title = useLiveQuery(
    async () =>
      currentId === undefined ? undefined : (await store.db.conversations.get(currentId))?.title,
    [store, currentId],
  );
  useEffect(() => {
    document.title = title === undefined ? APP_NAME : `${title} · ${APP_NAME}`;
  }, [title]);
  useEffect(
    () => () => {
      document.title = APP_NAME;
    },
    [],
  );
}
