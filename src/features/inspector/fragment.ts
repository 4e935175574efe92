/** What an OpenAI-style chunk adds to the reply, for the head of its row: text, reasoning, tool arguments, or how it ended. */
export function fragmentOf(data: string): string | undefined {
  if (!data.startsWith('{')) return undefined;
  let chunk: unknown;
  try {
    chunk = JSON.parse(data);
  } catch {
    return undefined;
  }
  const choice = (chunk as { choices?: { delta?: Record<string, unknown>; finish_reason?: unknown }[] } | null)?.choices?.[0];
  const delta = choice?.delta;
  const calls = delta?.tool_calls as { function?: { name?: unknown; arguments?: unknown } }[] | undefined;
  const text =
    delta?.content ?? delta?.reasoning_content ?? delta?.reasoning ?? calls?.[0]?.function?.arguments ?? calls?.[0]?.function?.name;
  if (typeof text === 'string' && text !== '') return JSON.stringify(text);
  if (typeof choice?.finish_reason === 'string') return `⏹ ${choice.finish_reason}`;
  return undefined;
}
