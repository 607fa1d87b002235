import { act, fireEvent, render, screen } from '@testing-library/react';
import { Component, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LazyPart } from './LazyPart';
import { onDemand, type OnDemand } from './on-demand';

interface Greeting {
  Greeting: (props: { name: string }) => ReactNode;
}

const greetingModule: Greeting = { Greeting: ({ name }) => <p>Hello, {name}</p> };

/** A download the test settles by hand. */
function deferredImport() {
  let resolve!: (module: Greeting) => void;
  let reject!: (error: unknown) => void;
  const importModule = vi.fn(
    () =>
      new Promise<Greeting>((res, rej) => {
        resolve = res;
        reject = rej;
      }),
  );
  return { importModule, resolve: (m: Greeting) => resolve(m), reject: (e: unknown) => reject(e) };
}

/** Renders inside an awaited `act`, as React needs for a component that suspends on `use`. */
async function renderAsync(ui: ReactNode) {
  await act(async () => {
    render(ui);
  });
}

function Harness({ part }: { part: OnDemand<Greeting> }) {
  return (
    <LazyPart
      part={part}
      fallback={<p role="status">Loading…</p>}
      renderError={(error, retry) => (
        <div role="alert">
          {error.message}
          <button onClick={retry}>Try again</button>
        </div>
      )}
    >
      {({ Greeting }) => <Greeting name="Ada" />}
    </LazyPart>
  );
}

describe('LazyPart', () => {
  it('shows the fallback while the code downloads, then the part', async () => {
    const download = deferredImport();
    await renderAsync(<Harness part={onDemand('the greeting', download.importModule)} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');

    await act(async () => download.resolve(greetingModule));

    expect(screen.getByText('Hello, Ada')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('renders a part already loaded at once, without the fallback', async () => {
    const part = onDemand('the greeting', () => Promise.resolve(greetingModule));
    await part.load();
    await renderAsync(<Harness part={part} />);
    expect(screen.getByText('Hello, Ada')).toBeInTheDocument();
  });

  it('shows the error when the download fails, and loads again on retry', async () => {
    // React reports errors an error boundary caught.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const download = deferredImport();
    await renderAsync(<Harness part={onDemand('the greeting', download.importModule)} />);

    await act(async () => download.reject(new TypeError('Failed to fetch')));
    expect(screen.getByRole('alert')).toHaveTextContent('couldn’t load the greeting');

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    });
    expect(screen.getByRole('status')).toBeInTheDocument();
    await act(async () => download.resolve(greetingModule));

    expect(screen.getByText('Hello, Ada')).toBeInTheDocument();
    expect(download.importModule).toHaveBeenCalledTimes(2);
    consoleError.mockRestore();
  });

  it('passes errors other than a failed download to the boundary above', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken: Greeting = {
      Greeting: () => {
        throw new Error('render bug');
      },
    };
    const part = onDemand('the greeting', () => Promise.resolve(broken));
    await part.load();

    await renderAsync(
      <Outer>
        <Harness part={part} />
      </Outer>,
    );

    expect(screen.getByText('Outer caught: render bug')).toBeInTheDocument();
    consoleError.mockRestore();
  });
});

class Outer extends Component<{ children: ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  render() {
    return this.state.error ? <p>Outer caught: {this.state.error.message}</p> : this.props.children;
  }
}
