import { graphql } from '../../../gql';
import type { HearingChangeTraceQuery, HearingLetterPointsQuery, AgreementAnchorsQuery } from '../../../gql/graphql';

export type LetterPoint = HearingLetterPointsQuery['hearingLetterPoints']['points'][number];
export type ChangeTrace = HearingChangeTraceQuery['hearingChangeTrace'];
export type AgreementAnchors = NonNullable<AgreementAnchorsQuery['agreement']>;

export const LETTER_HEARING = graphql(`
  query LetterHearing($id: ID!) {
    hearing(id: $id) {
      id
      title
      canManage
      version {
        id
        blocks {
          blockId
          type
          text
        }
      }
      invitations {
        organisationId
        organisationName
      }
    }
    me {
      id
      organisation {
        id
        name
      }
    }
  }
`);

export const LETTER_HEARING_FOR_ORGANISATION = graphql(`
  query LetterHearingForOrganisation($id: ID!) {
    hearing(id: $id) {
      id
      title
      canManage
      version {
        id
        blocks {
          blockId
          type
          text
        }
      }
    }
    me {
      id
      organisation {
        id
        name
      }
    }
  }
`);

export const LETTER_POINTS = graphql(`
  query HearingLetterPoints($hearingId: ID!, $attachmentId: ID!) {
    hearingLetterPoints(hearingId: $hearingId, attachmentId: $attachmentId) {
      attachmentId
      points {
        number
        text
        heading
        suggestions {
          blockId
          score
          text
          sectionTitle
        }
      }
    }
  }
`);

export const FILE_LETTER = graphql(`
  mutation FileLetterResponse($input: SubmitHearingResponseInput!) {
    submitHearingResponse(input: $input) {
      id
      reference
      organisation {
        id
        name
      }
    }
  }
`);

export const REGISTER_LETTER = graphql(`
  mutation RegisterLetterResponse($input: SubmitHearingResponseInput!) {
    registerLateHearingResponse(input: $input) {
      id
      reference
      organisation {
        id
        name
      }
    }
  }
`);

export const HEARING_CHANGE_TRACE = graphql(`
  query HearingChangeTrace($hearingId: ID!, $organisationId: ID!) {
    hearingChangeTrace(hearingId: $hearingId, organisationId: $organisationId) {
      title
      agreementTitle
      about
      comparedWith
      docxUrl
      entries {
        said
        paragraph
        reply
        outcome
        change {
          change
          before
          after
          words {
            kind
            text
          }
        }
      }
    }
  }
`);

export const AGREEMENT_ANCHORS = graphql(`
  query AgreementAnchors($id: ID!) {
    agreement(id: $id) {
      id
      paragraphAnchors {
        blockId
        hearingComments
        clusterInputs
      }
      orphanedAnchors {
        blockId
        hearingComments
        clusterInputs
        lastText
        versionNumber
      }
    }
  }
`);

/** What became of a comment's paragraph; the processing page's comment list asks for it (secretariat only). */
export const COMMENT_CHANGE = graphql(`
  fragment HearingCommentChange on HearingComment {
    id
    change {
      change
      before
      after
      words {
        kind
        text
      }
    }
  }
`);
