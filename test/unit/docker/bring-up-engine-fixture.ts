import Dockerode from 'dockerode';

export type TestEngine = { ok: true; options: Dockerode.DockerOptions; image: string } | { ok: false; reason: string; image: string };

/**
 * The private test engine the test setup started (its socket in DEVSIM_TEST_DOCKER_HOST, its
 * busybox image in DEVSIM_TEST_IMAGE). Without one the engine tests are skipped, saying why.
 */
export async function testEngine(): Promise<TestEngine> {
  const host = process.env.DEVSIM_TEST_DOCKER_HOST;
  const image = process.env.DEVSIM_TEST_IMAGE ?? 'devsim-test/busybox:1';
  if (!host) return { ok: false, reason: 'no private test engine: DEVSIM_TEST_DOCKER_HOST is not set (the test setup could not start dockerd)', image };
  if (!host.startsWith('unix://')) return { ok: false, reason: `DEVSIM_TEST_DOCKER_HOST must be a unix:// socket, got ${host}`, image };
  const options = { socketPath: host.slice('unix://'.length) };
  try {
    const docker = new Dockerode(options);
    await docker.ping();
    await docker.getImage(image).inspect();
    return { ok: true, options, image };
  } catch (err) {
    return { ok: false, reason: `the test engine at ${host} or its image ${image} is not usable: ${(err as Error).message}`, image };
  }
}
