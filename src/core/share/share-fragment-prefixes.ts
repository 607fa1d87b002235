/**
 * The fragment prefixes of share-link format version 1 (see `share-link-codec.ts`). Kept apart
 * from the codec so the app can recognise a share link without downloading the codec.
 */
export const SHARE_FRAGMENT_PREFIXES = { plain: 's1.', encrypted: 's1e.' } as const;
