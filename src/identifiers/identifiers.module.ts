import { Module } from '@nestjs/common';
import { IdentifiersRepository } from './identifiers.repository';
import { SightingsRepository } from './sightings.repository';

/** Identifiers and their sightings: the tables that cases, evidence and intel all name. */
@Module({
  providers: [IdentifiersRepository, SightingsRepository],
  exports: [IdentifiersRepository, SightingsRepository],
})
export class IdentifiersModule {}
