import { Module } from '@nestjs/common';
import { ReviewAdminModule } from './admin/review-admin.module';
import { ReviewAuthModule } from './auth/review-auth.module';
import { ReviewCasesModule } from './cases/review-cases.module';

/** The Kümmerer workspace: sign-in and admin (part A), queue, case view and pages (part B). */
@Module({
  imports: [ReviewAuthModule, ReviewAdminModule, ReviewCasesModule],
})
export class ReviewModule {}
