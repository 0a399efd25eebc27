import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SqliteConnectionGate } from './sqlite-connection.gate.js';
import { Tx } from './tx.js';

/**
 * Services open a unit of work without touching TypeORM: they pass the opaque `Tx` on to
 * repositories, which are the only code that uses what it carries.
 */
@Injectable()
export class TransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  /** On SQLite through the connection gate: one transaction at a time on the one connection, nested ones savepoints. */
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const gate = SqliteConnectionGate.of(this.dataSource);
    if (gate) return gate.transaction((manager) => work(new Tx(manager)));
    return this.dataSource.transaction((manager) => work(new Tx(manager)));
  }
}
