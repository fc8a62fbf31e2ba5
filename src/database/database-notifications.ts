import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '../config/app-config';

type Listener = (payload: string) => void;

const RECONNECT_MS = 1000;

/**
 * PostgreSQL LISTEN on one connection shared by the whole process. A NOTIFY sent inside a
 * transaction is delivered only when it commits, so a listener never hears of a change that
 * could still roll back. Notifications are pokes, not data: while the connection is down some
 * are lost, and listeners must also look for themselves now and then.
 */
@Injectable()
export class DatabaseNotifications implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseNotifications.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  private client?: Promise<Client>;
  private closed = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Calls `listener` with each payload sent on `channel`; the returned function stops it. */
  async listen(channel: string, listener: Listener): Promise<() => void> {
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(channel, listeners);
      await (await this.connection()).query(`LISTEN ${quoted(channel)}`);
    }
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const client = await this.client?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  private connection(): Promise<Client> {
    this.client ??= this.connect();
    return this.client;
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.config.database.url });
    client.on('notification', ({ channel, payload }) => {
      for (const listener of this.listeners.get(channel) ?? []) listener(payload ?? '');
    });
    client.on('error', (error) => this.logger.warn(`LISTEN connection failed: ${error.message}`));
    client.on('end', () => this.reconnectLater());
    try {
      await client.connect();
      for (const channel of this.listeners.keys()) await client.query(`LISTEN ${quoted(channel)}`);
      return client;
    } catch (error) {
      this.client = undefined;
      throw error;
    }
  }

  private reconnectLater(): void {
    this.client = undefined;
    if (this.closed || this.listeners.size === 0) return;
    setTimeout(() => {
      if (this.closed) return;
      this.connection().catch((error: Error) => {
        this.logger.warn(`LISTEN reconnect failed: ${error.message}`);
        this.reconnectLater();
      });
    }, RECONNECT_MS).unref();
  }
}

function quoted(channel: string): string {
  return `"${channel.replace(/"/g, '""')}"`;
}
