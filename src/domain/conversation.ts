/** A conversation's title: its first user message, on one line, shortened. */
export function titleFrom(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line || 'New chat';
  return `${line.slice(0, max - 1).trimEnd()}…`;
}
