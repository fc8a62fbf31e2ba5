import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { HeaderAPIKeyStrategy } from 'passport-headerapikey';
import { ApiKeysService } from '../accounts/api-keys.service';
import { ApiKeyCaller } from './api-key-caller';

export const API_KEY_HEADER = 'X-API-Key';

@Injectable()
export class ApiKeyStrategy extends PassportStrategy(HeaderAPIKeyStrategy, 'api-key') {
  constructor(private readonly apiKeys: ApiKeysService) {
    super({ header: API_KEY_HEADER, prefix: '' }, false);
  }

  async validate(presented: string): Promise<ApiKeyCaller> {
    const key = await this.apiKeys.authenticate(presented);
    if (!key) throw new UnauthorizedException('The API key is not valid or has been revoked.');
    return { apiKeyId: key.id, name: key.name, scopes: key.scopes };
  }
}
