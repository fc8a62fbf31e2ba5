import type { AuthUser } from '../auth/auth-user';
import { PLATFORM, requireAccess } from '../auth/access-policy';
import {
  ConflictException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  OnApplicationBootstrap,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { toPage } from '../common/pagination/cursor';
import { requireCursor } from '../common/pagination/page-cursor';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { isUniqueViolation } from '../database/unique-violation';
import { PasswordHasher } from './password-hasher';
import { passwordProblems } from './password-policy';
import { SessionsRepository } from './sessions.repository';
import {
  CreateStaffDto,
  UpdateUserDto,
  UserListQueryDto,
  UserPageView,
  UserView,
} from './user.dto';
import { UserEntity } from './user.entity';
import { toUserView } from './user.view';
import { NewUser, UsersRepository } from './users.repository';

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const firstAdmin = this.config.auth.firstAdmin;
    if (firstAdmin && this.config.role !== 'worker') {
      const created = await this.ensureAdmin(
        firstAdmin.email,
        firstAdmin.password,
        'Administrator',
      );
      if (created) this.logger.log(`Created the first admin ${firstAdmin.email}`);
    }
  }

  /** Inserts a user inside the caller's transaction; a taken email is 409. */
  async create(
    manager: EntityManager,
    user: Omit<NewUser, 'passwordHash'> & { password: string },
  ): Promise<UserEntity> {
    const { password, ...fields } = user;
    const passwordHash = await this.passwords.hash(password);
    try {
      return await this.users.insert(manager, { ...fields, passwordHash });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) {
        throw new ConflictException('An account with this email already exists.');
      }
      throw error;
    }
  }

  async createStaff(admin: AuthUser, dto: CreateStaffDto): Promise<UserView> {
    requireAccess(admin, 'user.manage', PLATFORM);
    const user = await this.create(this.dataSource.manager, {
      email: dto.email,
      password: dto.password,
      displayName: dto.displayName,
      role: dto.role,
      shopId: null,
    });
    return toUserView(user);
  }

  /** Creates an admin unless the email is taken; says whether it did. Used at start-up and by the CLI. */
  async ensureAdmin(email: string, password: string, displayName: string): Promise<boolean> {
    const normalised = email.trim().toLowerCase();
    if (await this.users.findByEmail(normalised)) return false;
    const problems = passwordProblems(password, normalised);
    if (problems.length > 0) throw new Error(`The admin password ${problems.join('; ')}`);
    try {
      await this.create(this.dataSource.manager, {
        email: normalised,
        password,
        displayName,
        role: 'admin',
        shopId: null,
      });
      return true;
    } catch (error) {
      if (error instanceof ConflictException) return false;
      throw error;
    }
  }

  async get(admin: AuthUser, id: string): Promise<UserView> {
    requireAccess(admin, 'user.manage', PLATFORM);
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException('No such user.');
    return toUserView(user);
  }

  async list(admin: AuthUser, query: UserListQueryDto): Promise<UserPageView> {
    requireAccess(admin, 'user.manage', PLATFORM);
    const rows = await this.users.list({
      role: query.role,
      status: query.status,
      after: requireCursor(query.cursor),
      limit: query.limit,
    });
    return toPage(rows, query.limit, (user) => ({ at: user.createdAt, id: user.id }), toUserView);
  }

  async update(admin: AuthUser, id: string, dto: UpdateUserDto): Promise<UserView> {
    requireAccess(admin, 'user.manage', PLATFORM);
    const actorId = admin.id;
    const updated = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockById(manager, id);
      if (!user) throw new NotFoundException('No such user.');
      if (dto.role && dto.role !== user.role) this.checkRoleChange(actorId, user);
      if (dto.status === 'disabled' && user.id === actorId) {
        throw new ConflictException('You cannot disable your own account.');
      }
      if (dto.status === 'disabled' && user.status !== 'disabled') {
        await this.sessions.revokeAllOfUser(manager, user.id, 'disabled');
      }
      Object.assign(user, {
        role: dto.role ?? user.role,
        status: dto.status ?? user.status,
        displayName: dto.displayName ?? user.displayName,
      });
      await this.users.save(manager, user);
      return this.users.findById(id, manager);
    });
    if (!updated) throw new NotFoundException('No such user.');
    return toUserView(updated);
  }

  private checkRoleChange(actorId: string, user: UserEntity): void {
    if (user.role === 'seller') {
      throw new UnprocessableEntityException('A seller account keeps the seller role.');
    }
    if (user.id === actorId) {
      throw new ConflictException('You cannot change your own role.');
    }
  }
}
