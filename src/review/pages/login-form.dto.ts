import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The login form's fields; empty values are refused by the login itself with the usual message. */
export class LoginFormDto {
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  _csrf?: string;

  /** The workspace page to return to (checked by safeReturnPath; anything else leads to the queue). */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  next?: string;
}
