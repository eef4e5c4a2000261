import { Controller, Get, Module, type MiddlewareConsumer, type NestMiddleware, type NestModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createFastifyAdapter } from '../../apps/api/src/platform';
import { createTestApp } from './test-app/create-test-app';

@Controller('hello')
class HelloController {
  @Get()
  hello() {
    return { hello: 'world' };
  }
}

class PassThroughMiddleware implements NestMiddleware {
  use(_request: unknown, _response: unknown, next: () => void): void {
    next();
  }
}

@Module({ controllers: [HelloController] })
class WithMiddlewareModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PassThroughMiddleware).forRoutes('*');
  }
}

// docs/adr/0032-nest-on-fastify-without-middie.md
describe('Nest on Fastify without @fastify/middie', () => {
  it('serves the platform app with no middleware engine registered on Fastify', async () => {
    const app = await createTestApp();
    try {
      const fastify = app.getHttpAdapter().getInstance();
      // @fastify/middie decorates the instance with `use`.
      expect(fastify.hasDecorator('use')).toBe(false);
      const answer = await fastify.inject({ method: 'GET', url: '/open' });
      expect(answer.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('refuses to start an app that declares a Nest middleware, rather than skipping it silently', async () => {
    const app = await NestFactory.create<NestFastifyApplication>(WithMiddlewareModule, createFastifyAdapter(), { logger: false, abortOnError: false });
    try {
      await expect(app.init()).rejects.toThrow(TypeError);
    } finally {
      await app.close().catch(() => undefined);
    }
  });
});
