import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** What {@link useFollowBottom} returns. */
export interface FollowBottom<S extends HTMLElement, C extends HTMLElement> {
  /** The scrolling element. */
  scrollRef: RefObject<S | null>;
  /** Its content, the element whose growth is followed. */
  contentRef: RefObject<C | null>;
  /** The reader is within the threshold of the bottom (true before the first scroll). */
  isAtBottom: boolean;
  /** Scrolls to the bottom now and follows new content again. */
  followAgain: () => void;
}

/**
 * Keeps a scrolling element at its bottom while its content grows, for as long as the reader is
 * there: a reader who scrolls up stays where they are until they scroll back down or call
 * `followAgain`.
 *
 * It never reads layout while layout is dirty. Growth is seen by a `ResizeObserver` on the content,
 * whose callbacks run after the browser's own layout in the frame, so reading `scrollHeight` there
 * costs nothing; the reader's position is read in a passive `scroll` listener, which runs before
 * the frame's DOM changes. (Following from a React layout effect instead forces a synchronous
 * layout in every frame a stream commits.) Without `ResizeObserver` nothing is followed.
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
  const isFollowing = useRef(true);
  const [isAtBottom, setIsAtBottom] = useState(true);

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const content = contentRef.current;
    if (!isEnabled || scroller === null || content === null) return;
    const onScroll = () => {
      const atBottom =
        scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight <= thresholdPx;
      isFollowing.current = atBottom;
      setIsAtBottom(atBottom);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    if (typeof ResizeObserver === 'undefined') {
      return () => scroller.removeEventListener('scroll', onScroll);
    }
    const observer = new ResizeObserver(() => {
      if (isFollowing.current) scroller.scrollTop = scroller.scrollHeight;
    });
    observer.observe(content);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [isEnabled, thresholdPx]);

  const followAgain = useCallback(() => {
    isFollowing.current = true;
    setIsAtBottom(true);
    const scroller = scrollRef.current;
    if (scroller !== null) scroller.scrollTop = scroller.scrollHeight;
  }, []);

  return { scrollRef, contentRef, isAtBottom, followAgain };
}
