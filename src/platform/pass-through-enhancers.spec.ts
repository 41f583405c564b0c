import { CanActivate, Controller, Get, Injectable, Module } from '@nestjs/common';
import { APP_GUARD, ApplicationConfig, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ClsModule } from 'nestjs-cls';
import { dropPassThroughEnhancers } from './pass-through-enhancers';

@Injectable()
class RefuseWithoutHeader implements CanActivate {
  canActivate(context: import('@nestjs/common').ExecutionContext): boolean {
    return context.switchToHttp().getRequest<{ headers: Record<string, string> }>().headers['x-let-in'] === 'yes';
  }
}

@Controller()
class PingController {
  @Get('ping')
  ping(): { pong: true } {
    return { pong: true };
  }
}

@Module({
  imports: [ClsModule.forRoot({ global: true, middleware: { mount: false } })],
  controllers: [PingController],
  providers: [
    { provide: APP_GUARD, useClass: RefuseWithoutHeader },
    // A real guard written as a plain object: it must stay.
    { provide: APP_GUARD, useValue: { canActivate: (context: import('@nestjs/common').ExecutionContext) => context.getType() === 'http' } },
  ],
})
class PingModule {}

describe('dropPassThroughEnhancers', () => {
  let app: NestFastifyApplication;

  beforeEach(async () => {
    app = await NestFactory.create<NestFastifyApplication>(PingModule, new FastifyAdapter(), { logger: false });
  });
  afterEach(() => app.close());

  const configOf = (nest: NestFastifyApplication) => (nest as unknown as { config: ApplicationConfig }).config;

  it("removes nestjs-cls's unmounted guard and interceptor and keeps the app's own guard", async () => {
    expect(configOf(app).getGlobalInterceptors()).toHaveLength(1);
    expect(configOf(app).getGlobalGuards()).toHaveLength(3);

    expect(dropPassThroughEnhancers(app)).toEqual({ guards: 1, interceptors: 1 });

    expect(configOf(app).getGlobalInterceptors()).toHaveLength(0);
    expect(configOf(app).getGlobalGuards()).toEqual([expect.any(RefuseWithoutHeader), { canActivate: expect.any(Function) }]);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const fastify = app.getHttpAdapter().getInstance();
    expect((await fastify.inject({ url: '/ping', headers: { 'x-let-in': 'yes' } })).json()).toEqual({ pong: true });
    expect((await fastify.inject({ url: '/ping' })).statusCode).toBe(403);
  });
});
