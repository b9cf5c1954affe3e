// The Docker capability of main: DockerService (connection + operations) and its handlers.
export { DockerService, type DockerServiceOptions, type Emit } from './docker-service.js';
export { DockerConnection } from './connection.js';
export { discoverEndpoints, type DiscoveryInput } from './discovery.js';
export { parseEndpoint, type Endpoint } from './endpoint.js';
export { toContractError } from './docker-errors.js';
export { isManaged } from './container-summary.js';
export { createDockerHandlers } from './handlers.js';
