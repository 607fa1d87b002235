/** The parts of the app downloaded on demand (see `on-demand.ts`). */
import { onDemand } from './on-demand';

/** Dexie, the conversation store and the persistence built on them. */
export const storagePart = onDemand('your saved conversations', () => import('./open-storage'));

/** The conversation list. */
export const sidebarPart = onDemand(
  'the conversation list',
  () => import('../features/history/Sidebar'),
);

/** The Settings form, with TanStack Query for its model list. */
export const settingsPart = onDemand('the settings', () => import('./SettingsFormPart'));

/** The Share form: link encoding, and Markdown and JSON export. */
export const sharePart = onDemand('the share dialog', () => import('../features/share/ShareForm'));

/** Reading a Ruminate JSON export and saving what it holds. */
export const importPart = onDemand('the importer', () => import('./importer'));

/** The read-only page a share link opens (it downloads the link codec itself). */
export const sharedPagePart = onDemand('the shared conversation', () => import('./SharedPagePart'));
