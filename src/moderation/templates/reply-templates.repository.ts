import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { KeysetCursor } from '../../common/pagination/cursor';
import { isUniqueViolation } from '../../database/unique-violation';
import type { ReplyLanguage } from './reply-placeholders';
import { ReplyTemplateEntity } from './reply-template.entity';

const TAKEN = 'A template of this name already exists in this language.';

@Injectable()
export class ReplyTemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(ReplyTemplateEntity);
  }

  /** Oldest first, `limit + 1` rows so the caller knows whether a next page exists. */
  list(language: ReplyLanguage | undefined, after: KeysetCursor | undefined, limit: number) {
    const query = this.repository
      .createQueryBuilder('t')
      .orderBy('t.createdAt', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(limit + 1);
    if (language) query.andWhere('t.language = :language', { language });
    if (after) {
      query.andWhere('(t.createdAt, t.id) > (:at, :id)', { at: after.at, id: after.id });
    }
    return query.getMany();
  }

  /** Every template, or every one of a language, by name. */
  allOf(language: ReplyLanguage | undefined): Promise<ReplyTemplateEntity[]> {
    return this.repository.find({
      where: language ? { language } : {},
      order: { name: 'ASC', language: 'ASC' },
    });
  }

  findById(id: string): Promise<ReplyTemplateEntity | null> {
    return this.repository.findOneBy({ id });
  }

  async insert(template: Pick<ReplyTemplateEntity, 'name' | 'language' | 'body'>) {
    try {
      return await this.repository.save(this.repository.create(template));
    } catch (error) {
      if (isUniqueViolation(error, 'reply_templates_name_language_key')) {
        throw new ConflictException(TAKEN);
      }
      throw error;
    }
  }

  async update(template: ReplyTemplateEntity): Promise<ReplyTemplateEntity> {
    try {
      return await this.repository.save(template);
    } catch (error) {
      if (isUniqueViolation(error, 'reply_templates_name_language_key')) {
        throw new ConflictException(TAKEN);
      }
      throw error;
    }
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.repository.delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
