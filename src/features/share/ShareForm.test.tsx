import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toChatMessages } from '../../core/share/to-chat-messages';

const messages = toChatMessages(
  {
    title: 'T',
    messages: [
      { role: 'user', content: 'Is 391 prime?' },
      { role: 'assistant', reasoning: 'Try 17.', answer: 'No: 17 × 23.', status: 'done' },
    ],
  },
  (() => {
    let n = 0;
    return () => `id${++n}`;
  })(),
  0,
);

/** Renders a fresh ShareForm (its capabilities request is cached per module) over `answer`. */
async function renderForm(answer: () => Response) {
  vi.resetModules();
  const fetch = vi.fn(async () => answer());
  vi.stubGlobal('fetch', fetch);
  const { ShareForm } = await import('./ShareForm');
  render(<ShareForm target={{ title: 'T', messages }} onClose={() => undefined} />);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('ShareForm: which kind of link', () => {
  it('offers a short link first when the server stores them, and uploads nothing until asked', async () => {
    const fetch = await renderForm(() =>
      Response.json({ shares: { maxBytes: 5242880, expiries: ['1d', '30d', 'never'] } }),
    );
    expect(await screen.findByRole('radio', { name: /Short link/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /Self-contained link/ })).not.toBeChecked();
    expect(screen.getByTestId('share-audience')).toHaveTextContent(
      'This server keeps an encrypted copy it cannot read; anyone with the link can read it.',
    );
    expect(screen.getByRole('button', { name: 'Create short link' })).toBeEnabled();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('/api/capabilities');
  });

  it('makes a self-contained link, with no choice shown, on a static deploy', async () => {
    await renderForm(() => new Response('<!doctype html>', { status: 200 }));
    const link = screen.getByRole<HTMLInputElement>('textbox', { name: 'Link' });
    await waitFor(() => expect(link.value).toMatch(/^http:\/\/localhost:\d+\/#s1\./));
    expect(screen.queryByRole('radio', { name: /Short link/ })).toBeNull();
    expect(screen.getByTestId('share-audience')).toHaveTextContent(
      'The link carries the transcript itself: nothing is uploaded, and anyone with the link can read it.',
    );
  });
});
