import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const DEMO = { id: 'demo', name: 'Demo', baseUrl: '/api/demo/v1', model: 'demo', kind: 'demo' };

/** A fresh copy of the module: it asks the server once per page load. */
async function loadHook() {
  vi.resetModules();
  return (await import('./use-server-providers')).useServerProviders;
}

async function renderTwoReaders(useServerProviders: Awaited<ReturnType<typeof loadHook>>) {
  function Reader({ name }: { name: string }) {
    const { data, isPending } = useServerProviders();
    return (
      <p data-testid={name}>
        {isPending ? 'pending' : `${data?.defaultProviderId ?? 'none'}:${data?.providers.length}`}
      </p>
    );
  }
  await act(async () => {
    render(
      <>
        <Reader name="a" />
        <Reader name="b" />
      </>,
    );
  });
}

let respond: (response: Response | Error) => void;

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      () =>
        new Promise<Response>((resolve, reject) => {
          respond = (response) =>
            response instanceof Error ? reject(response) : resolve(response);
        }),
    ),
  );
});

afterEach(() => vi.unstubAllGlobals());

describe('useServerProviders', () => {
  it('is pending, then shares one answer among every reader', async () => {
    const useServerProviders = await loadHook();
    await renderTwoReaders(useServerProviders);
    expect(screen.getByTestId('a')).toHaveTextContent('pending');

    await act(async () => respond(Response.json({ providers: [DEMO], defaultProviderId: 'demo' })));

    expect(screen.getByTestId('a')).toHaveTextContent('demo:1');
    expect(screen.getByTestId('b')).toHaveTextContent('demo:1');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('/api/server-providers');
  });

  it.each([
    ['a network error', new TypeError('Failed to fetch')],
    ['a static host’s 404', new Response('Not found', { status: 404 })],
    ['an unexpected shape', Response.json({ providers: 'none' })],
  ])('counts %s as no server providers', async (_case, response) => {
    const useServerProviders = await loadHook();
    await renderTwoReaders(useServerProviders);

    await act(async () => respond(response));

    expect(screen.getByTestId('a')).toHaveTextContent('none:0');
  });
});
