import { act, fireEvent, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useFollowEnd } from './useFollowEnd';

/** A scroll container whose layout the test sets: happy-dom lays nothing out. */
function List({ onReady }: { onReady: (api: ReturnType<typeof useFollowEnd>) => void }) {
  const scroller = useRef<HTMLDivElement>(null);
  const api = useFollowEnd(scroller, '[data-rows]');
  onReady(api);
  return (
    <div ref={scroller} data-testid="list" tabIndex={0} {...api.props}>
      <div data-rows>
        <div>row</div>
      </div>
      <span>{api.pinned ? 'following' : 'let go'}</span>
    </div>
  );
}

function setup() {
  let api!: ReturnType<typeof useFollowEnd>;
  render(<List onReady={(a) => (api = a)} />);
  const el = screen.getByTestId('list');
  const layout = { scrollHeight: 2000, clientHeight: 500 };
  Object.defineProperty(el, 'scrollHeight', { get: () => layout.scrollHeight });
  Object.defineProperty(el, 'clientHeight', { get: () => layout.clientHeight });
  /** The content grows; the list follows it, as the message list does after each update. */
  const grow = (by: number) => {
    layout.scrollHeight += by;
    act(() => api.toEnd());
  };
  /** The view moves to `top` (by the person or the browser): a scroll event follows. */
  const scrollTo = (top: number) => {
    el.scrollTop = top;
    fireEvent.scroll(el);
  };
  const state = () => screen.getByText(/following|let go/).textContent;
  return { el, layout, grow, scrollTo, state, api: () => api };
}

describe('following the end of a growing list', () => {
  it('keeps the view at the end as the content grows', () => {
    const t = setup();
    t.grow(300);
    expect(t.el.scrollTop).toBe(2300);
    t.grow(300);
    expect(t.el.scrollTop).toBe(2600);
    expect(t.state()).toBe('following');
  });

  it('lets go when the person moves up (wheel, keys, touch), and no longer moves the view', () => {
    for (const moveUp of [
      (el: HTMLElement) => fireEvent.wheel(el, { deltaY: -120 }),
      (el: HTMLElement) => fireEvent.keyDown(el, { key: 'PageUp' }),
      (el: HTMLElement) => fireEvent.keyDown(el, { key: ' ', shiftKey: true }),
      (el: HTMLElement) => {
        fireEvent.touchStart(el, { touches: [{ clientY: 100 }] });
        fireEvent.touchMove(el, { touches: [{ clientY: 160 }] });
      },
    ]) {
      const t = setup();
      t.grow(100);
      moveUp(t.el);
      expect(t.state()).toBe('let go');
      const top = t.el.scrollTop;
      t.grow(500);
      expect(t.el.scrollTop).toBe(top);
      document.body.innerHTML = '';
    }
  });

  it('a Space alone or a move down does not let go', () => {
    const t = setup();
    fireEvent.keyDown(t.el, { key: ' ' });
    fireEvent.wheel(t.el, { deltaY: 120 });
    fireEvent.keyDown(t.el, { key: 'ArrowDown' });
    expect(t.state()).toBe('following');
  });

  it('lets go when the view is found above where it was followed to, far from the end (find in page)', () => {
    const t = setup();
    t.grow(0);
    t.scrollTo(400);
    expect(t.state()).toBe('let go');
    expect(t.el.dataset.unpinnedBy).toMatch(/^position 400 < 2000/);
  });

  it('does not let go for a scroll event the growing content caused', () => {
    const t = setup();
    t.grow(0);
    t.layout.scrollHeight += 200; // grew; the event comes before the list followed
    t.scrollTo(t.el.scrollTop);
    expect(t.state()).toBe('following');
  });

  it('End, or follow(), resumes; so does content shrinking until it fits', () => {
    const t = setup();
    fireEvent.wheel(t.el, { deltaY: -120 });
    fireEvent.keyDown(t.el, { key: 'End' });
    expect(t.state()).toBe('following');

    fireEvent.wheel(t.el, { deltaY: -120 });
    act(() => t.api().follow());
    expect(t.state()).toBe('following');

    fireEvent.wheel(t.el, { deltaY: -120 });
    t.layout.scrollHeight = 400;
    fireEvent.scroll(t.el); // the browser moves the view into what is left, and says so
    expect(t.state()).toBe('following');
  });
});
