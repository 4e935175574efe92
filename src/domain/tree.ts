// A conversation's messages form a tree: each message names its parent (a first message,
// and each edited version of it, has none), so an edit or a regenerate adds a sibling and
// nothing is overwritten. At each fork the conversation remembers the child chosen
// (`activeChildren`; a fork without a choice shows its newest child), which gives one
// active path from a first message to a last: what is shown, and what a request carries.
import type { Conversation, Message } from './types';

/** The fork of the first messages, which have no parent. */
const TOP = '';
const forkOf = (m: Message): string => m.parentId ?? TOP;

interface Tree {
  byId: ReadonlyMap<string, Message>;
  /** Children by parent id (TOP for the first messages), oldest first. */
  children: ReadonlyMap<string, readonly Message[]>;
}

const trees = new WeakMap<readonly Message[], Tree>();

/** The tree of a list of messages (kept in order of creation), built once per list. */
function treeOf(messages: readonly Message[]): Tree {
  let tree = trees.get(messages);
  if (tree) return tree;
  const byId = new Map<string, Message>();
  const children = new Map<string, Message[]>();
  for (const m of messages) {
    byId.set(m.id, m);
    const siblings = children.get(forkOf(m));
    if (siblings) siblings.push(m);
    else children.set(forkOf(m), [m]);
  }
  tree = { byId, children };
  trees.set(messages, tree);
  return tree;
}

const paths = new WeakMap<Conversation, Message[]>();

/** The messages shown, from a first message to the last: at each fork the chosen child, else the newest. */
export function activePath(c: Conversation): Message[] {
  let path = paths.get(c);
  if (path) return path;
  const { children } = treeOf(c.messages);
  const chosen = new Set(c.activeChildren);
  path = [];
  for (let fork = TOP, seen = 0; seen <= c.messages.length; seen++) {
    const options = children.get(fork);
    if (!options) break;
    const next = options.findLast((m) => chosen.has(m.id)) ?? options[options.length - 1]!;
    path.push(next);
    fork = next.id;
  }
  paths.set(c, path);
  return path;
}

/** A message's versions (itself and its siblings, oldest first). */
export function versionsOf(c: Conversation, message: Message): readonly Message[] {
  return treeOf(c.messages).children.get(forkOf(message)) ?? [message];
}

/** The messages from a first message down to `messageId`, or none when it is not there. */
export function pathTo(c: Conversation, messageId: string): Message[] {
  const { byId } = treeOf(c.messages);
  const path: Message[] = [];
  for (let m = byId.get(messageId); m && path.length <= c.messages.length; m = m.parentId === undefined ? undefined : byId.get(m.parentId))
    path.push(m);
  return path.reverse();
}

/** `c` with `messageId` shown at its fork (and the choices below it kept as they were). */
export function choose(c: Conversation, messageId: string): Conversation {
  const m = treeOf(c.messages).byId.get(messageId);
  if (!m) return c;
  const versions = versionsOf(c, m);
  // No fork there: the only child is shown, and a version added later is shown as the newest.
  if (versions.length === 1) return c;
  const siblings = new Set(versions.map((s) => s.id));
  return { ...c, activeChildren: [...(c.activeChildren ?? []).filter((id) => !siblings.has(id)), messageId] };
}

/** `c` with the branch that holds `messageId` shown, down to it. */
export function reveal(c: Conversation, messageId: string): Conversation {
  return pathTo(c, messageId).reduce((shown, m) => choose(shown, m.id), c);
}

/**
 * `c` with a turn added: `history` is a path from a first message, then messages not in
 * `c` yet, linked one under the other; all of it is shown. A message of `c` given again
 * (by id) replaces its copy.
 */
export function addTurn(c: Conversation, history: readonly Message[]): Conversation {
  const { byId } = treeOf(c.messages);
  const given = new Map(history.filter((m) => byId.has(m.id)).map((m) => [m.id, m]));
  const added: Message[] = [];
  history.forEach((m, i) => {
    if (byId.has(m.id)) return;
    const parent = history[i - 1];
    const { parentId: _, ...rest } = m;
    added.push(parent ? { ...rest, parentId: parent.id } : rest);
  });
  const next: Conversation = { ...c, messages: [...c.messages.map((m) => given.get(m.id) ?? m), ...added] };
  return history.reduce((shown, m) => choose(shown, m.id), next);
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
  for (const m of c.messages) {
    if (m.parentId === undefined) continue;
    if (m.parentId === m.id) return `message ${m.id} is its own parent (a cycle)`;
    if (!ids.has(m.parentId)) return `message ${m.id} names a parent that is not there: ${m.parentId}`;
  }
  // Every message reaches a first message by its parents: otherwise it is on a cycle.
  const reaches = new Map<string, boolean>();
  const { byId } = treeOf(c.messages);
  for (const m of c.messages) {
    const walk: string[] = [];
    let at: Message | undefined = m;
    while (at && !reaches.has(at.id) && walk.length <= c.messages.length) {
      walk.push(at.id);
      at = at.parentId === undefined ? undefined : byId.get(at.parentId);
    }
    const ok = at === undefined || reaches.get(at.id) === true;
    if (!ok || walk.length > c.messages.length) return `message ${m.id} is on a cycle of parents`;
    for (const id of walk) reaches.set(id, true);
  }
  const forks = new Map<string, string>();
  for (const id of c.activeChildren ?? []) {
    const m = byId.get(id);
    if (!m) return `the active child ${id} is not a message of this conversation`;
    const other = forks.get(forkOf(m));
    if (other) return `two active children at one fork: ${other} and ${id}`;
    forks.set(forkOf(m), id);
  }
  return undefined;
}
