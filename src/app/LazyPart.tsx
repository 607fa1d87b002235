import { Component, Suspense, use, type ReactNode } from 'react';
import { PartLoadError, type OnDemand } from './on-demand';

interface LazyPartProps<T> {
  part: OnDemand<T>;
  /** Shown while the part's code downloads. */
  fallback: ReactNode;
  /** Shown when the download failed; `retry` downloads again. */
  renderError: (error: PartLoadError, retry: () => void) => ReactNode;
  /** Renders the loaded module. */
  children: (module: T) => ReactNode;
}

/**
 * A part of the app whose code is downloaded on first render: `fallback` while it downloads,
 * `renderError` if it could not be. Other errors pass through to the boundary above.
 */
export function LazyPart<T>({ part, fallback, renderError, children }: LazyPartProps<T>) {
  return (
    <PartLoadBoundary onRetry={() => part.reset()} renderError={renderError}>
      <Suspense fallback={fallback}>
        <Loaded part={part}>{children}</Loaded>
      </Suspense>
    </PartLoadBoundary>
  );
}

function Loaded<T>({ part, children }: Pick<LazyPartProps<T>, 'part' | 'children'>) {
  return children(part.loaded() ?? use(part.load()));
}

interface BoundaryProps {
  onRetry: () => void;
  renderError: (error: PartLoadError, retry: () => void) => ReactNode;
  children: ReactNode;
}

class PartLoadBoundary extends Component<BoundaryProps, { error: unknown }> {
  state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  retry = () => {
    this.props.onRetry();
    this.setState({ error: undefined });
  };

  render() {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    if (error instanceof PartLoadError) return this.props.renderError(error, this.retry);
    throw error;
  }
}
