let counter = 0;

/**
 * Returns an id unique within this page load and very likely across loads: a base-36 timestamp,
 * a counter and random digits (`lq3k9x-1-4f2a`). Not a security token.
 */
export function createId(now: number = Date.now()): string {
  counter += 1;
  const random = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${now.toString(36)}-${counter.toString(36)}-${random}`;
}
