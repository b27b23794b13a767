import { runServiceMain } from '@gov/service-kit';
import { foreignAffairsService } from './service.js';

await runServiceMain(foreignAffairsService);
