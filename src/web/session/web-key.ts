import { createHmac } from 'node:crypto';
import type { AppConfig } from '../../config/app-config';

export const WEB_KEY = Symbol('WEB_KEY');

/** The web pages' own key, derived from the JWT secret so that neither can stand in for the other. */
export const webKeyOf = (config: AppConfig): Buffer =>
  createHmac('sha256', config.auth.jwtSecret).update('bulwark web pages').digest();
