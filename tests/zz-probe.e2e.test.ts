import { PrivateNatsServer, startTestService, uniqueSpace } from '@gov/testing';
import { documentsService } from '../services/documents/src/service.js';

it('stop during outage', async () => {
  const server = await PrivateNatsServer.start();
  const svc = await startTestService(documentsService, { space: uniqueSpace(), natsUrl: server.url });
  await server.down();
  const t = Date.now();
  const r = await Promise.race([svc.runtime.stop().then(() => 'stopped'), new Promise((r) => setTimeout(() => r('hung'), 20000))]);
  console.log('RESULT', r, Date.now() - t);
  await server.up();
  await svc.runtime.stop();
  await svc.database.drop();
  await server.destroy();
}, 60000);
