import { Module } from '@nestjs/common';
import { SupervisionResolver } from './supervision.resolver.js';
import { SupervisionItemsResolver } from './items.resolver.js';

@Module({ providers: [SupervisionResolver, SupervisionItemsResolver] })
export class SupervisionGraphqlModule {}
