import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { NEST_FASTIFY_OPTIONS } from '../../../api/src/platform/fastify-adapter';

/** The hello route of (3) in a Nest app with nothing of Trilha: no guards, pipes, filters, logging or modules. */
@Controller('bench')
class MinimalHelloController {
  @Get('hello')
  hello() {
    return { hello: 'world' };
  }
}

@Module({ controllers: [MinimalHelloController] })
class MinimalHelloModule {}

/**
 * Nest 11 on @nestjs/platform-fastify with the framework options Trilha runs it with (no middie:
 * Trilha has no Nest middleware) and nothing else of Trilha: what the framework costs over bare Fastify.
 */
export function createMinimalNestApp(): Promise<NestFastifyApplication> {
  return NestFactory.create<NestFastifyApplication>(MinimalHelloModule, new FastifyAdapter({ ...NEST_FASTIFY_OPTIONS }), { logger: false });
}
