import { Module } from '@nestjs/common';
import { CertificateIssuer } from './certificate-issuer.service';
import { CertificatePdf } from './certificate-pdf.service';
import { CertificatesService } from './certificates.service';
import { CertificateVerification } from './certificate-verification.service';
import { CertificationCriteriaService } from './certification-criteria.service';
import { EvaluationReads } from './evaluation-reads';
import { CertifiedTrainees } from './certified-trainees.contract';
import { CertifiedTraineesService } from './certified-trainees.service';
import { CohortCertificates } from './cohort-certificates.service';
import { CredentialChecker } from './credential-check.service';
import { CredentialSigner } from './credential-signer.service';
import { CredentialDocuments } from './credential-documents.service';
import { CredentialDocumentsController } from './credential-documents.controller';
import { SigningKeys } from './signing-keys.service';
import { verifyThrottlerProviders } from './verify-throttler.guard';
import { CertificatesController } from './certificates.controller';
import { CertificationCriteriaController } from './certification-criteria.controller';
import { CertificationPersonalData } from './certification-personal-data.service';
import { VerificationController } from './verification.controller';
import { PublishedCoursesModule } from '../course/published-courses.module';
import { CohortModule } from '../cohort/cohort.module';
import { AssessmentModule } from '../assessment/assessment.module';
import { IdentityModule } from '../identity/identity.module';

/** What the module exports to Nest, it exports to TypeScript here: other modules import these names from this file. */
export { CertificationPersonalData };

/**
 * Certification: criteria, issuance (the `evaluate-certificate` job), signed Open Badges 3.0
 * credentials, public verification, revocation and PDFs. Other modules use CertifiedTrainees.
 */
@Module({
  imports: [PublishedCoursesModule, CohortModule, AssessmentModule, IdentityModule],
  providers: [
    CertificationPersonalData,
    SigningKeys,
    CredentialSigner,
    CredentialChecker,
    CertificationCriteriaService,
    EvaluationReads,
    CertificateIssuer,
    CertificatesService,
    CertificateVerification,
    CohortCertificates,
    CertificatePdf,
    CredentialDocuments,
    CertifiedTraineesService,
    { provide: CertifiedTrainees, useExisting: CertifiedTraineesService },
    ...verifyThrottlerProviders,
  ],
  controllers: [CertificatesController, CertificationCriteriaController, VerificationController, CredentialDocumentsController],
  exports: [CertificationPersonalData, CertifiedTrainees],
})
export class CertificationModule {}
