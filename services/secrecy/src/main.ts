import { runServiceMain } from '@gov/service-kit';
import { secrecyService } from './service.js';

await runServiceMain(secrecyService);
