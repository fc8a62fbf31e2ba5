import { Inject, Injectable } from '@nestjs/common';
import type { CaseType } from '../cases/case-type';
import type { Platform } from '../common/platform';
import type { GuidanceByLanguage } from './guidance-by-language';
import type { GuidanceLanguage } from './guidance-language';
import { PlatformGuidanceView } from './guidance.view';

/** Injection token of the checked guidance files, one per language. */
export const GUIDANCE = Symbol('GUIDANCE');

/** Seller guidance per marketplace, read once at start-up from data/guidance.yaml and its translation. */
@Injectable()
export class GuidanceService {
  constructor(@Inject(GUIDANCE) private readonly guidance: GuidanceByLanguage) {}

  /** The guidance for one marketplace in one language; with a case type, its tips are added. */
  forPlatform(
    platform: Platform,
    caseType?: CaseType,
    language: GuidanceLanguage = 'en',
  ): PlatformGuidanceView {
    const { common, platforms } = this.guidance[language];
    const entry = platforms[platform];
    const view: PlatformGuidanceView = {
      platform,
      name: entry.name,
      acceptedProof: [...entry.acceptedProof],
      supportingOnly: [...entry.supportingOnly],
      captureNow: [...entry.captureNow],
      reportChannel: [...entry.reportChannel],
      common: [...common.advice],
    };
    if (caseType !== undefined) {
      view.caseTypeTips = [
        ...(common.caseTypes[caseType] ?? []),
        ...(entry.caseTypes[caseType] ?? []),
      ];
    }
    return view;
  }
}
