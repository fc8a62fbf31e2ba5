import { Injectable, NotFoundException } from '@nestjs/common';
import { UsersRepository } from '../../accounts/users.repository';
import { PLATFORM, requireAccess } from '../../auth/access-policy';
import type { AuthUser } from '../../auth/auth-user';
import { CasesService } from '../../cases/cases.service';
import { toPage } from '../../common/pagination/cursor';
import { requireCursor } from '../../common/pagination/page-cursor';
import { ProblemException } from '../../common/problem/problem.exception';
import { unfilledPlaceholders } from '../../cases/unfilled-placeholders';
import {
  fillTemplate,
  PLACEHOLDERS,
  ReplyLanguage,
  unknownPlaceholders,
} from './reply-placeholders';
import {
  CreateReplyTemplateDto,
  FilledReplyListView,
  ReplyTemplateListQueryDto,
  ReplyTemplatePageView,
  ReplyTemplateView,
  UpdateReplyTemplateDto,
} from './reply-template.dto';
import { ReplyTemplateEntity } from './reply-template.entity';
import { ReplyTemplatesRepository } from './reply-templates.repository';

function toView(template: ReplyTemplateEntity): ReplyTemplateView {
  return {
    id: template.id,
    name: template.name,
    language: template.language,
    body: template.body,
    updatedAt: template.updatedAt.toISOString(),
  };
}

/** A body naming a placeholder no case fills would never be sendable: refused when saved. */
function requireKnownPlaceholders(body: string | undefined): void {
  const unknown = body === undefined ? [] : unknownPlaceholders(body);
  if (unknown.length === 0) return;
  const known = PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ');
  throw new ProblemException(422, 'The template names placeholders no case can fill.', [
    { field: 'body', message: `${unknown.join(', ')} unknown; use ${known}` },
  ]);
}

/** Canned replies: admins keep them, moderators read them and fill them in for a case. */
@Injectable()
export class ReplyTemplatesService {
  constructor(
    private readonly templates: ReplyTemplatesRepository,
    private readonly cases: CasesService,
    private readonly users: UsersRepository,
  ) {}

  async list(caller: AuthUser, query: ReplyTemplateListQueryDto): Promise<ReplyTemplatePageView> {
    requireAccess(caller, 'reply-template.read', PLATFORM);
    const rows = await this.templates.list(
      query.language,
      requireCursor(query.cursor),
      query.limit,
    );
    return toPage(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }), toView);
  }

  async create(admin: AuthUser, dto: CreateReplyTemplateDto): Promise<ReplyTemplateView> {
    requireAccess(admin, 'reply-template.manage', PLATFORM);
    requireKnownPlaceholders(dto.body);
    return toView(await this.templates.insert(dto));
  }

  async update(
    admin: AuthUser,
    id: string,
    dto: UpdateReplyTemplateDto,
  ): Promise<ReplyTemplateView> {
    requireAccess(admin, 'reply-template.manage', PLATFORM);
    requireKnownPlaceholders(dto.body);
    const template = await this.require(id);
    if (dto.name !== undefined) template.name = dto.name;
    if (dto.body !== undefined) template.body = dto.body;
    return toView(await this.templates.update(template));
  }

  async delete(admin: AuthUser, id: string): Promise<void> {
    requireAccess(admin, 'reply-template.manage', PLATFORM);
    if (!(await this.templates.delete(id))) throw new NotFoundException('No such reply template.');
  }

  /** Every template of a language, filled in for one case. */
  async filledFor(
    moderator: AuthUser,
    caseIdOrReference: string,
    language: ReplyLanguage | undefined,
  ): Promise<FilledReplyListView> {
    requireAccess(moderator, 'reply-template.read', PLATFORM);
    const kase = await this.cases.require(moderator, 'case.read-internal', caseIdOrReference);
    const seller = await this.users.findById(kase.sellerId);
    const values = { caseReference: kase.reference, sellerName: seller?.displayName ?? '' };
    const rows = await this.templates.allOf(language);
    return {
      items: rows.map((row) => {
        const text = fillTemplate(row.body, values);
        return { ...toView(row), text, unfilled: unfilledPlaceholders(text) };
      }),
    };
  }

  private async require(id: string): Promise<ReplyTemplateEntity> {
    const template = await this.templates.findById(id);
    if (!template) throw new NotFoundException('No such reply template.');
    return template;
  }
}
