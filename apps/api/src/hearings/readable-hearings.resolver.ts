import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Agreement } from '../agreements/agreement.entity';
import { accessPolicy, invitationBinding } from '../auth/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser, OpenToInvitationAccounts } from '../auth/decorators';
import { Hearing } from './hearing.entity';

/**
 * The way into a hearing for those who may read the hearing but not its agreement (an invited
 * patient or professional organisation): `agreements` lists only what the caller may read
 * (API-CONTRACT.md, "Who may read what"), so their hearings are listed here.
 */
@Resolver(() => Hearing)
export class ReadableHearingsResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Every hearing the caller may read (accessPolicy.canReadHearing), newest first; for an
   * account made from an invitation link, only the hearing it is bound to.
   */
  @OpenToInvitationAccounts()
  @Query(() => [Hearing], {
    description: 'The hearings you may read: those your organisation is invited to, and those of the agreements your secretariat runs; newest first.',
  })
  async hearings(@CurrentUser() user: AuthUser): Promise<Hearing[]> {
    const rows = await this.db.query<Array<{ id: string; region_id: string; invited: boolean }>>(
      `SELECT h."id", a."region_id",
              EXISTS (SELECT 1 FROM "hearing_invitations" i WHERE i."hearing_id" = h."id" AND i."organisation_id" = $1) AS invited
         FROM "hearings" h JOIN "agreements" a ON a."id" = h."agreement_id"
        ORDER BY h."opens_at" DESC, h."id"`,
      [user.organisationId],
    );
    const ids = rows
      .filter((r) => invitationBinding.allows(user, r.id) && accessPolicy.canReadHearing(user, { regionId: r.region_id }, r.invited))
      .map((r) => r.id);
    if (ids.length === 0) return [];
    const hearings = await this.db.getRepository(Hearing).findBy({ id: In(ids) });
    const byId = new Map(hearings.map((h) => [h.id, h]));
    return ids.map((id) => byId.get(id)).filter((h): h is Hearing => Boolean(h));
  }

  /** Which agreement the hearing is about: whoever may read the hearing may know its title, not the live draft. */
  @ResolveField(() => String, { description: 'The title of the agreement the hearing is about.' })
  async agreementTitle(@Parent() hearing: Hearing): Promise<string> {
    return (await this.db.getRepository(Agreement).findOneByOrFail({ id: hearing.agreementId })).title;
  }
}
