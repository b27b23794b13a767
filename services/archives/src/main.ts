import { runServiceMain } from '@gov/service-kit';
import { archivesService } from './service.js';

await runServiceMain(archivesService);
