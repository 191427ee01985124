import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { OrganisationKind } from '../../organisations/organisation-kind.enum';
import { CommentOutcome, HearingComment } from '../hearing-comment.entity';
import { BlockCommentCount } from './hearing-types';

/** The filters of the processing page; every one optional, all of them together (AND). */
@InputType()
export class CommentFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only the comments of this organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'Organisationen findes ikke. Vælg en organisation på listen.' })
  organisationId?: string | null;

  @Field(() => OrganisationKind, { nullable: true, description: 'Only the comments of organisations of this kind.' })
  @IsOptional()
  @IsEnum(OrganisationKind, { message: 'Vælg en af typerne på listen.' })
  kind?: OrganisationKind | null;

  @Field(() => CommentOutcome, { nullable: true, description: 'Only the comments answered with this outcome.' })
  @IsOptional()
  @IsEnum(CommentOutcome, { message: 'Vælg et af udfaldene på listen.' })
  outcome?: CommentOutcome | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only the comments not answered yet.' })
  @IsOptional()
  @IsBoolean()
  unanswered?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Danish full-text search (inflected forms match too).' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'Søgningen må højst være 200 tegn.' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the comments on this section (block) of the hearing draft.' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'Afsnittet findes ikke i høringsudkastet.' })
  blockId?: string | null;
}

@ObjectType()
export class CommentEdge {
  @Field({ description: 'Opaque; pass it as `after` to continue after this comment.' })
  cursor!: string;

  @Field(() => HearingComment)
  node!: HearingComment;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class OrganisationFacet {
  @Field(() => ID)
  organisationId!: string;

  @Field()
  name!: string;

  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class KindFacet {
  @Field(() => OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class OutcomeFacet {
  @Field(() => CommentOutcome)
  outcome!: CommentOutcome;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description:
    'Counts per facet, from aggregate queries. Each facet counts under every filter but its own (the organisation facet ignores the organisation filter, and so on), so a choice shows what the others would give.',
})
export class CommentFacets {
  @Field(() => [OrganisationFacet])
  organisations!: OrganisationFacet[];

  @Field(() => [KindFacet])
  kinds!: KindFacet[];

  @Field(() => [OutcomeFacet])
  outcomes!: OutcomeFacet[];

  @Field(() => Int, { description: 'Comments not answered yet (under the filters other than outcome and unanswered).' })
  unanswered!: number;

  @Field(() => [BlockCommentCount], { description: 'Comments per section of the hearing draft (the heat map), under the filters other than the section.' })
  blocks!: BlockCommentCount[];
}

/** Which comments a connection is about: the hearing, the filter and, for an invited organisation, its own. */
export interface CommentScope {
  hearingId: string;
  filter: CommentFilterInput;
  /** Set when the caller may read only its own organisation's comments. */
  ownOrganisationId: string | null;
}

@ObjectType({ description: 'A page of the hearing’s comments (Relay style), in the order they were received.' })
export class HearingCommentConnection {
  @Field(() => [CommentEdge])
  edges!: CommentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Not a field: what totalCount and facets count. */
  scope!: CommentScope;
}
