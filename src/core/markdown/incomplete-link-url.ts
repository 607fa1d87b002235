/**
 * The target given to a link whose URL has not fully arrived. It is not a URL the renderer keeps
 * (unknown scheme), so the link text shows as plain text until the real target arrives.
 */
export const INCOMPLETE_LINK_URL = 'ruminate-incomplete:link';
