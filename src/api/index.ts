// What the features and the app use of the protocol layer; the store uses the rest.
export {
  BITSEEK_ENDPOINT,
  BITSEEK_PROXY_ENDPOINT,
  endpointOrigin,
  isSimulatorEndpoint,
  modelsUrl,
  SIMULATOR_ENDPOINT,
  withoutCredentials,
} from './endpoint';
export { authorizationFor, type KeyGrant } from './keyGate';
export { toCurl } from './redact';
export { DEFAULT_MODEL } from './request';
export { warmStreamWorker, type RawLog } from './fast';
export { fetchModels } from './models';
export type { McpProgress, McpWireMessage } from './mcp';
