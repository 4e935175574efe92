import { describe, expect, it } from 'vitest';
import { sequenceProblem } from './strict';

const call = (id: string) => ({ id, type: 'function', function: { name: 'f', arguments: '{}' } });
const user = (content = 'q') => ({ role: 'user', content });
const asks = (...ids: string[]) => ({ role: 'assistant', content: '', tool_calls: ids.map(call) });
const answer = (id: string) => ({ role: 'tool', content: 'r', tool_call_id: id });

describe('strict message sequences', () => {
  it('accepts plain turns and fully answered tool rounds', () => {
    expect(sequenceProblem([{ role: 'system', content: 's' }, user(), { role: 'assistant', content: 'a' }, user()])).toBeUndefined();
    expect(
      sequenceProblem([user(), asks('a', 'b'), answer('b'), answer('a'), { role: 'assistant', content: 'done' }, user()]),
    ).toBeUndefined();
    expect(sequenceProblem([user(), asks('a'), answer('a')])).toBeUndefined();
  });

  it('refuses a tool call left unanswered before the next turn, or at the end', () => {
    expect(sequenceProblem([user(), asks('a', 'b'), answer('a'), user()])).toMatchObject({
      param: 'messages.[1].role',
      message: expect.stringContaining('did not have response messages: b'),
    });
    expect(sequenceProblem([user(), asks('a')])).toMatchObject({ param: 'messages.[1].role' });
  });

  it('refuses a tool message without its call, or answering one twice', () => {
    expect(sequenceProblem([user(), answer('x')])).toMatchObject({ param: 'messages.[1].role' });
    expect(sequenceProblem([user(), asks('a'), answer('a'), answer('a')])).toMatchObject({ param: 'messages.[3].role' });
    expect(sequenceProblem([user(), asks('a'), answer('a'), { role: 'assistant', content: 'x' }, answer('a')])).toMatchObject({
      param: 'messages.[4].role',
    });
  });

  it('refuses content that is not a string (Bitseek takes no null)', () => {
    expect(sequenceProblem([user(), { ...asks('a'), content: null }, answer('a')])).toMatchObject({ param: 'messages.[1].content' });
  });
});
