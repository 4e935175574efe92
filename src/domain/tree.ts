// A conversation's messages form a tree: each message names its parent (a first message,
// and each edited version of it, has none), so an edit or a regenerate adds a sibling and
// nothing is overwritten. At each fork the conversation remembers the child chosen
// (`activeChildren`; a fork without a choice shows its newest child), which gives one
// active path from a first message to a last: what is shown, and what a request carries.
import type { Conversation, Message } from './types';

/** The fork of the first messages, which have no parent. */
const TOP = '';
const forkOf = (m: Message): string => m.parentId ?? TOP;

/** A list's shape, by position: it holds no message, so a list with one message changed shares it. */
interface Tree {
  index: ReadonlyMap<string, number>;
  /** Children's positions by parent id (TOP for the first messages), oldest first. */
  children: ReadonlyMap<string, readonly number[]>;
}

const trees = new WeakMap<readonly Message[], Tree>();

/** The tree of a list of messages (kept in order of creation), built once per shape. */
function treeOf(messages: readonly Message[]): Tree {
  let tree = trees.get(messages);
  if (tree) return tree;
  const index = new Map<string, number>();
  const children = new Map<string, number[]>();
  messages.forEach((m, i) => {
    index.set(m.id, i);
    const siblings = children.get(forkOf(m));
    if (siblings) siblings.push(i);
    else children.set(forkOf(m), [i]);
  });
  tree = { index, children };
  trees.set(messages, tree);
  return tree;
}

/**
 * `messages` with one message's fields changed (never its id or parent), its tree carried
 * over rather than built again: a streamed reply changes its message every frame.
 */
export function withMessagePatched(messages: readonly Message[], id: string, patch: Partial<Omit<Message, 'id' | 'parentId'>>): Message[] {
  const tree = treeOf(messages);
  const i = tree.index.get(id);
  const next = [...messages];
  if (i === undefined) return next;
  next[i] = { ...messages[i]!, ...patch };
  trees.set(next, tree);
  // The path too: the same one where the message is not on it, else with the message replaced.
  const known = paths.get(messages);
  if (known) {
    const at = known.path.lastIndexOf(messages[i]!);
    paths.set(next, at === -1 ? known : { choices: known.choices, path: known.path.with(at, next[i]!) });
  }
  return next;
}

/**
 * The tree's shape: an object that stays the same while only messages' contents change (a
 * streamed frame), and is new when a message is added or removed. What is derived from the
 * shape alone can be kept by it.
 */
export const shapeOf = (messages: readonly Message[]): object => treeOf(messages);

/** The active path of a messages array, for the choices it was found with. */
const paths = new WeakMap<readonly Message[], { choices: Conversation['activeChildren']; path: Message[] }>();

/** The messages shown, from a first message to the last: at each fork the chosen child, else the newest. */
export function activePath(c: Conversation): Message[] {
  const known = paths.get(c.messages);
  if (known && known.choices === c.activeChildren) return known.path;
  const { messages } = c;
  const { children } = treeOf(messages);
  const chosen = new Set(c.activeChildren);
  const path: Message[] = [];
  for (let fork = TOP; path.length < messages.length;) {
    const options = children.get(fork);
    if (!options) break;
    const at = options.findLast((i) => chosen.has(messages[i]!.id)) ?? options[options.length - 1]!;
    path.push(messages[at]!);
    fork = messages[at]!.id;
  }
  paths.set(messages, { choices: c.activeChildren, path });
  return path;
}

/** A message's versions (itself and its siblings, oldest first). */
export function versionsOf(c: Conversation, message: Message): Message[] {
  return (treeOf(c.messages).children.get(forkOf(message)) ?? []).map((i) => c.messages[i]!);
}

/** Which of its versions a message is (0-based), and of how many. */
export function versionOf(c: Conversation, message: Message): [number, number] {
  const { children, index } = treeOf(c.messages);
  const siblings = children.get(forkOf(message)) ?? [];
  const at = index.get(message.id) ?? -1;
  return [Math.max(0, siblings.indexOf(at)), Math.max(1, siblings.length)];
}

/** The messages from a first message down to `messageId`, or none when it is not there. */
export function pathTo(c: Conversation, messageId: string): Message[] {
  const { index } = treeOf(c.messages);
  const path: Message[] = [];
  for (let i = index.get(messageId); i !== undefined && path.length < c.messages.length;) {
    const m = c.messages[i]!;
    path.push(m);
    i = m.parentId === undefined ? undefined : index.get(m.parentId);
  }
  return path.reverse();
}

/**
 * The choices of `messages`' tree, by fork: `ids` (later ones win), recorded only where
 * there is more than one child to choose from; an id not in the tree is dropped.
 */
function choicesOf(messages: readonly Message[], ids: Iterable<string>): string[] {
  const { index, children } = treeOf(messages);
  const byFork = new Map<string, string>();
  for (const id of ids) {
    const i = index.get(id);
    if (i === undefined) continue;
    const fork = forkOf(messages[i]!);
    if (children.get(fork)!.length > 1) byFork.set(fork, id);
  }
  return [...byFork.values()];
}

/** `c` with these messages shown at their forks (the choices below them kept as they were). */
function withChosen(c: Conversation, ids: readonly string[]): Conversation {
  const activeChildren = choicesOf(c.messages, [...(c.activeChildren ?? []), ...ids]);
  const { activeChildren: _, ...rest } = c;
  return activeChildren.length ? { ...rest, activeChildren } : rest;
}

/** `c` with `messageId` shown at its fork (and the choices below it kept as they were). */
export const choose = (c: Conversation, messageId: string): Conversation => withChosen(c, [messageId]);

/** `c` with the branch that holds `messageId` shown, down to it. */
export const reveal = (c: Conversation, messageId: string): Conversation =>
  withChosen(
    c,
    pathTo(c, messageId).map((m) => m.id),
  );

/**
 * `c` with a turn added: `history` is a path from a first message, then messages not in
 * `c` yet, linked one under the other; all of it is shown. A message of `c` given again
 * (by id) replaces its copy.
 */
export function addTurn(c: Conversation, history: readonly Message[]): Conversation {
  const { index } = treeOf(c.messages);
  const given = new Map(history.filter((m) => index.has(m.id)).map((m) => [m.id, m]));
  const added: Message[] = [];
  history.forEach((m, i) => {
    if (index.has(m.id)) return;
    const parent = history[i - 1];
    const { parentId: _, ...rest } = m;
    added.push(parent ? { ...rest, parentId: parent.id } : rest);
  });
  const next: Conversation = { ...c, messages: [...c.messages.map((m) => given.get(m.id) ?? m), ...added] };
  return withChosen(
    next,
    history.map((m) => m.id),
  );
}

/**
 * The choices of two copies of a conversation merged into `messages`: at each fork what
 * `primary` chose or shows, else what `secondary` does. A tab's view is its own: a version
 * another tab added, or chose, does not move what this one shows.
 */
export function mergedChoices(messages: readonly Message[], primary: Conversation, secondary?: Conversation): string[] {
  const shown = (c: Conversation | undefined) => (c ? [...activePath(c).map((m) => m.id), ...(c.activeChildren ?? [])] : []);
  return choicesOf(messages, [...shown(secondary), ...shown(primary)]);
}

/**
 * Messages whose parent is not among them (a merge dropped it, or a journal held only the
 * last few) under the message before them, so that none is hidden; the list as it is if none.
 */
export function attachOrphans(messages: Message[]): Message[] {
  const { index } = treeOf(messages);
  if (messages.every((m) => m.parentId === undefined || index.has(m.parentId))) return messages;
  return messages.map((m, i) => {
    if (m.parentId === undefined || index.has(m.parentId)) return m;
    const { parentId: _, ...rest } = m;
    return i > 0 ? { ...rest, parentId: messages[i - 1]!.id } : rest;
  });
}

/**
 * A conversation of the format before trees (a list: no message names a parent) as a tree of
 * one branch, each message under the one before it; a tree as it is.
 */
export function asTree<C extends Pick<Conversation, 'messages'>>(c: C): C {
  const { messages } = c;
  if (messages.length < 2 || messages.some((m) => m.parentId !== undefined)) return c;
  return { ...c, messages: messages.map((m, i) => (i === 0 ? m : { ...m, parentId: messages[i - 1]!.id })) };
}

/** What is wrong with a conversation's tree, said with where; undefined when it is sound. */
export function treeProblem(c: Conversation): string | undefined {
  const ids = new Set<string>();
  for (const m of c.messages) {
    if (ids.has(m.id)) return `message ${m.id} appears twice`;
    ids.add(m.id);
  }
  if (c.messages.length > 1 && c.messages.every((m) => m.parentId === undefined)) return 'no message names its parent: a list, not a tree';
  const roots = c.messages.filter((m) => m.parentId === undefined);
  // Messages with no parent are the versions of the conversation's first question: a reply among several is a second root.
  const stray = roots.length > 1 && roots.find((m) => m.role !== 'user' && m.role !== 'system');
  if (stray) return `message ${stray.id} (${stray.role}) has no parent: a second root`;
  for (const m of c.messages) {
    if (m.parentId === undefined) continue;
    if (m.parentId === m.id) return `message ${m.id} is its own parent (a cycle)`;
    if (!ids.has(m.parentId)) return `message ${m.id} names a parent that is not there: ${m.parentId}`;
  }
  // Every message reaches a first message by its parents: otherwise it is on a cycle.
  const { index } = treeOf(c.messages);
  const reaches = new Set<string>();
  for (const m of c.messages) {
    const walk: string[] = [];
    let at: Message | undefined = m;
    while (at && !reaches.has(at.id)) {
      if (walk.length > c.messages.length) return `message ${m.id} is on a cycle of parents`;
      walk.push(at.id);
      at = at.parentId === undefined ? undefined : c.messages[index.get(at.parentId)!];
    }
    for (const id of walk) reaches.add(id);
  }
  const forks = new Map<string, string>();
  for (const id of new Set(c.activeChildren)) {
    const i = index.get(id);
    if (i === undefined) return `the active child ${id} is not a message of this conversation`;
    const fork = forkOf(c.messages[i]!);
    const other = forks.get(fork);
    if (other) return `two active children at one fork: ${other} and ${id}`;
    forks.set(fork, id);
  }
  return undefined;
}
