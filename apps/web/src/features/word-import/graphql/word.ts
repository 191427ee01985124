import { graphql } from '../../../gql';

/** The agreements to import into or export from, with their versions. */
export const WORD_AGREEMENTS = graphql(`
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
`);

export const WORD_REGIONS = graphql(`
  query WordRegions {
    regions {
      id
      name
    }
  }
`);

/** The sections of the live draft, as the server derives them after an import. */
export const IMPORTED_SECTIONS = graphql(`
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
`);
