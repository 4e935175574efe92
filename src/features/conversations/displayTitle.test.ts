import { describe, expect, it } from 'vitest';
import { en } from '../../i18n';
import { zh } from '../../i18n/zh';
import type { Conversation } from '../../domain/types';
import { displayTitle } from './displayTitle';

const titled = (title: string): Conversation => ({ id: 'c-1', title, createdAt: 0, updatedAt: 0, messages: [] });

describe('a conversation title as shown', () => {
  it('shows the stored English defaults in the reader’s language, an imported copy’s too', () => {
    expect(displayTitle(zh, titled(en.chat.untitled))).toBe(zh.chat.untitled);
    expect(displayTitle(zh, titled(en.chat.resumedTitle('c-1')))).toBe(zh.chat.resumedTitle('c-1'));
    expect(displayTitle(zh, titled(en.chat.importedCopyTitle('Trip plans')))).toBe(zh.chat.importedCopyTitle('Trip plans'));
    expect(displayTitle(zh, titled(en.chat.importedCopyTitle(en.chat.untitled)))).toBe(zh.chat.importedCopyTitle(zh.chat.untitled));
    expect(displayTitle(en, titled('Trip plans'))).toBe('Trip plans');
  });
});
