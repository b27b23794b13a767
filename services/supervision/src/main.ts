import { runServiceMain } from '@gov/service-kit';
import { supervisionService } from './service.js';

await runServiceMain(supervisionService);
