import { Module } from '@nestjs/common';
import { ScopedData } from './scoped-data';

/** The access policy and the scoped data access every feature reads and writes through. */
@Module({
  providers: [ScopedData],
  exports: [ScopedData],
})
export class AccessModule {}
