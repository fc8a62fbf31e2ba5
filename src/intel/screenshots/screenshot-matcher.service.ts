import { Injectable } from '@nestjs/common';
import { hammingDistance } from '../../evidence/images/perceptual-hash';
import { JobContext } from '../../jobs/job-data';
import { JobName } from '../../jobs/job-names';
import { OnJob } from '../../jobs/on-job.decorator';
import { perceptualBands, SCREENSHOT_MATCH_DISTANCE } from './perceptual-bands';
import { ScreenshotMatchesRepository } from './screenshot-matches.repository';

/**
 * Links cases whose sellers were sent the same screenshot: blackmailers reuse their "professional
 * complainer" screengrabs on every victim. The cost is the candidates sharing a band, not every
 * screenshot ever stored.
 */
@Injectable()
export class ScreenshotMatcherService {
  constructor(private readonly matches: ScreenshotMatchesRepository) {}

  @OnJob(JobName.MatchScreenshot)
  async matchJob(job: JobContext<JobName.MatchScreenshot>): Promise<void> {
    if (job.payload.kind !== 'chat_screenshot') return;
    await this.match(job.payload.evidenceId);
  }

  async match(evidenceId: string): Promise<void> {
    const screenshot = await this.matches.screenshot(evidenceId);
    if (!screenshot) return;
    const bands = perceptualBands(screenshot.perceptualHash);
    await this.matches.saveBands(screenshot.id, bands);
    const near = (await this.matches.candidates(bands, screenshot.caseId))
      .map((candidate) => ({
        candidate,
        distance: hammingDistance(screenshot.perceptualHash, candidate.perceptualHash),
      }))
      .filter(({ distance }) => distance <= SCREENSHOT_MATCH_DISTANCE);
    await this.matches.saveMatches(screenshot, near);
  }
}
