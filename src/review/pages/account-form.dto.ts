import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Loose on purpose: the service refuses with reasons the page shows; a 400 would show an error page. */
export class ChangePasswordFormDto {
  @IsOptional() @IsString() _csrf?: string;
  @IsString() @MaxLength(1024) currentPassword!: string;
  @IsString() @MaxLength(1024) newPassword!: string;
  @IsString() @MaxLength(1024) repeatPassword!: string;
}
