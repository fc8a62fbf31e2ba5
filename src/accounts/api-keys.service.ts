import type { AuthUser } from '../auth/auth-user';
import { PLATFORM, requireAccess } from '../auth/access-policy';
import { Injectable, NotFoundException } from '@nestjs/common';
import { toPage } from '../common/pagination/cursor';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { requireCursor } from '../common/pagination/page-cursor';
import { ApiKeyPageView, ApiKeyView, CreateApiKeyDto, CreatedApiKeyView } from './api-key.dto';
import { ApiKeyEntity } from './api-key.entity';
import { hashApiKey, newApiKey } from './api-key-secret';
import { ApiKeysRepository } from './api-keys.repository';

function toApiKeyView(key: ApiKeyEntity): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    scopes: key.scopes,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ApiKeysService {
  constructor(private readonly keys: ApiKeysRepository) {}

  async create(admin: AuthUser, dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    requireAccess(admin, 'api-key.manage', PLATFORM);
    const creatorId = admin.id;
    const { key, prefix, hash } = newApiKey();
    const row = await this.keys.insert({
      name: dto.name,
      scopes: dto.scopes,
      prefix,
      keyHash: hash,
      createdBy: creatorId,
    });
    return { ...toApiKeyView(row), key };
  }

  async list(admin: AuthUser, query: ListQueryDto): Promise<ApiKeyPageView> {
    requireAccess(admin, 'api-key.manage', PLATFORM);
    const rows = await this.keys.list(requireCursor(query.cursor), query.limit);
    return toPage(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }), toApiKeyView);
  }

  /** Revoking is final and repeatable: a second revoke of the same key changes nothing. */
  async revoke(admin: AuthUser, id: string): Promise<void> {
    requireAccess(admin, 'api-key.manage', PLATFORM);
    if (!(await this.keys.findById(id))) throw new NotFoundException('No such API key.');
    await this.keys.revoke(id);
  }

  /** The active key behind a presented secret, recording that it was used. */
  async authenticate(presented: string): Promise<ApiKeyEntity | null> {
    const key = await this.keys.findActiveByHash(hashApiKey(presented));
    if (key) await this.keys.touch(key.id);
    return key;
  }
}
