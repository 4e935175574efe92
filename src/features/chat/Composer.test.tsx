import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../domain/types';
import { useChatStore } from '../../store/chatStore';
import { clearDraftIf, loadDraft } from '../../store/drafts';
import { Composer } from './Composer';

// Loading the renderer and starting the stream worker are side effects this test does not need.
vi.mock('../markdown', () => ({ prepareMarkdownForReply: vi.fn() }));
vi.mock('../../api', () => ({ warmStreamWorker: vi.fn() }));

const conversation: Conversation = { id: 'c1', title: 'New chat', createdAt: 0, updatedAt: 0, messages: [] };

function setup({ sends = true, streaming = false, tools }: { sends?: boolean; streaming?: boolean; tools?: Conversation['tools'] } = {}) {
  const send = vi.fn(() => sends);
  const stop = vi.fn();
  useChatStore.setState({
    conversations: new Map([['c1', { ...conversation, ...(tools && { tools }) }]]),
    activeId: 'c1',
    streaming: new Set(streaming ? ['c1'] : []),
    send,
    stop,
  });
  render(<Composer conversationId="c1" />);
  return { send, stop, box: screen.getByRole('textbox', { name: 'Message' }), user: userEvent.setup() };
}

describe('the composer', () => {
  beforeEach(() => localStorage.clear());

  it('sends on Enter and empties the box; Shift+Enter is a new line', async () => {
    const { send, box, user } = setup();
    await user.type(box, 'Hello{Shift>}{Enter}{/Shift}there');
    expect(box).toHaveProperty('value', 'Hello\nthere');
    expect(send).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(send).toHaveBeenCalledWith('Hello\nthere');
    expect(box).toHaveProperty('value', '');
  });

  it('does not send the Enter that confirms an input method candidate', () => {
    const { send, box } = setup();
    fireEvent.change(box, { target: { value: '你好' } });
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    expect(send).not.toHaveBeenCalled();
    expect(box).toHaveProperty('value', '你好');
  });

  it('keeps a held message in the box until it goes, then empties it and its saved draft', async () => {
    const { send, box, user } = setup({ sends: false });
    await user.type(box, 'Held back{Enter}');
    expect(send).toHaveBeenCalledWith('Held back');
    expect(box).toHaveProperty('value', 'Held back');
    await vi.waitFor(() => expect(loadDraft('c1')).toBe('Held back'));
    clearDraftIf('c1', 'Held back');
    await vi.waitFor(() => expect(box).toHaveProperty('value', ''));
    expect(loadDraft('c1')).toBe('');
  });

  it('while a reply streams: Stop, or Escape, stops it; Escape in a dialog does not', async () => {
    const { stop, user } = setup({ streaming: true });
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(stop).toHaveBeenLastCalledWith('c1');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(stop).toHaveBeenCalledTimes(2);
    const dialog = document.body.appendChild(document.createElement('dialog'));
    dialog.setAttribute('open', '');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(stop).toHaveBeenCalledTimes(2);
    dialog.remove();
  });

  it('blocks Send while the tools are invalid, and says why', async () => {
    const { send, box, user } = setup({ tools: { json: '[{ not json', disabled: [] } });
    await user.type(box, 'Hi{Enter}');
    expect(send).not.toHaveBeenCalled();
    const button = screen.getByRole('button', { name: 'Send' });
    expect(button).toHaveProperty('disabled', true);
    expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toMatch(/tools/i);
  });
});
