import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';

/**
 * The transaction host of the app, injectable by this short name: `txHost.tx` is the EntityManager
 * of the current @Transactional() call, or the plain manager outside one.
 */
export abstract class AppTransactionHost extends TransactionHost<TransactionalAdapterTypeOrm> {}
