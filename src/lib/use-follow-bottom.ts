import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** What {@link useFollowBottom} returns. */
export interface FollowBottom<S extends HTMLElement, C extends HTMLElement> {
  /** The scrolling element. */
  scrollRef: RefObject<S | null>;
  /** Its content, the element whose growth is followed. */
  contentRef: RefObject<C | null>;
  /** New content is being followed (true until the reader leaves the bottom). */
  isFollowing: boolean;
  /** Scrolls to the bottom now and follows new content again. */
  followAgain: () => void;
  /**
   * Call just before a change the reader asked for (a panel opening or folding): keeps `element`
   * where it is in the view across the change, as the rules below say.
   */
  holdInView: (element: HTMLElement) => void;
}

/** How long a held element is kept in place while the change it announced lands, in ms. */
const HOLD_MS = 2000;

/**
 * Wheel events already taken by an inner following scroller (a streaming Thinking panel inside the
 * conversation), so the outer one does not also stop following.
 */
const takenWheels = new WeakSet<Event>();

/**
 * Keeps a scrolling element at its bottom while its content grows, for as long as the reader is
 * there. The rules:
 *
 * 1. **Follow.** While following, every growth of the content scrolls to the bottom, however fast
 *    it grows (one scroll per frame in which the content's size changed).
 * 2. **Only the reader stops it.** Following stops when the reader moves up: a wheel turned up
 *    while the element can scroll up (at once, before that scroll lands, so growth in the same
 *    frame cannot pull them back), or any scroll that leaves the element higher than it last was
 *    and not within `thresholdPx` of the bottom (touch, keys, the scroll bar). Growth alone never
 *    stops it, however far the content has grown past the last scroll when the scroll event comes.
 *    A wheel inside an inner following scroller that can still scroll up moves only that one.
 * 3. **Coming back.** A scroll that ends within `thresholdPx` of the bottom follows again; so does
 *    `followAgain` (a new question, "Jump to latest").
 * 4. **Opening and folding.** `holdInView(header)` before a panel opens or folds suspends following
 *    and, once the change is laid out, scrolls so that the header is where it was, or at the top
 *    when it was above the view; if less than {@link revealPx} would show below it, it moves up
 *    until that much does (never above the top). The reader so sees the start of what opened, and
 *    a fold never leaves them in empty space far below the folded panel. The header is held for
 *    {@link HOLD_MS} or until the reader scrolls; following then resumes only if the view ends at
 *    the bottom.
 *
 * It never reads layout while layout is dirty. Growth is seen by a `ResizeObserver` on the content,
 * whose callbacks run after the browser's own layout in the frame, so reading `scrollHeight` and
 * boxes there costs nothing; the reader's moves are read in passive `scroll` and `wheel`
 * listeners. (Following from a React layout effect instead forces a synchronous layout in every
 * frame a stream commits.) Without `ResizeObserver` nothing is followed.
 *
 * @param isEnabled - Attach to the elements (they must be rendered while this is true).
 * @param thresholdPx - Distance from the bottom, in CSS px, that still counts as at the bottom.
 */
export function useFollowBottom<S extends HTMLElement, C extends HTMLElement>(
  isEnabled: boolean,
  thresholdPx: number,
): FollowBottom<S, C> {
  const scrollRef = useRef<S>(null);
  const contentRef = useRef<C>(null);
  const following = useRef(true);
  const held = useRef<{ element: HTMLElement; offset: number; until: number } | undefined>(
    undefined,
  );
  const [isFollowing, setIsFollowing] = useState(true);
  const setFollowing = useCallback((value: boolean) => {
    if (following.current === value) return;
    following.current = value;
    setIsFollowing(value);
  }, []);

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!isEnabled || scroller === null || content === null) return;
    let lastTop = scroller.scrollTop;
    const isAtBottom = () =>
      scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= thresholdPx;

    const onScroll = () => {
      const top = scroller.scrollTop;
      if (isAtBottom()) setFollowing(true);
      else if (top < lastTop - 1) setFollowing(false);
      lastTop = top;
    };
    const onWheel = (event: WheelEvent) => {
      held.current = undefined;
      if (event.deltaY >= 0 || takenWheels.has(event) || scroller.scrollTop <= 0) return;
      takenWheels.add(event);
      setFollowing(false);
    };
    const onReaderInput = () => {
      held.current = undefined;
    };
    const readerInputs = ['touchstart', 'keydown', 'pointerdown'] as const;
    scroller.addEventListener('scroll', onScroll, { passive: true });
    scroller.addEventListener('wheel', onWheel, { passive: true });
    for (const type of readerInputs) {
      scroller.addEventListener(type, onReaderInput, { passive: true });
    }

    /** Puts the held element back in place (rule 4); false once nothing is held. */
    const placeHeld = (): boolean => {
      const hold = held.current;
      if (hold === undefined) return false;
      if (performance.now() > hold.until || !hold.element.isConnected) {
        held.current = undefined;
        return false;
      }
      const box = hold.element.getBoundingClientRect();
      const offset = box.top - scroller.getBoundingClientRect().top;
      const lowest = Math.max(0, scroller.clientHeight - revealPx(scroller) - box.height);
      const target = Math.min(Math.max(hold.offset, 0), lowest);
      scroller.scrollTop += offset - target;
      setFollowing(isAtBottom());
      return true;
    };

    let observer: ResizeObserver | undefined;
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => {
        if (!placeHeld() && following.current) scroller.scrollTop = scroller.scrollHeight;
        lastTop = scroller.scrollTop;
      });
      observer.observe(content);
    }
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      scroller.removeEventListener('wheel', onWheel);
      for (const type of readerInputs) scroller.removeEventListener(type, onReaderInput);
      observer?.disconnect();
    };
  }, [isEnabled, thresholdPx, setFollowing]);

  const followAgain = useCallback(() => {
    held.current = undefined;
    setFollowing(true);
    const scroller = scrollRef.current;
    if (scroller !== null) scroller.scrollTop = scroller.scrollHeight;
  }, [setFollowing]);

  const holdInView = useCallback(
    (element: HTMLElement) => {
      const scroller = scrollRef.current;
      if (scroller === null) return;
      const offset = element.getBoundingClientRect().top - scroller.getBoundingClientRect().top;
      held.current = { element, offset, until: performance.now() + HOLD_MS };
      setFollowing(false);
    },
    [setFollowing],
  );

  return { scrollRef, contentRef, isFollowing, followAgain, holdInView };
}

/**
 * How much, in CSS px, must show below a held header: the first lines of what opened, below the
 * Thinking panel's search field and outline (up to 360 px, at most 60% of the view).
 */
export function revealPx(scroller: HTMLElement): number {
  return Math.min(360, scroller.clientHeight * 0.6);
}
