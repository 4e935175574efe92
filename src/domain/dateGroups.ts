import type { Conversation } from './types';

export type DateGroup = 'pinned' | 'today' | 'yesterday' | 'week' | 'month' | 'older';

const DAY = 24 * 60 * 60 * 1000;

/** Which sidebar group a conversation goes in, by its last activity in the reader's local days. */
function dateGroupOf(c: Conversation, now = Date.now()): DateGroup {
  if (c.pinned) return 'pinned';
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const start = midnight.getTime();
  if (c.updatedAt >= start) return 'today';
  if (c.updatedAt >= start - DAY) return 'yesterday';
  if (c.updatedAt >= start - 7 * DAY) return 'week';
  if (c.updatedAt >= start - 30 * DAY) return 'month';
  return 'older';
}

/** A sorted list (pinned first, then newest) as rows with a heading before each group. */
export function withGroupHeadings(sorted: Conversation[], now = Date.now()): ({ heading: DateGroup } | { conversation: Conversation })[] {
  const rows: ({ heading: DateGroup } | { conversation: Conversation })[] = [];
  let last: DateGroup | undefined;
  for (const conversation of sorted) {
    const group = dateGroupOf(conversation, now);
    if (group !== last) rows.push({ heading: group });
    last = group;
    rows.push({ conversation });
  }
  return rows;
}
