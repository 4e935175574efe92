export { ConversationIdField } from './ConversationIdField';
export { linkFor, pathFor, routeConversationId } from './links';
export { Sidebar } from './Sidebar';
