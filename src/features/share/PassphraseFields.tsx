import { useId, useState } from 'react';
import { passphraseStrength } from '../../core/share/passphrase-strength';

const INPUT =
  'min-w-0 flex-1 rounded-lg border border-zinc-300 bg-white px-3 py-2 outline-none focus:border-brand dark:border-zinc-700 dark:bg-zinc-900';

const LEVEL_COLOUR = {
  empty: 'text-zinc-500 dark:text-zinc-400',
  weak: 'text-red-700 dark:text-red-400',
  fair: 'text-amber-700 dark:text-amber-400',
  strong: 'text-emerald-700 dark:text-emerald-400',
} as const;

/**
 * The passphrase of a protected link: a labelled field with a show/hide toggle, a strength hint,
 * and a second field that must match, since a typo would make the link unopenable.
 */
export function PassphraseFields({
  passphrase,
  repeat,
  onPassphraseChange,
  onRepeatChange,
}: {
  passphrase: string;
  repeat: string;
  onPassphraseChange: (value: string) => void;
  onRepeatChange: (value: string) => void;
}) {
  const [isShown, setShown] = useState(false);
  const ids = { passphrase: useId(), repeat: useId(), hint: useId(), match: useId() };
  const strength = passphraseStrength(passphrase);
  const isMismatch = repeat !== '' && repeat !== passphrase;
  const type = isShown ? 'text' : 'password';
  return (
    <div className="flex flex-col gap-2 border-l-2 border-zinc-200 pl-3 dark:border-zinc-800">
      <label htmlFor={ids.passphrase} className="font-medium">
        Passphrase
      </label>
      <div className="flex gap-2">
        <input
          id={ids.passphrase}
          type={type}
          autoComplete="new-password"
          spellCheck={false}
          aria-describedby={ids.hint}
          value={passphrase}
          onChange={(event) => onPassphraseChange(event.target.value)}
          className={INPUT}
        />
        <button
          type="button"
          aria-pressed={isShown}
          aria-label={isShown ? 'Hide passphrase' : 'Show passphrase'}
          onClick={() => setShown(!isShown)}
          className="rounded-lg border border-zinc-300 px-3 py-2 text-xs font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          {isShown ? 'Hide' : 'Show'}
        </button>
      </div>
      <p
        id={ids.hint}
        data-testid="passphrase-strength"
        className={`text-xs ${LEVEL_COLOUR[strength.level]}`}
      >
        {strength.message}
      </p>
      <label htmlFor={ids.repeat} className="font-medium">
        Repeat passphrase
      </label>
      <input
        id={ids.repeat}
        type={type}
        autoComplete="new-password"
        spellCheck={false}
        aria-describedby={ids.match}
        aria-invalid={isMismatch}
        value={repeat}
        onChange={(event) => onRepeatChange(event.target.value)}
        className={INPUT}
      />
      <p id={ids.match} role="status" className="text-xs text-red-700 dark:text-red-400">
        {isMismatch ? 'The two passphrases differ.' : ''}
      </p>
    </div>
  );
}
