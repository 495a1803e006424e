import { Module } from '@nestjs/common';
import { ReviewAdminModule } from './admin/review-admin.module';
import { ReviewAuthModule } from './auth/review-auth.module';

/** The Kümmerer workspace. Queue, case view and pages come on top of the auth and admin parts. */
@Module({
  imports: [ReviewAuthModule, ReviewAdminModule],
})
export class ReviewModule {}
