/**
 * Runs the test app in a plain Node process (outside Jest, which cannot load @fastify/static)
 * and prints `listening on <port>` once it serves.
 */
import { createTestApp } from './create-test-app';

async function main(): Promise<void> {
  const app = await createTestApp();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  process.stdout.write(`listening on ${typeof address === 'object' && address ? address.port : address}\n`);
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
