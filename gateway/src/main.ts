import { startGateway } from './app.js';

let gateway;
try {
  gateway = await startGateway();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
const stop = () => gateway.stop().then(() => process.exit(0), () => process.exit(1));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
