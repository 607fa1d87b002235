import { useId, useState } from 'react';
import { toExportedConversation } from '../../core/share/conversation-export';
import { toJsonExport, toMarkdown } from '../../core/share/export';
import { toSharedTranscript, turnOf, type SharedTranscript } from '../../core/share/transcript';
import { CopyButton } from '../../components/ui/copy-button';
import { downloadText, fileNameFrom } from './download';
import { EarlierShortLinks } from './EarlierShortLinks';
import { LinkKindChoice, type LinkKind } from './LinkKindChoice';
import { PassphraseFields } from './PassphraseFields';
import type { ShareExpiry } from './share-api';
import type { ShareTarget } from './ShareDialog';
import { useFragmentLink } from './use-fragment-link';
import { useShareCapabilities } from './use-share-capabilities';
import { useShortLink } from './use-short-link';
import { formatCount } from '../../core/stream/format-count';

/** Links longer than this (characters) get a warning: some apps cut long links. */
export const LONG_LINK_CHARS = 32 * 1024;

type Scope = 'conversation' | 'up-to' | 'turn';

const BUTTON = 'rounded-lg px-3 py-2 font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800';

function transcriptFor(target: ShareTarget, scope: Scope, includeReasoning: boolean) {
  const messages =
    scope === 'turn' && target.messageId !== undefined
      ? turnOf(target.messages, target.messageId)
      : target.messages;
  const upToMessageId = scope === 'up-to' ? target.messageId : undefined;
  return toSharedTranscript(target.title, messages, { includeReasoning, upToMessageId });
}

/** The one line that says who can read the link, for the kind and protection chosen. */
function audienceOf(kind: LinkKind, isProtected: boolean): string {
  const readers = isProtected
    ? 'only people with the link and the passphrase can read it'
    : 'anyone with the link can read it';
  return kind === 'short'
    ? `This server keeps an encrypted copy it cannot read; ${readers}.`
    : `The link carries the transcript itself${isProtected ? ', encrypted' : ''}: nothing is uploaded, and ${readers}.`;
}

function expiryNote(expiresAt: number | null): string {
  return expiresAt === null
    ? 'Never expires.'
    : `Expires ${new Date(expiresAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })}.`;
}

/**
 * Share a conversation or a turn as a short link (sealed here, stored encrypted on this server) or
 * a self-contained link (nothing uploaded), with or without reasoning and a passphrase; or
 * download it as Markdown or JSON.
 */
export function ShareForm({ target, onClose }: { target: ShareTarget; onClose: () => void }) {
  const capabilities = useShareCapabilities();
  const store = capabilities === 'pending' ? undefined : capabilities;
  const [chosenKind, setKind] = useState<LinkKind>();
  const kind: LinkKind = chosenKind ?? (store !== undefined ? 'short' : 'self-contained');
  const [expiry, setExpiry] = useState<ShareExpiry>('30d');
  const [includeReasoning, setIncludeReasoning] = useState(true);
  const [scope, setScope] = useState<Scope>(
    target.messageId === undefined ? 'conversation' : 'turn',
  );
  const [isProtected, setProtected] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const ids = { reasoning: useId(), link: useId() };
  const transcript: SharedTranscript = transcriptFor(target, scope, includeReasoning);
  // A typo would make the link unopenable: it is made only once both fields match.
  const secret = isProtected && passphrase !== '' && passphrase === repeat ? passphrase : '';
  const needsPassphrase = isProtected && secret === '';
  const inputKey = JSON.stringify([scope, includeReasoning, isProtected, secret, kind, expiry]);
  const isFragment = kind === 'self-contained' && capabilities !== 'pending';
  const fragmentLink = useFragmentLink(
    transcript,
    secret,
    inputKey,
    isFragment && !needsPassphrase,
  );
  const short = useShortLink();
  const shortState =
    kind === 'short' && 'key' in short.state && short.state.key === inputKey
      ? short.state
      : { kind: 'idle' as const };
  const made = shortState.kind === 'made' ? shortState : undefined;
  const url = isFragment
    ? fragmentLink !== undefined && 'url' in fragmentLink
      ? fragmentLink.url
      : undefined
    : made?.link.url;
  const isLong = url !== undefined && url.length > LONG_LINK_CHARS;
  const conversationId = target.conversationId ?? '';
  const createShort = () =>
    void short.create({ transcript, passphrase: secret, expiry, conversationId, key: inputKey });
  const downloadJson = () => {
    const tree = target.tree ?? {
      title: target.title,
      systemPrompt: '',
      versionChoices: {},
      messages: target.messages,
    };
    const file = toJsonExport([toExportedConversation(tree, { includeReasoning })]);
    downloadText(fileNameFrom(target.title, 'json'), file, 'application/json');
  };

  let placeholder = '';
  if (isFragment && !needsPassphrase && fragmentLink === undefined)
    placeholder = 'Making the link…';
  if (shortState.kind === 'making') placeholder = 'Sealing and storing the link…';

  return (
    <form method="dialog" className="flex flex-col gap-4" onSubmit={onClose}>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        <span data-testid="share-audience">{audienceOf(kind, isProtected)}</span> Never included:
        your API key, base URL or settings.
      </p>
      {store !== undefined && (
        <LinkKindChoice
          kind={kind}
          expiry={expiry}
          expiries={store.expiries}
          onKindChange={setKind}
          onExpiryChange={setExpiry}
        />
      )}
      <label htmlFor={ids.reasoning} className="flex items-center gap-3 text-sm font-medium">
        <input
          id={ids.reasoning}
          type="checkbox"
          role="switch"
          checked={includeReasoning}
          onChange={(event) => setIncludeReasoning(event.target.checked)}
          className="h-4 w-4 accent-brand"
        />
        Include reasoning
      </label>
      {target.messageId !== undefined && (
        <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <legend className="mb-1 font-medium">What to share</legend>
          {(
            [
              ['turn', 'This turn'],
              ['up-to', 'Up to this message'],
              ['conversation', 'Whole conversation'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="share-scope"
                value={value}
                checked={scope === value}
                onChange={() => setScope(value)}
                className="accent-brand"
              />
              {label}
            </label>
          ))}
        </fieldset>
      )}
      <div className="flex flex-col gap-2 text-sm">
        <label className="flex items-center gap-3 font-medium">
          <input
            type="checkbox"
            checked={isProtected}
            onChange={(event) => setProtected(event.target.checked)}
            className="h-4 w-4 accent-brand"
          />
          Protect with a passphrase
        </label>
        {isProtected && (
          <PassphraseFields
            passphrase={passphrase}
            repeat={repeat}
            onPassphraseChange={setPassphrase}
            onRepeatChange={setRepeat}
          />
        )}
      </div>
      <div className="flex flex-col gap-1.5">
        <label htmlFor={ids.link} className="text-sm font-medium">
          Link
        </label>
        <div className="flex gap-2">
          <input
            id={ids.link}
            readOnly
            value={url ?? placeholder}
            onFocus={(event) => event.currentTarget.select()}
            className="min-w-0 flex-1 rounded-lg border border-zinc-300 bg-zinc-50 px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
          />
          {url !== undefined && <CopyButton text={url} label="Copy link" />}
          {kind === 'short' && url === undefined && (
            <button
              type="button"
              disabled={needsPassphrase || shortState.kind === 'making'}
              onClick={createShort}
              className="shrink-0 rounded-lg bg-brand px-3 py-2 text-sm font-semibold text-white hover:bg-brand-deep disabled:opacity-50"
            >
              Create short link
            </button>
          )}
        </div>
        <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="link-length">
          {url !== undefined && `${formatCount(url.length)} characters.`}
          {made !== undefined && ` ${expiryNote(made.link.expiresAt)}`}
          {needsPassphrase && 'Type the passphrase twice to protect the link.'}
          {isFragment &&
            fragmentLink !== undefined &&
            'error' in fragmentLink &&
            fragmentLink.error}
          {shortState.kind === 'error' && shortState.message}
          {shortState.kind === 'deleted' && 'Link deleted: it no longer opens.'}
        </p>
        {made !== undefined && (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <button
              type="button"
              onClick={() => void short.remove()}
              className="rounded-lg px-2 py-1 font-medium text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950"
            >
              Delete this link
            </button>
            <span className="text-xs text-zinc-500 dark:text-zinc-400">
              {made.isTokenKept
                ? 'This browser keeps the means to delete it.'
                : 'This browser could not keep the means to delete it later.'}
            </span>
            {made.problem !== undefined && (
              <p role="alert" className="w-full text-red-700 dark:text-red-400">
                {made.problem}
              </p>
            )}
          </div>
        )}
        {isLong && (
          <p role="alert" className="text-sm text-amber-700 dark:text-amber-400">
            This link is over 32 KB; some apps cut long links.{' '}
            {store !== undefined
              ? 'A short link avoids that.'
              : 'Download the .json as well to be safe.'}
          </p>
        )}
      </div>
      {conversationId !== '' && store !== undefined && (
        <EarlierShortLinks conversationId={conversationId} exceptId={made?.link.id} />
      )}
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        The link and Markdown hold the visible branch only; the .json keeps every version and
        branch.
      </p>
      <div className="flex flex-wrap justify-end gap-2 pt-1 text-sm">
        <button
          type="button"
          onClick={() =>
            downloadText(fileNameFrom(target.title, 'md'), toMarkdown(transcript), 'text/markdown')
          }
          className={BUTTON}
        >
          Download Markdown
        </button>
        <button type="button" onClick={downloadJson} className={BUTTON}>
          Download .json
        </button>
        <button
          type="submit"
          className="rounded-lg bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-deep"
        >
          Done
        </button>
      </div>
    </form>
  );
}
