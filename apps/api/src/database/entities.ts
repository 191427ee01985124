import { AgreementDraft } from '../drafts/agreement-draft.entity';
import { AgreementVersion } from '../agreements/agreement-version.entity';
import { Agreement } from '../agreements/agreement.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { LoginFailure } from '../auth/login-failure.entity';
import { Attachment } from '../hearings/attachment.entity';
import { HearingComment } from '../hearings/hearing-comment.entity';
import { HearingResponse } from '../hearings/hearing-response.entity';
import { Hearing } from '../hearings/hearing.entity';
import { ClusterInputItem } from '../input-rounds/cluster-input-item.entity';
import { ClusterInput } from '../input-rounds/cluster-input.entity';
import { InputItemAssessment } from '../input-rounds/input-item-assessment.entity';
import { InputRound } from '../input-rounds/input-round.entity';
import { Cluster } from '../organisations/cluster.entity';
import { Organisation } from '../organisations/organisation.entity';
import { Region } from '../organisations/region.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [Region, Organisation, Cluster, User, LoginFailure, Agreement, AgreementDraft, AgreementVersion, AuditEntry, Hearing, HearingResponse, HearingComment, Attachment, InputRound, ClusterInput, ClusterInputItem, InputItemAssessment];
