import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { EvidenceAnalysisRecorder } from '../../evidence/analysis/evidence-analysis-recorder.service';
import { JobContext } from '../../jobs/job-data';
import { JobName } from '../../jobs/job-names';
import { OnJob } from '../../jobs/on-job.decorator';
import { SightingsRepository } from '../../identifiers/sightings.repository';
import { LikelyDuplicatesService } from '../duplicates/likely-duplicates.service';
import { OffenderFactsService } from '../offenders/offender-facts.service';
import type { ExclusionReason } from '../offenders/offender-member.entity';
import { offenderClusters } from './offender-clusters';
import { GroupMember, OffenderLinksRepository } from './offender-links.repository';

/**
 * Keeps the offender clusters current as sightings arrive: union by size for what a case adds,
 * a local split when an identifier stops linking. Any order or repetition of jobs ends in the
 * same clusters, those `offenderClusters` computes from scratch.
 */
@Injectable()
export class OffenderLinkerService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: OffenderLinksRepository,
    private readonly sightings: SightingsRepository,
    private readonly facts: OffenderFactsService,
    private readonly duplicates: LikelyDuplicatesService,
    private readonly analysis: EvidenceAnalysisRecorder,
  ) {}

  /** Links the case, then tells its evidence whose identifiers are all linked now. */
  @OnJob(JobName.LinkCase)
  async linkCaseJob(job: JobContext<JobName.LinkCase>): Promise<void> {
    await this.linkCase(job.payload.caseId);
    // After linking's transaction, not in it: all linking waits for the turn that one holds.
    await this.analysis.linked(job.payload.caseId);
  }

  /**
   * Takes the case's new sightings into the clusters (a second run finds nothing new) and counts
   * the facts of its offenders again, as its status may have changed what counts.
   */
  async linkCase(caseId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.links.takeTurn(manager);
      const added = await this.sightings.markLinked(manager, caseId);
      await this.duplicates.markAround(manager, caseId);
      const touched = new Set(await this.links.offendersOfCase(manager, caseId));
      if (added.length > 0) {
        for (const id of await this.uniteAdded(manager, added)) touched.add(id);
      }
      await this.facts.refresh(manager, [...touched]);
    });
  }

  /** A verified shop is a verified victim of each offender that named it. */
  @OnJob(JobName.RecountShopOffenders)
  async recountShopJob(job: JobContext<JobName.RecountShopOffenders>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.links.takeTurn(manager);
      await this.facts.refresh(
        manager,
        await this.facts.offendersOfShop(manager, job.payload.shopId),
      );
    });
  }

  /** Recounts the identifiers the case added, splits what new hubs held, merges its groups. */
  private async uniteAdded(manager: EntityManager, added: GroupMember[]): Promise<string[]> {
    const identifiers = [...new Set(added.map((member) => member.identifierId))];
    const leftByHubs = await this.links.recountGroups(
      manager,
      identifiers,
      this.config.intel.hubPartyLimit,
    );
    const touched: string[] = [];
    for (const offenderId of leftByHubs) touched.push(...(await this.split(manager, offenderId)));
    const groups = [...new Set(added.map((member) => member.group))];
    touched.push(...(await this.unite(manager, groups)));
    return touched;
  }

  /** Takes an identifier out of linking, splitting the cluster it held together. */
  async exclude(identifierId: string, reason: ExclusionReason): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.links.takeTurn(manager);
      const left = await this.links.exclude(manager, identifierId, reason);
      if (left) await this.splitAndRefresh(manager, left);
    });
  }

  /**
   * Waits for linking's turn inside the caller's transaction. A caller that will change sightings
   * and then relink takes it first, so it never holds a sighting a linking job is waiting for.
   */
  async takeTurn(manager: EntityManager): Promise<void> {
    await this.links.takeTurn(manager);
  }

  /** Splits the cluster a sighting of `caseId` linked through, after it was rejected. */
  async unlinkSighting(
    manager: EntityManager,
    identifierId: string,
    caseId: string,
  ): Promise<void> {
    await this.links.takeTurn(manager);
    const limit = this.config.intel.hubPartyLimit;
    if (await this.links.unhubIfWithin(manager, identifierId, limit)) {
      // Back under the hub limit, it links its remaining groups again.
      const groups = await this.links.groupsOfIdentifier(manager, identifierId);
      await this.facts.refresh(manager, await this.unite(manager, groups));
      return;
    }
    const clusters = await this.links.clustersOf(manager, [identifierId]);
    const offenderId = clusters.get(identifierId);
    if (offenderId) await this.splitAndRefresh(manager, offenderId, [caseId]);
  }

  /** `alsoCases`: cases the cluster held through sightings that no longer count. */
  private async splitAndRefresh(
    manager: EntityManager,
    offenderId: string,
    alsoCases: string[] = [],
  ): Promise<void> {
    const cases = [...(await this.facts.casesOf(manager, offenderId)), ...alsoCases];
    await this.facts.refreshAfterSplit(manager, cases, await this.split(manager, offenderId));
  }

  /** Merges, for each group, the clusters of its members; returns the surviving clusters. */
  private async unite(manager: EntityManager, groups: string[]): Promise<string[]> {
    const members = await this.links.membersOfGroups(manager, groups);
    const clusters = await this.links.clustersOf(manager, [
      ...new Set(members.map((member) => member.identifierId)),
    ]);
    const survivors = new Set<string>();
    for (const group of groups) {
      const ids = members
        .filter((member) => member.group === group)
        .map((member) => clusters.get(member.identifierId)!);
      if (ids.length === 0) continue;
      const survivor = await this.links.merge(manager, [...new Set(ids)]);
      for (const [identifier, offender] of clusters) {
        if (ids.includes(offender)) clusters.set(identifier, survivor);
      }
      survivors.add(survivor);
    }
    return [...survivors].filter((id) => [...clusters.values()].includes(id));
  }

  /**
   * Recomputes one cluster's components from its own groups (cost: that cluster, not the data);
   * the largest keeps the cluster, the others become new ones. Returns every resulting cluster.
   */
  private async split(manager: EntityManager, offenderId: string): Promise<string[]> {
    await this.links.detachUnlinked(manager, offenderId);
    const members: GroupMember[] = await this.links.groupsOfCluster(manager, offenderId);
    const byGroup = new Map<string, string[]>();
    for (const { group, identifierId } of members) {
      byGroup.set(group, [...(byGroup.get(group) ?? []), identifierId]);
    }
    const components = offenderClusters(
      [...byGroup].map(([group, identifiers]) => ({ group, identifiers })),
      Number.MAX_SAFE_INTEGER,
    ).sort((a, b) => b.length - a.length);
    const results = [offenderId];
    for (const component of components.slice(1)) {
      results.push(await this.links.splitOff(manager, offenderId, component));
    }
    return this.links.recountMembers(manager, results);
  }
}
