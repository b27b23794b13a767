import { Module } from '@nestjs/common';
import { SupervisionResolver } from './supervision.resolver.js';

@Module({ providers: [SupervisionResolver] })
export class SupervisionGraphqlModule {}
