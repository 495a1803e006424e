import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { caseStatuses, CaseStatus } from '../../../cases/case-status.types';

// Every DTO allows `_csrf`: the server-rendered forms send the token as a hidden field.
class WithCsrf {
  @ApiPropertyOptional({ description: 'CSRF token of a server-rendered form (or the X-CSRF-Token header)' })
  @IsOptional()
  @IsString()
  _csrf?: string;
}

/** `status=` (a form's "all" option) means not set. */
const emptyAsUnset = Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));

export class QueueQueryDto {
  @ApiPropertyOptional({ enum: caseStatuses })
  @emptyAsUnset
  @IsOptional()
  @IsIn([...caseStatuses])
  status?: CaseStatus;

  @ApiPropertyOptional({ description: '"me", "none" or a user id' })
  @emptyAsUnset
  @IsOptional()
  @Matches(/^(me|none|[0-9a-f-]{36})$/)
  assignee?: string;

  @ApiPropertyOptional({
    description:
      'A team id, or "none" for cases without a team (admins; a Kümmerer sees their own team only anyway)',
  })
  @emptyAsUnset
  @IsOptional()
  @Matches(/^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i)
  team?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class AssignDto extends WithCsrf {
  @ApiProperty({ enum: ['me', 'none'] })
  @IsIn(['me', 'none'])
  assignee!: 'me' | 'none';
}

export class CorrectAnswerDto extends WithCsrf {
  @ApiProperty({ example: 'bank.iban' })
  @IsString()
  @MaxLength(300)
  path!: string;

  @ApiProperty({ example: 'DE02 1203 0000 0000 2020 51' })
  @IsString()
  @MaxLength(2000)
  value!: string;
}

/** "Kind 2 entfernen": the repeat group and the item's number as the page shows it (from 1). */
export class RemoveItemDto extends WithCsrf {
  @ApiProperty({ example: 'children' })
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9_]{0,119}$/)
  group!: string;

  @ApiProperty({ example: 2, description: 'the item\'s number, from 1 ("Kind 2")' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  item!: number;
}

export class TextDto extends WithCsrf {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text!: string;
}

export class ApproveDto extends WithCsrf {
  @ApiPropertyOptional({ description: 'What the family must attach, one item per line' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  attachments?: string;
}

export class StatusDto extends WithCsrf {
  @ApiProperty({ enum: caseStatuses })
  @IsIn([...caseStatuses])
  status!: CaseStatus;
}

export class MarkReadDto extends WithCsrf {
  @ApiProperty({
    description:
      'The time of the newest family message the reader saw (unreadFamilyMessageAt); newer ones stay unread',
    example: '2025-11-03T09:12:45.123Z',
  })
  @IsISO8601({ strict: true })
  seen!: string;
}
