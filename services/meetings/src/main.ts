import { runServiceMain } from '@gov/service-kit';
import { meetingsService } from './service.js';

await runServiceMain(meetingsService);
