import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Tx } from './tx.js';

/**
 * Services open a unit of work without touching TypeORM: they pass the opaque `Tx` on to
 * repositories, which are the only code that uses what it carries.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(new Tx(manager)));
  }
}
