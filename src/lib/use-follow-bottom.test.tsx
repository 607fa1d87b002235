import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeResizeObserver, resizeAll } from '../testing/fake-resize-observer';
import { useFollowBottom } from './use-follow-bottom';

function List({ isEnabled = true }: { isEnabled?: boolean }) {
  const { scrollRef, contentRef, isAtBottom, followAgain } = useFollowBottom<
    HTMLDivElement,
    HTMLDivElement
  >(isEnabled, 40);
  return (
    <>
      <div ref={scrollRef} data-testid="scroller">
        <div ref={contentRef} />
      </div>
      <p>{isAtBottom ? 'at bottom' : 'scrolled up'}</p>
      <button type="button" onClick={followAgain}>
        Follow
      </button>
    </>
  );
}

/** jsdom has no layout: give the scroller a geometry. */
function setGeometry(element: HTMLElement, scrollHeight: number, clientHeight = 100): void {
  Object.defineProperty(element, 'scrollHeight', { configurable: true, value: scrollHeight });
  Object.defineProperty(element, 'clientHeight', { configurable: true, value: clientHeight });
}

describe('useFollowBottom', () => {
  let uninstall: () => void;
  beforeEach(() => {
    uninstall = installFakeResizeObserver();
  });
  afterEach(() => uninstall());

  it('scrolls to the bottom when the content grows, while the reader is there', () => {
    render(<List />);
    const scroller = screen.getByTestId('scroller');
    setGeometry(scroller, 500);
    resizeAll();
    expect(scroller.scrollTop).toBe(500);
    setGeometry(scroller, 900);
    resizeAll();
    expect(scroller.scrollTop).toBe(900);
  });

  it('stays put after the reader scrolls up, and follows again on request', () => {
    render(<List />);
    const scroller = screen.getByTestId('scroller');
    setGeometry(scroller, 500);
    scroller.scrollTop = 200; // 200 px from the bottom
    fireEvent.scroll(scroller);
    expect(screen.getByText('scrolled up')).toBeInTheDocument();
    setGeometry(scroller, 900);
    resizeAll();
    expect(scroller.scrollTop).toBe(200);

    act(() => screen.getByRole('button', { name: 'Follow' }).click());
    expect(scroller.scrollTop).toBe(900);
    expect(screen.getByText('at bottom')).toBeInTheDocument();
    setGeometry(scroller, 1200);
    resizeAll();
    expect(scroller.scrollTop).toBe(1200);
  });

  it('counts a position within the threshold as the bottom', () => {
    render(<List />);
    const scroller = screen.getByTestId('scroller');
    setGeometry(scroller, 500);
    scroller.scrollTop = 361; // 39 px from the bottom
    fireEvent.scroll(scroller);
    expect(screen.getByText('at bottom')).toBeInTheDocument();
    setGeometry(scroller, 800);
    resizeAll();
    expect(scroller.scrollTop).toBe(800);
  });

  it('does nothing while disabled', () => {
    render(<List isEnabled={false} />);
    const scroller = screen.getByTestId('scroller');
    setGeometry(scroller, 500);
    resizeAll();
    expect(scroller.scrollTop).toBe(0);
  });
});
