import { createContext, useContext } from 'react';

/**
 * Keeps an element in place across a change the reader asked for (see `holdInView` in
 * `use-follow-bottom.ts`); provided by the scrolling conversation around its messages.
 */
export type HoldInView = (element: HTMLElement) => void;

const doNothing: HoldInView = () => undefined;

/** The nearest scrolling conversation's `holdInView`; nothing outside one. */
export const ScrollHoldContext = createContext<HoldInView>(doNothing);

/** The `holdInView` of the conversation this component scrolls in (a no-op outside one). */
export function useHoldInView(): HoldInView {
  return useContext(ScrollHoldContext);
}
