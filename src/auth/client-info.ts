import type { Request } from 'express';
import type { ClientInfo } from '../accounts/sessions.repository';

/** What a new session records of the device that opened it. */
export function clientOf(request: Request): ClientInfo {
  return { ip: request.ip ?? null, userAgent: request.get('user-agent') ?? null };
}
