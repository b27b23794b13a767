import { defineConfig } from 'prisma/config';
import { servicePrismaConfig } from '../../libs/persistence/src/prisma-config.js';

export default defineConfig(servicePrismaConfig(import.meta.dirname));
