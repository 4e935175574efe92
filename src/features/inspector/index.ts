export { InspectStreamButton } from './InspectStreamButton';
