export { SharePopover } from './SharePopover';
export { pathFor, routeConversationId } from './links';
export { displayTitle } from './displayTitle';
export { ResumeDialog, Sidebar, SEARCH_BOX_ID } from './Sidebar';
