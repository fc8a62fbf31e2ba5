import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ReplyLanguage } from './reply-placeholders';

/** A canned reply that admins keep and moderators fill in for a case. */
@Entity({ name: 'reply_templates' })
@Index('reply_templates_name_language_key', ['name', 'language'], { unique: true })
@Check('reply_templates_language_check', `language IN ('en', 'zh')`)
export class ReplyTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'language', type: 'text' })
  language!: ReplyLanguage;

  @Column({ name: 'body', type: 'text' })
  body!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
