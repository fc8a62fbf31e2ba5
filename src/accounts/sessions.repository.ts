import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { RefreshTokenEntity } from './refresh-token.entity';
import type { UserStatus } from './role';
import { SessionEntity } from './session.entity';
import { USER_COLUMNS, USER_SHOP_JOIN, userFromRow, UserRow } from './user-row';
import { UserEntity } from './user.entity';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface Principal {
  user: UserEntity;
  sessionRevoked: boolean;
}

export interface LockedRefreshToken {
  tokenId: string;
  sessionId: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
  sessionRevokedAt: Date | null;
  userStatus: UserStatus;
}

@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(manager: EntityManager, userId: string, client: ClientInfo): Promise<SessionEntity> {
    const session = manager.create(SessionEntity, {
      userId,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
      revokedAt: null,
      revokedReason: null,
    });
    return manager.save(session);
  }

  async addRefreshToken(
    manager: EntityManager,
    sessionId: string,
    tokenHash: Buffer,
    expiresAt: Date,
  ): Promise<void> {
    await manager.insert(RefreshTokenEntity, { sessionId, tokenHash, expiresAt, usedAt: null });
  }

  /** The token, its session and user, locked so two refreshes with one token serialise. */
  async lockRefreshToken(
    manager: EntityManager,
    tokenHash: Buffer,
  ): Promise<LockedRefreshToken | undefined> {
    const [row]: {
      token_id: string;
      session_id: string;
      user_id: string;
      expires_at: Date;
      used_at: Date | null;
      revoked_at: Date | null;
      status: UserStatus;
    }[] = await manager.query(
      `SELECT t.id AS token_id, t.session_id, s.user_id, t.expires_at, t.used_at, s.revoked_at, u.status
         FROM refresh_tokens t
         JOIN sessions s ON s.id = t.session_id
         JOIN users u ON u.id = s.user_id
        WHERE t.token_hash = $1
        FOR UPDATE OF t, s`,
      [tokenHash],
    );
    if (!row) return undefined;
    return {
      tokenId: row.token_id,
      sessionId: row.session_id,
      userId: row.user_id,
      expiresAt: row.expires_at,
      usedAt: row.used_at,
      sessionRevokedAt: row.revoked_at,
      userStatus: row.status,
    };
  }

  async markRefreshTokenUsed(manager: EntityManager, tokenId: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { id: tokenId }, { usedAt: new Date() });
  }

  async revoke(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.update(
      SessionEntity,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
  }

  async revokeAllOfUser(manager: EntityManager, userId: string, reason: string): Promise<void> {
    await manager.update(
      SessionEntity,
      { userId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
  }

  /** Ends every session of the user but `keep`, the one that asked. */
  async revokeOthersOfUser(
    manager: EntityManager,
    userId: string,
    keep: string,
    reason: string,
  ): Promise<void> {
    await manager.update(
      SessionEntity,
      { userId, id: Not(keep), revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
  }

  /** The access token's user and whether its session ended: one indexed lookup per request. */
  async findPrincipal(userId: string, sessionId: string): Promise<Principal | undefined> {
    const [row]: (UserRow & { session_revoked: boolean })[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, s.revoked_at IS NOT NULL AS session_revoked
         FROM sessions s JOIN users u ON u.id = s.user_id ${USER_SHOP_JOIN}
        WHERE s.id = $1 AND u.id = $2`,
      [sessionId, userId],
    );
    return row ? { user: userFromRow(row), sessionRevoked: row.session_revoked } : undefined;
  }

  async findSession(sessionId: string): Promise<SessionEntity | null> {
    return this.dataSource.getRepository(SessionEntity).findOneBy({ id: sessionId });
  }
}
