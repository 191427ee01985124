import type { JSONContent } from '@aftalerum/editor';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ScopedData } from '../access/scoped-data';
import { isUuid } from '../common/ids';
import { AuthUser } from '../users/auth-user';
import { badInput, conflict, DomainError, forbidden, notFound } from '../common/domain-error';
import { Region } from '../organisations/region.entity';
import { Agreement } from './agreement.entity';
import { insertDraft } from '../drafts/draft-store.service';
import { agreementSkeleton } from './draft-template';
import { CreateAgreementInput } from './dtos/create-agreement.input';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly scoped: ScopedData,
  ) {}

  /** Agreements the user may read, newest period first. */
  list(user: AuthUser): Promise<Agreement[]> {
    return this.scoped.agreements(user);
  }

  /** One agreement the user may read, or null when it does not exist or is not theirs to read. */
  get(user: AuthUser, id: string): Promise<Agreement | null> {
    return this.scoped.find(user, 'agreement', id).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'FORBIDDEN') return null;
      throw error;
    });
  }

  /** One agreement for the `agreement(id)` query: null when it does not exist, FORBIDDEN when the user may not read it. */
  read(user: AuthUser, id: string): Promise<Agreement | null> {
    return this.scoped.find(user, 'agreement', id);
  }

  /** Loads an agreement the user must be able to manage, or refuses. */
  getManageable(user: AuthUser, id: string, manager?: EntityManager): Promise<Agreement> {
    return this.scoped.one(user, 'agreement', id, 'change', { manager });
  }

  /** An agreement by id, for deciding about it (a subscription's target); no data leaves through it. */
  async findById(id: string): Promise<Agreement | null> {
    return isUuid(id) ? this.db.getRepository(Agreement).findOneBy({ id }) : null;
  }

  /**
   * Creates an agreement for a region; only that region's secretariat may. Its draft is the
   * section skeleton, or `content` when given (an imported Word document).
   */
  async create(user: AuthUser, input: CreateAgreementInput, requestId: string | null, content?: JSONContent): Promise<Agreement> {
    if (input.periodEnd < input.periodStart) throw badInput('Perioden skal slutte samme år som eller efter den begynder.');
    if (Number(input.effectiveDate.slice(0, 4)) > input.periodEnd) {
      throw badInput('Ikrafttrædelsesdatoen skal ligge inden periodens slutning.');
    }
    return this.db.transaction(async (manager) => {
      const region = await manager.findOneBy(Region, { id: input.regionId });
      if (!region) throw notFound('Regionen');
      if (!this.scoped.mayChangeRegion(user, region.id)) {
        throw forbidden('Kun sekretariatet i regionen kan oprette en sundhedsaftale for den.');
      }
      const agreement = manager.create(Agreement, {
        regionId: region.id,
        title: input.title.trim(),
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        effectiveDate: input.effectiveDate,
      });
      try {
        await manager.save(agreement);
      } catch (error) {
        if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
          throw conflict(`${region.name} har allerede en aftale for ${input.periodStart}–${input.periodEnd}.`);
        }
        throw error;
      }
      await insertDraft(manager, agreement.id, content ?? agreementSkeleton(agreement.title));
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'agreement.create',
        entityType: 'agreement',
        entityId: agreement.id,
        data: { title: agreement.title, periodStart: agreement.periodStart, periodEnd: agreement.periodEnd },
        requestId,
      });
      return agreement;
    });
  }
}

