import { runServiceMain } from '@gov/service-kit';
import { documentsService } from './service.js';

await runServiceMain(documentsService);
