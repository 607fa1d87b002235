import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { onDemand, type OnDemand } from './on-demand';
import type { SaveStatus } from '../features/chat/conversation-persistence';
import type { OpenedStorage } from './open-storage';
import { useStorage } from './use-storage';

const parts = vi.hoisted(() => ({ storagePart: undefined as unknown as OnDemand<unknown> }));
vi.mock('./parts', () => parts);

const importStorage = vi.fn<() => Promise<unknown>>();

beforeEach(() => {
  importStorage.mockReset();
  // Each test starts with storage code that has not been downloaded yet.
  parts.storagePart = onDemand('your saved conversations', () => importStorage());
});

function opened(problem?: string): { openStorage: () => Promise<OpenedStorage> } {
  const storage = { store: { db: { name: 'ruminate' } }, persistence: {}, problem };
  return { openStorage: () => Promise.resolve(storage as unknown as OpenedStorage) };
}

function Harness() {
  const storage = useStorage();
  return (
    <>
      <p data-testid="store">{storage.store === undefined ? 'opening' : 'open'}</p>
      <p data-testid="problem">{storage.problem}</p>
      {storage.failure !== undefined && (
        <div role="alert">
          {storage.failure}
          <button onClick={storage.retry}>Try again</button>
        </div>
      )}
    </>
  );
}

async function renderHarness() {
  await act(async () => {
    render(<Harness />);
  });
}

describe('useStorage', () => {
  it('opens storage once its code has downloaded, and reports an in-memory fallback', async () => {
    importStorage.mockResolvedValueOnce(opened('This browser won’t let Ruminate save.'));
    await renderHarness();
    expect(screen.getByTestId('store')).toHaveTextContent('open');
    expect(screen.getByTestId('problem')).toHaveTextContent('won’t let Ruminate save');
  });

  it('says what failed when the code does not download, and tries again on request', async () => {
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    importStorage
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce(opened());
    await renderHarness();
    expect(screen.getByTestId('store')).toHaveTextContent('opening');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'couldn’t load your saved conversations. Check your connection and try again.',
    );

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    });

    expect(screen.getByTestId('store')).toHaveTextContent('open');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    consoleWarn.mockRestore();
  });

  it('issue 10: says how many changes wait to be saved, and clears once they are saved', async () => {
    let report: (status: SaveStatus) => void = () => undefined;
    importStorage.mockResolvedValueOnce({
      openStorage: (onStatus: (status: SaveStatus) => void) => {
        report = onStatus;
        return opened().openStorage();
      },
    });
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await renderHarness();
    const full = { kind: 'problem', problem: 'quota', error: new Error('full') } as const;
    act(() => report({ ...full, unsaved: 1 }));
    expect(screen.getByTestId('problem')).toHaveTextContent(
      'Browser storage is full: 1 unsaved change waits in this tab and will be saved as soon as storage works again',
    );
    act(() => report({ ...full, unsaved: 3 }));
    expect(screen.getByTestId('problem')).toHaveTextContent('3 unsaved changes wait in this tab');
    act(() => report({ kind: 'saved' }));
    expect(screen.getByTestId('problem')).toBeEmptyDOMElement();
    consoleWarn.mockRestore();
  });

  it('“saved” does not clear the in-memory notice', async () => {
    let report: (status: SaveStatus) => void = () => undefined;
    importStorage.mockResolvedValueOnce({
      openStorage: (onStatus: (status: SaveStatus) => void) => {
        report = onStatus;
        return opened('This browser won’t let Ruminate save.').openStorage();
      },
    });
    await renderHarness();
    act(() => report({ kind: 'saved' }));
    expect(screen.getByTestId('problem')).toHaveTextContent('won’t let Ruminate save');
  });
});
