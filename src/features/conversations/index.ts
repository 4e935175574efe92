export { ConversationIdField } from './ConversationIdField';
export { linkFor, pathFor, routeConversationId } from './links';
export { displayTitle } from './displayTitle';
export { Sidebar, SEARCH_BOX_ID } from './Sidebar';
