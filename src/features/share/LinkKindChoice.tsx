import { useId } from 'react';
import type { ShareExpiry } from './share-api';

/** The two kinds of link the dialog makes. */
export type LinkKind = 'short' | 'self-contained';

const EXPIRY_LABELS: Record<ShareExpiry, string> = {
  '1d': '1 day',
  '30d': '30 days',
  never: 'Never',
};

/**
 * The choice between a short link (an encrypted copy stored on this server) and a self-contained
 * one (nothing uploaded), with the short link's expiry. Offered only when the server has a store.
 */
export function LinkKindChoice({
  kind,
  expiry,
  expiries,
  onKindChange,
  onExpiryChange,
}: {
  kind: LinkKind;
  expiry: ShareExpiry;
  expiries: readonly ShareExpiry[];
  onKindChange: (kind: LinkKind) => void;
  onExpiryChange: (expiry: ShareExpiry) => void;
}) {
  const expiryId = useId();
  const options = [
    ['short', 'Short link', 'stored encrypted on this server'],
    ['self-contained', 'Self-contained link', 'nothing uploaded'],
  ] as const;
  return (
    <fieldset className="flex flex-col gap-1.5 text-sm">
      <legend className="mb-1 font-medium">Kind of link</legend>
      {options.map(([value, label, detail]) => (
        <label key={value} className="flex items-center gap-2">
          <input
            type="radio"
            name="link-kind"
            value={value}
            checked={kind === value}
            onChange={() => onKindChange(value)}
            className="accent-brand"
          />
          <span>
            <span className="font-medium">{label}</span>
            <span className="text-zinc-500 dark:text-zinc-400"> ({detail})</span>
          </span>
        </label>
      ))}
      {kind === 'short' && (
        <span className="flex items-center gap-2 pl-6">
          <label htmlFor={expiryId}>Expires after</label>
          <select
            id={expiryId}
            value={expiry}
            onChange={(event) => onExpiryChange(event.target.value as ShareExpiry)}
            className="rounded-lg border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
          >
            {expiries.map((value) => (
              <option key={value} value={value}>
                {EXPIRY_LABELS[value]}
              </option>
            ))}
          </select>
        </span>
      )}
    </fieldset>
  );
}
