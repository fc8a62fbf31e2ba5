import { Injectable } from '@nestjs/common';

/** The time, behind one adapter so tests move it instead of sleeping. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
