import type { Handlers } from '../../src-preload/contract/index.js';
import type { DockerService } from './docker-service.js';

type DockerMethod =
  | 'dockerStatus'
  | 'dockerConnect'
  | 'listContainers'
  | 'containerAction'
  | 'inspectContainer'
  | 'removeContainer'
  | 'removeContainers'
  | 'listImages'
  | 'removeImage'
  | 'pullImage'
  | 'cancelOperation'
  | 'startLogs'
  | 'stopLogs'
  | 'startStats'
  | 'stopStats';

/** The contract's Docker methods, answered by the Docker service (arguments already parsed). */
export function createDockerHandlers(docker: DockerService): Pick<Handlers, DockerMethod> {
  return {
    dockerStatus: () => docker.currentStatus(),
    dockerConnect: (args) => docker.connect(args?.endpoint),
    listContainers: (args) => docker.listContainers(args?.scope ?? 'all'),
    containerAction: (args) => docker.containerAction(args),
    inspectContainer: ({ id }) => docker.inspectContainer(id),
    removeContainer: (args) => docker.removeContainer(args),
    removeContainers: (args) => docker.removeContainers(args),
    listImages: () => docker.listImages(),
    removeImage: ({ image, force }) => docker.removeImage(image, force),
    pullImage: ({ operationId, image }) => docker.pullImage(operationId, image),
    cancelOperation: ({ operationId }) => docker.cancelOperation(operationId),
    startLogs: (args) => docker.startLogs(args),
    stopLogs: ({ streamId }) => docker.stopStream(streamId),
    startStats: ({ streamId, id }) => docker.startStats(streamId, id),
    stopStats: ({ streamId }) => docker.stopStream(streamId),
  };
}
