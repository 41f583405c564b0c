import { ApiProperty } from '@nestjs/swagger';

export class WaivedCourseView {
  @ApiProperty({ type: String, format: 'uuid' }) courseId: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String, description: 'The title when the waiver was made' }) title: string;
}

export class WaiverPersonView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String }) displayName: string;
}

export class PrerequisiteWaiverView {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: String, format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ type: String, format: 'uuid' }) courseVersionId: string;
  @ApiProperty({ type: WaiverPersonView, description: 'The trainee enrolled without the prerequisites' }) trainee: WaiverPersonView;
  @ApiProperty({ type: WaiverPersonView, description: 'The admin who waived them' }) waivedBy: WaiverPersonView;
  @ApiProperty({ type: [WaivedCourseView], description: 'The prerequisite courses the trainee had not completed' }) courses: WaivedCourseView[];
  @ApiProperty({ type: String, nullable: true, description: 'Why the admin waived them; null for waivers recorded before a reason was asked for' }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) waivedAt: string;
}

export class PrerequisiteWaiverPageView {
  @ApiProperty({ type: [PrerequisiteWaiverView] }) items: PrerequisiteWaiverView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page' }) nextCursor: string | null;
}
