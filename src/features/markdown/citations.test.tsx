import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import Markdown from './Markdown';
import { CitationSources } from './citations';

const sources = [
  { url: 'https://a.example/one', title: 'First result', domain: 'a.example' },
  { url: 'https://b.example/two', title: 'Second result', domain: 'b.example' },
];

function renderReply(text: string) {
  return render(
    <CitationSources.Provider value={sources}>
      <Markdown text={text} />
    </CitationSources.Provider>,
  );
}

describe('citations', () => {
  it('link [n] to the n-th source, named by its title, with a card showing title and domain', () => {
    renderReply('Rust shipped [1][2], and **fast [2]**.');
    const first = screen.getByRole('link', { name: 'Source 1: First result' });
    expect(first.getAttribute('href')).toBe('https://a.example/one');
    expect(first.textContent).toBe('1First resulta.example');
    expect(screen.getAllByRole('link', { name: 'Source 2: Second result' })).toHaveLength(2);
  });

  it('leave [n] as written without such a source, and inside links and code', () => {
    const { container } = renderReply('Unknown [7]; `code [1]`; [link [1]](https://c.example/x).');
    expect(container.textContent).toContain('Unknown [7]');
    expect(container.textContent).toContain('code [1]');
    expect(screen.queryByRole('link', { name: /^Source/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'link [1]' }).getAttribute('href')).toBe('https://c.example/x');
  });
});
