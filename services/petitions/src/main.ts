import { runServiceMain } from '@gov/service-kit';
import { petitionsService } from './service.js';

await runServiceMain(petitionsService);
