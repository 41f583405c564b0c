import { Foundation1795400000000 } from './1795400000000-Foundation';
import { Course1795410000000 } from './1795410000000-Course';
import { Cohort1795420000000 } from './1795420000000-Cohort';
import { Assessment1795430000000 } from './1795430000000-Assessment';
import { Certification1795440000000 } from './1795440000000-Certification';
import { Notification1795450000000 } from './1795450000000-Notification';
import { Reporting1795460000000 } from './1795460000000-Reporting';
import { AccountRecovery1795500000000 } from './1795500000000-AccountRecovery';
import { SandboxDatasets1795510000000 } from './1795510000000-SandboxDatasets';
import { ControlledCategoriesAndConsent1795520000000 } from './1795520000000-ControlledCategoriesAndConsent';
import { UserErasure1795520000001 } from './1795520000001-UserErasure';
import { CredentialConformance1795530000000 } from './1795530000000-CredentialConformance';
import { WaitlistRanksUnique1795610000000 } from './1795610000000-WaitlistRanksUnique';
import { AssessmentExceptions1795610000001 } from './1795610000001-AssessmentExceptions';
import { LatePolicyFloorAndGrace1795610000002 } from './1795610000002-LatePolicyFloorAndGrace';
import { SelectionWorkbench1795620000000 } from './1795620000000-SelectionWorkbench';
import { CohortVersionMoves1795630000000 } from './1795630000000-CohortVersionMoves';
import { TimeZones1795640000000 } from './1795640000000-TimeZones';
import { Announcements1795640000001 } from './1795640000001-Announcements';
import { OutboxJobIdsFromCatalog1795650000000 } from './1795650000000-OutboxJobIdsFromCatalog';
import { NoCrossModuleForeignKeys1795650000001 } from './1795650000001-NoCrossModuleForeignKeys';
import { TalentPipeline1795660000000 } from './1795660000000-TalentPipeline';
import { CareerFairs1795660000001 } from './1795660000001-CareerFairs';
import { PipelinePlacements1795660000002 } from './1795660000002-PipelinePlacements';
import { AnnouncementsToGraduates1796040000000 } from './1796040000000-AnnouncementsToGraduates';
import { WeeklyDigestsPerRecipient1796040000001 } from './1796040000001-WeeklyDigestsPerRecipient';
import { FairCheckInBy1796100000000 } from './1796100000000-FairCheckInBy';
import { ConfigRuleIds1796200000000 } from './1796200000000-ConfigRuleIds';
import { ListKeysetIndexes1796400000000 } from './1796400000000-ListKeysetIndexes';
import { ReviewQueueIndex1796400000001 } from './1796400000001-ReviewQueueIndex';
import { DecisionPrerequisitesOverridden1796800000000 } from './1796800000000-DecisionPrerequisitesOverridden';
import { PromotionSkipped1796800000001 } from './1796800000001-PromotionSkipped';
import { PromotionSkippedMissingCourses1796900000000 } from './1796900000000-PromotionSkippedMissingCourses';
import { SelectionKeysetIndexes1797400000000 } from './1797400000000-SelectionKeysetIndexes';
import { PrerequisiteWaivers1797500000000 } from './1797500000000-PrerequisiteWaivers';
import { OutboxLease1797600000000 } from './1797600000000-OutboxLease';
import { RoleChangeKeysetIndex1797740000000 } from './1797740000000-RoleChangeKeysetIndex';
import { DecisionTrailKeysetIndex1797740000001 } from './1797740000001-DecisionTrailKeysetIndex';
import { VersionMoveKeysetIndex1797740000002 } from './1797740000002-VersionMoveKeysetIndex';
import { EnrollmentActiveKeyset1797750000000 } from './1797750000000-EnrollmentActiveKeyset';
import { PrerequisiteWaiverReason1797770000000 } from './1797770000000-PrerequisiteWaiverReason';
import { FairSlotEmployerKeysetIndex1797780000000 } from './1797780000000-FairSlotEmployerKeysetIndex';
import { ApplicationTraineeKeysetIndex1797780000001 } from './1797780000001-ApplicationTraineeKeysetIndex';
import { AccessStandingNotify1797790000000 } from './1797790000000-AccessStandingNotify';

/** Every migration, in timestamp order (a test checks the order and that no file is missing). */
export const MIGRATIONS = [
  Foundation1795400000000,
  Course1795410000000,
  Cohort1795420000000,
  Assessment1795430000000,
  Certification1795440000000,
  Notification1795450000000,
  Reporting1795460000000,
  AccountRecovery1795500000000,
  SandboxDatasets1795510000000,
  ControlledCategoriesAndConsent1795520000000,
  UserErasure1795520000001,
  CredentialConformance1795530000000,
  WaitlistRanksUnique1795610000000,
  AssessmentExceptions1795610000001,
  LatePolicyFloorAndGrace1795610000002,
  SelectionWorkbench1795620000000,
  CohortVersionMoves1795630000000,
  TimeZones1795640000000,
  Announcements1795640000001,
  OutboxJobIdsFromCatalog1795650000000,
  NoCrossModuleForeignKeys1795650000001,
  TalentPipeline1795660000000,
  CareerFairs1795660000001,
  PipelinePlacements1795660000002,
  AnnouncementsToGraduates1796040000000,
  WeeklyDigestsPerRecipient1796040000001,
  FairCheckInBy1796100000000,
  ConfigRuleIds1796200000000,
  ListKeysetIndexes1796400000000,
  ReviewQueueIndex1796400000001,
  DecisionPrerequisitesOverridden1796800000000,
  PromotionSkipped1796800000001,
  PromotionSkippedMissingCourses1796900000000,
  SelectionKeysetIndexes1797400000000,
  PrerequisiteWaivers1797500000000,
  OutboxLease1797600000000,
  RoleChangeKeysetIndex1797740000000,
  DecisionTrailKeysetIndex1797740000001,
  VersionMoveKeysetIndex1797740000002,
  EnrollmentActiveKeyset1797750000000,
  PrerequisiteWaiverReason1797770000000,
  FairSlotEmployerKeysetIndex1797780000000,
  ApplicationTraineeKeysetIndex1797780000001,
  AccessStandingNotify1797790000000,
];
