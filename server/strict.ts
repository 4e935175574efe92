// Strict mode (SIM_STRICT=1; the e2e suite runs with it): the message-sequence rules a
// strict OpenAI-compatible server enforces, answered with its 400 and error shape.

export interface SequenceProblem {
  message: string;
  /** Where, as OpenAI names it: `messages.[3].role`. */
  param: string;
}

interface WireLike {
  role?: unknown;
  content?: unknown;
  tool_calls?: unknown;
  tool_call_id?: unknown;
}

const callIds = (m: WireLike): string[] =>
  Array.isArray(m.tool_calls)
    ? m.tool_calls
        .map((c) => (typeof c === 'object' && c !== null ? (c as { id?: unknown }).id : undefined))
        .filter((id): id is string => typeof id === 'string')
    : [];

/**
 * The first rule the messages break, or undefined: every `tool_calls` id is answered by
 * exactly one tool message before the next user or assistant turn; no tool message
 * without its call; every content a string (Bitseek takes no null content).
 */
export function sequenceProblem(messages: readonly WireLike[]): SequenceProblem | undefined {
  let open: Set<string> | undefined; // the ids of the latest tool_calls turn not yet all answered
  let openAt = -1;
  for (const [i, m] of messages.entries()) {
    if (typeof m.content !== 'string')
      return { message: `Invalid type for 'messages[${i}].content': expected a string.`, param: `messages.[${i}].content` };
    if (m.role === 'tool') {
      const id = typeof m.tool_call_id === 'string' ? m.tool_call_id : '';
      if (!open?.delete(id)) {
        return {
          message: `Invalid parameter: messages with role 'tool' must be a response to a preceding message with 'tool_calls' (tool_call_id ${JSON.stringify(id)} is not one of them, or was answered already).`,
          param: `messages.[${i}].role`,
        };
      }
      continue;
    }
    if (open?.size) {
      return {
        message: `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...open].join(', ')}`,
        param: `messages.[${openAt}].role`,
      };
    }
    const ids = m.role === 'assistant' ? callIds(m) : [];
    open = ids.length ? new Set(ids) : undefined;
    openAt = i;
  }
  if (open?.size) {
    return {
      message: `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${[...open].join(', ')}`,
      param: `messages.[${openAt}].role`,
    };
  }
  return undefined;
}
