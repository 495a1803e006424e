import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** A signed-in person's own password change; the rules are checked by OwnPasswordService. */
export class ChangePasswordDto {
  @ApiProperty({ format: 'password', description: 'Bisheriges Passwort / current password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ format: 'password', description: 'Neues Passwort / new password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  newPassword!: string;
}
