import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { CopyButton } from '../../components/ui/copy-button';
import { shortLinkDb, shortLinksOf } from '../../storage/short-link-db';
import { deleteShortLink } from './use-short-link';

/**
 * The short links this browser made from a conversation (their delete tokens are kept here), each
 * with "Delete this link". `exceptId` leaves out the link the dialog shows above.
 */
export function EarlierShortLinks({
  conversationId,
  exceptId,
}: {
  conversationId: string;
  exceptId: string | undefined;
}) {
  const links = useLiveQuery(
    () => shortLinksOf(shortLinkDb(), conversationId, Date.now()).catch(() => []),
    [conversationId],
  );
  const [problem, setProblem] = useState<string>();
  const shown = (links ?? []).filter((link) => link.id !== exceptId);
  if (shown.length === 0) return null;
  return (
    <section
      aria-label="Short links made in this browser"
      className="flex flex-col gap-1.5 text-sm"
    >
      <h3 className="font-medium">Short links made in this browser</h3>
      <ul className="flex flex-col gap-1">
        {shown.map((link) => (
          <li
            key={link.id}
            className="flex flex-wrap items-center gap-x-2"
            data-testid="earlier-short-link"
          >
            <span className="min-w-0 basis-full truncate font-mono text-xs" title={link.url}>
              {link.url}
            </span>
            <span className="mr-auto text-xs text-zinc-500 dark:text-zinc-400">
              {link.expiresAt === null
                ? 'Never expires'
                : `Until ${new Date(link.expiresAt).toLocaleDateString('en', { dateStyle: 'medium' })}`}
            </span>
            <CopyButton text={link.url} label="Copy" />
            <button
              type="button"
              onClick={() => void deleteShortLink(link).then(setProblem)}
              className="rounded-lg px-2 py-1 font-medium text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
            >
              Delete this link
            </button>
          </li>
        ))}
      </ul>
      {problem !== undefined && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </section>
  );
}
