import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useChatStore } from '../store/chatStore';
import { UpdateBanner, watchForUpdates } from './UpdateBanner';

describe('a new version of the app', () => {
  it('is offered, never applied on its own, and not while a reply streams', async () => {
    const update = vi.fn(async () => undefined);
    let needRefresh: (() => void) | undefined;
    Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
    watchForUpdates(async () => ({
      registerSW: (options?: { onNeedRefresh?: () => void }) => {
        needRefresh = options!.onNeedRefresh!;
        return update;
      },
    }));
    render(<UpdateBanner />);
    expect(screen.queryByRole('button', { name: 'Reload' })).toBeNull();

    // Registered at idle, off the first screen's path.
    await vi.waitFor(() => expect(needRefresh).toBeDefined());
    act(() => needRefresh!());
    expect(screen.getByRole('status').textContent).toContain('Update available');
    expect(update).not.toHaveBeenCalled();

    act(() => useChatStore.setState({ streaming: new Set(['c1']) }));
    expect(screen.getByRole('button', { name: 'Reload' })).toHaveProperty('disabled', true);
    act(() => useChatStore.setState({ streaming: new Set() }));
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(update).toHaveBeenCalledWith(true);
  });
});
