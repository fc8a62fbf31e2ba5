import { Inject, Injectable } from '@nestjs/common';
import type { CaseType } from '../cases/case-type';
import type { Platform } from '../common/platform';
import type { Guidance } from './guidance.schema';
import { PlatformGuidanceView } from './guidance.view';

/** Injection token of the checked contents of data/guidance.yaml. */
export const GUIDANCE = Symbol('GUIDANCE');

/** Seller guidance per marketplace, read once from data/guidance.yaml at start-up. */
@Injectable()
export class GuidanceService {
  constructor(@Inject(GUIDANCE) private readonly guidance: Guidance) {}

  /** The guidance for one marketplace; with a case type, its tips are added. */
  forPlatform(platform: Platform, caseType?: CaseType): PlatformGuidanceView {
    const { common } = this.guidance;
    const entry = this.guidance.platforms[platform];
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
