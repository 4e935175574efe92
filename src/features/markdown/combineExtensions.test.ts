import { combineExtensions as combineEachTime } from 'micromark-util-combine-extensions';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { describe, expect, it } from 'vitest';
import { combineExtensions } from './combineExtensions';

describe('combineExtensions, once per list', () => {
  const syntax = gfm();

  it('gives what micromark’s own gives', () => {
    const extensions = [syntax, math()];
    expect(combineExtensions(extensions)).toEqual(combineEachTime(extensions));
  });

  it('combines a list of the same extensions once, however the list is made', () => {
    const first = combineExtensions([syntax]);
    expect(combineExtensions([syntax])).toBe(first);
    expect(combineExtensions([syntax, math()])).not.toBe(first);
    expect(combineExtensions([])).not.toBe(first);
  });

  it('tells lists apart by order and by each extension', () => {
    const a = math();
    const b = math({ singleDollarTextMath: false });
    expect(combineExtensions([syntax, a])).toBe(combineExtensions([syntax, a]));
    expect(combineExtensions([syntax, a])).not.toBe(combineExtensions([syntax, b]));
    expect(combineExtensions([a, syntax])).not.toBe(combineExtensions([syntax, a]));
  });
});
