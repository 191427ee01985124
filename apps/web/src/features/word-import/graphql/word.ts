import { gql, TypedDocumentNode } from '@apollo/client';

export type SectionKind = 'PREAMBLE' | 'VISION' | 'FOCUS_AREA' | 'PRINCIPLE' | 'GOAL' | 'OTHER';

export interface WordAgreement {
  id: string;
  title: string;
  periodStart: number;
  periodEnd: number;
  canEdit: boolean;
  region: { id: string; name: string };
  versions: Array<{ id: string; number: number; label: string }>;
}

/** The agreements to import into or export from, with their versions. */
export const WORD_AGREEMENTS: TypedDocumentNode<{ agreements: WordAgreement[] }, Record<string, never>> = gql`
  query WordAgreements {
    agreements {
      id
      title
      periodStart
      periodEnd
      canEdit
      region {
        id
        name
      }
      versions {
        id
        number
        label
      }
    }
  }
`;

export const WORD_REGIONS: TypedDocumentNode<{ regions: Array<{ id: string; name: string }> }, Record<string, never>> = gql`
  query WordRegions {
    regions {
      id
      name
    }
  }
`;

/** The sections of the live draft, as the server derives them after an import. */
export const IMPORTED_SECTIONS: TypedDocumentNode<
  { agreement: { id: string; title: string; sections: Array<{ blockId: string; kind: SectionKind; title: string }> } | null },
  { id: string }
> = gql`
  query ImportedSections($id: ID!) {
    agreement(id: $id) {
      id
      title
      sections {
        blockId
        kind
        title
      }
    }
  }
`;
