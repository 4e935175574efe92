import { isValidConversationId } from '../../domain/ids';

/** `/c/ID` → ID when it is a valid conversation id. */
export function routeConversationId(pathname: string): string | undefined {
  const match = /^\/c\/([^/]+)\/?$/.exec(pathname);
  if (!match) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
  return isValidConversationId(id) ? id : undefined;
}

export const pathFor = (id: string) => `/c/${encodeURIComponent(id)}`;

export function linkFor(id: string): string {
  return new URL(pathFor(id), location.origin).href;
}
