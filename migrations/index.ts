import { Foundation1763900000000 } from './1763900000000-foundation';
import { ReferenceData1763900000001 } from './1763900000001-reference-data';
import { DraftsAndVersions1763900000002 } from './1763900000002-drafts-and-versions';
import { InputRounds1763900000003 } from './1763900000003-input-rounds';
import { Hearings1763900000004 } from './1763900000004-hearings';
import { Timeline1763900000005 } from './1763900000005-timeline';
import { DateRangeChecks1763900000006 } from './1763900000006-date-range-checks';
import { HealthProbe1763900000010 } from './1763900000010-health-probe';
import { RateLimits1763900000020 } from './1763900000020-rate-limits';
import { InvitationLinks1763900000030 } from './1763900000030-invitation-links';
import { Sessions1763900000040 } from './1763900000040-sessions';
import { UploadQuota1763900000050 } from './1763900000050-upload-quota';
import { InvitationCodes1763900000051 } from './1763900000051-invitation-codes';
import { ApprovalsOnFinalVersion1763900000070 } from './1763900000070-approvals-on-final-version';
import { OfficialMunicipalityNames1763900000071 } from './1763900000071-official-municipality-names';
import { HearingReplies1763900000072 } from './1763900000072-hearing-replies';
import { DraftComments1763900000080 } from './1763900000080-draft-comments';
import { HearingThemes1763900000081 } from './1763900000081-hearing-themes';
import { VersionPendingSuggestions1763900000091 } from './1763900000091-version-pending-suggestions';
import { ResponseFilingClock1763900000092 } from './1763900000092-response-filing-clock';
import { LetterAttachments1763900000093 } from './1763900000093-letter-attachments';
import { DemoSeedingMarker1763900000094 } from './1763900000094-demo-seeding-marker';
import { AnalysisInputDigest1763900000095 } from './1763900000095-analysis-input-digest';

/** Every migration in the order it runs. New migrations are appended here. */
export const MIGRATIONS = [Foundation1763900000000, ReferenceData1763900000001, DraftsAndVersions1763900000002, InputRounds1763900000003, Hearings1763900000004, Timeline1763900000005, DateRangeChecks1763900000006, HealthProbe1763900000010, RateLimits1763900000020, InvitationLinks1763900000030, Sessions1763900000040, UploadQuota1763900000050, InvitationCodes1763900000051, ApprovalsOnFinalVersion1763900000070, OfficialMunicipalityNames1763900000071, HearingReplies1763900000072, DraftComments1763900000080, HearingThemes1763900000081, VersionPendingSuggestions1763900000091, ResponseFilingClock1763900000092, LetterAttachments1763900000093, DemoSeedingMarker1763900000094, AnalysisInputDigest1763900000095];
