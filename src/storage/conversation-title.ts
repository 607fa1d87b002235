/** Longest automatic title, in characters. */
const TITLE_LENGTH = 60;

/** A title from the first message: its first line, shortened at a word boundary. */
export function titleFrom(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  if (line.length <= TITLE_LENGTH) return line || 'New conversation';
  const cut = line.slice(0, TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > 30 ? cut.slice(0, space) : cut}…`;
}
