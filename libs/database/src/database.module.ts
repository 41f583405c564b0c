import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { ClsPluginTransactional, TransactionHost } from '@nestjs-cls/transactional';
import { AppTransactionHost } from './app-transaction-host';
import { DirectReads } from './direct-reads.service';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';

export interface DatabaseModuleOptions {
  useFactory: (...args: any[]) => DataSourceOptions | Promise<DataSourceOptions>;
  inject: any[];
  imports?: any[];
}

/**
 * TypeORM plus request-scoped transactions: a service method marked @Transactional() runs in one
 * transaction that every repository call inside it joins through the TransactionHost.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          imports: options.imports,
          inject: options.inject,
          useFactory: options.useFactory,
        }),
        ClsModule.forRoot({
          global: true,
          // Not a Nest middleware (that would put @fastify/middie on every request): the api role opens
          // each request's context in one Fastify onRequest hook (src/platform/http-app.ts,
          // openRequestContext), the worker per job (queue-processors.ts).
          middleware: { mount: false },
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: DataSource }),
              enableTransactionProxy: true,
            }),
          ],
        }),
      ],
      providers: [{ provide: AppTransactionHost, useExisting: TransactionHost }, DirectReads],
      exports: [TypeOrmModule, AppTransactionHost, DirectReads],
    };
  }
}
