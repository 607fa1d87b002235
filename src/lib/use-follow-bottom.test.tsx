import { act, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeResizeObserver, resizeAll } from '../testing/fake-resize-observer';
import { useFollowBottom } from './use-follow-bottom';

function List({ isEnabled = true }: { isEnabled?: boolean }) {
  const { scrollRef, contentRef, isFollowing, followAgain, holdInView } = useFollowBottom<
    HTMLDivElement,
    HTMLDivElement
  >(isEnabled, 40);
  const headerRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <div ref={scrollRef} data-testid="scroller">
        <div ref={contentRef}>
          <button
            type="button"
            ref={headerRef}
            onClick={() => headerRef.current && holdInView(headerRef.current)}
          >
            Header
          </button>
          <div data-testid="inner">inner</div>
        </div>
      </div>
      <p>{isFollowing ? 'following' : 'scrolled up'}</p>
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

/** Puts `element` at `contentTop` px from the top of the content, `height` px tall. */
function placeInContent(element: HTMLElement, scroller: HTMLElement, contentTop: number): void {
  element.getBoundingClientRect = () => {
    const top = contentTop - scroller.scrollTop;
    return { top, bottom: top + 40, height: 40, left: 0, right: 0, width: 0 } as DOMRect;
  };
}

/** Renders the list at the bottom of 1,500 px of content in a 500 px view. */
function renderAtBottom() {
  render(<List />);
  const scroller = screen.getByTestId('scroller');
  setGeometry(scroller, 1500, 500);
  resizeAll();
  expect(scroller.scrollTop).toBe(1500);
  scroller.scrollTop = 1000; // what the browser clamps it to
  fireEvent.scroll(scroller);
  return scroller;
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
    resizeAll();
    scroller.scrollTop = 200; // up from 500, 200 px from the bottom
    fireEvent.scroll(scroller);
    expect(screen.getByText('scrolled up')).toBeInTheDocument();
    setGeometry(scroller, 900);
    resizeAll();
    expect(scroller.scrollTop).toBe(200);

    act(() => screen.getByRole('button', { name: 'Follow' }).click());
    expect(scroller.scrollTop).toBe(900);
    expect(screen.getByText('following')).toBeInTheDocument();
    setGeometry(scroller, 1200);
    resizeAll();
    expect(scroller.scrollTop).toBe(1200);
  });

  it('keeps following when the content outgrew the threshold before the scroll event came', () => {
    // Regression (issue 11): at thousands of tokens per second the content grows again between
    // the follow's scroll and its `scroll` event, which then finds the view far from the bottom.
    render(<List />);
    const scroller = screen.getByTestId('scroller');
    setGeometry(scroller, 500);
    resizeAll();
    setGeometry(scroller, 2000);
    fireEvent.scroll(scroller); // scrollTop still 500: 1,400 px from the bottom, but not moved up
    expect(screen.getByText('following')).toBeInTheDocument();
    resizeAll();
    expect(scroller.scrollTop).toBe(2000);
  });

  it('counts a position within the threshold as the bottom', () => {
    render(<List />);
    const scroller = screen.getByTestId('scroller');
    setGeometry(scroller, 500);
    resizeAll();
    scroller.scrollTop = 200;
    fireEvent.scroll(scroller);
    scroller.scrollTop = 361; // 39 px from the bottom
    fireEvent.scroll(scroller);
    expect(screen.getByText('following')).toBeInTheDocument();
    setGeometry(scroller, 800);
    resizeAll();
    expect(scroller.scrollTop).toBe(800);
  });

  it('stops following at a wheel turned up, before the scroll lands', () => {
    const scroller = renderAtBottom();
    fireEvent.wheel(scroller, { deltaY: -40 });
    expect(screen.getByText('scrolled up')).toBeInTheDocument();
    setGeometry(scroller, 3000, 500);
    resizeAll();
    expect(scroller.scrollTop).toBe(1000);
  });

  it('ignores a wheel turned up where there is nothing above', () => {
    render(<List />);
    const scroller = screen.getByTestId('scroller');
    setGeometry(scroller, 100, 100); // nothing to scroll yet
    fireEvent.wheel(scroller, { deltaY: -40 });
    expect(screen.getByText('following')).toBeInTheDocument();
  });

  it('holds a header where it was when its panel opens, leaving room for its first lines', () => {
    const scroller = renderAtBottom();
    const header = screen.getByRole('button', { name: 'Header' });
    placeInContent(header, scroller, 1150); // 150 px below the top of the view
    act(() => header.click());
    expect(screen.getByText('scrolled up')).toBeInTheDocument();
    setGeometry(scroller, 6000, 500); // the panel opened below the header
    resizeAll();
    expect(header.getBoundingClientRect().top).toBe(150);
    expect(scroller.scrollTop).toBe(1000);
  });

  it('moves a header low in the view up until its first lines show', () => {
    const scroller = renderAtBottom();
    const header = screen.getByRole('button', { name: 'Header' });
    placeInContent(header, scroller, 1400); // 400 px down a 500 px view
    act(() => header.click());
    setGeometry(scroller, 6000, 500);
    resizeAll();
    // 300 px (60% of the view) show below the 40 px header.
    expect(header.getBoundingClientRect().top).toBe(160);
  });

  it('brings a header that was above the view to the top when its panel folds', () => {
    render(<List />);
    const scroller = screen.getByTestId('scroller');
    setGeometry(scroller, 8000, 500);
    scroller.scrollTop = 6000;
    fireEvent.scroll(scroller);
    const header = screen.getByRole('button', { name: 'Header' });
    placeInContent(header, scroller, 1000); // 5,000 px above the view
    act(() => header.click());
    setGeometry(scroller, 2500, 500); // the panel folded
    scroller.scrollTop = 2000; // clamped by the browser
    placeInContent(header, scroller, 1000);
    resizeAll();
    expect(header.getBoundingClientRect().top).toBe(0);
    expect(scroller.scrollTop).toBe(1000);
  });

  it('lets the reader take over from a held header', () => {
    const scroller = renderAtBottom();
    const header = screen.getByRole('button', { name: 'Header' });
    placeInContent(header, scroller, 1150);
    act(() => header.click());
    fireEvent.keyDown(scroller, { key: 'PageDown' });
    scroller.scrollTop = 1300;
    setGeometry(scroller, 6000, 500);
    resizeAll();
    expect(scroller.scrollTop).toBe(1300);
  });

  it('does nothing while disabled', () => {
    render(<List isEnabled={false} />);
    const scroller = screen.getByTestId('scroller');
    setGeometry(scroller, 500);
    resizeAll();
    expect(scroller.scrollTop).toBe(0);
  });
});
