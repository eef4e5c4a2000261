import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const CHAIN_BREAKS = ['unchained', 'malformed', 'altered', 'broken-link', 'revision-gap'];
const REASONS =
  'unchained: the event has no integrity (appended before the chain existed or outside the command pipeline); ' +
  'malformed: its integrity is not a sha256 link; altered: its type, data, metadata, id or revision differ from what was hashed; ' +
  'broken-link: it does not follow the event stored before it; revision-gap: the revision before it is missing (deleted)';

/** GET /customers/:id/verify: the customer stream's integrity chain, recomputed (P4). */
export class StreamVerificationDto {
  @ApiProperty({ description: 'True only when every event of the stream was verified' }) ok!: boolean;
  @ApiProperty({ description: 'Events in the stream' }) events!: number;
  @ApiProperty({ description: 'Events whose hash and link to the previous event check out' }) verified!: number;
  @ApiProperty({ description: 'Events with no integrity at all' }) unchained!: number;
  @ApiPropertyOptional({ description: 'The first event that could not be verified (absent when ok), a decimal string', example: '2' })
  firstBadRevision?: string;
  @ApiPropertyOptional({ enum: CHAIN_BREAKS, description: `Why firstBadRevision could not be verified. ${REASONS}` }) reason?: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The stored hash of the last event (null when it has none). Record it outside Trilha: a tail rewritten and re-hashed end to end still verifies, but no longer has this head.',
  })
  headHash!: string | null;
}

class BadStreamDto {
  @ApiProperty() streamId!: string;
  @ApiProperty({ description: 'A decimal string' }) firstBadRevision!: string;
  @ApiProperty({ enum: CHAIN_BREAKS }) reason!: string;
}

/** GET /audit/verify: every customer stream's integrity chain. */
export class AuditVerificationDto {
  @ApiProperty({ description: 'True only when every event of every stream was verified' }) ok!: boolean;
  @ApiProperty({ description: 'Streams checked' }) streams!: number;
  @ApiProperty({ description: 'Events checked' }) events!: number;
  @ApiProperty({ description: 'Events with no integrity at all' }) unchained!: number;
  @ApiProperty({ type: [BadStreamDto], description: `The streams that are not ok, in the order their first event was found. ${REASONS}` })
  bad!: BadStreamDto[];
}
