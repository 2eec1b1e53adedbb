import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { trim } from '../common/transforms';

/** socket.io namespace of the live rooms; connect with `auth: { token, sessionId }`. */
export const LIVE_NAMESPACE = '/live';

/** Limits the room enforces; the client shows them before the server has to refuse. */
export const LIVE_LIMITS = {
  chatMaxLength: 1000,
  questionMaxLength: 500,
  /** Chat messages (and questions, reactions) one user may send per window. */
  chatPerWindow: 5,
  reactionsPerWindow: 10,
  windowSeconds: 10,
  chatPageSize: 50,
  pollOptionsMax: 10,
  /** Clients send `heartbeat` this often; attendance counts a silent socket this long after. */
  heartbeatSeconds: 30,
} as const;

export const LIVE_REACTIONS = ['👍', '👏', '❤️', '😂', '😮', '🙏'] as const;
export type LiveReaction = (typeof LIVE_REACTIONS)[number];

/** host: runs the room (trainer, managing admin); speaker: promoted to publish media. */
export const LIVE_ROLES = ['host', 'speaker', 'participant'] as const;
export type LiveRole = (typeof LIVE_ROLES)[number];

export class ChatSend {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(LIVE_LIMITS.chatMaxLength)
  text!: string;
}

export class ChatHistoryQuery {
  /** Messages older than this one; omitted: the newest page. */
  @IsOptional()
  @IsUUID()
  before?: string;
}

export class MessageRef {
  @IsUUID()
  messageId!: string;
}

export class ParticipantMute {
  @IsUUID()
  userId!: string;

  @IsBoolean()
  muted!: boolean;
}

export class ParticipantRef {
  @IsUUID()
  userId!: string;
}

export class ParticipantSpeak {
  @IsUUID()
  userId!: string;

  @IsBoolean()
  speaking!: boolean;
}

export class QuestionAsk {
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(LIVE_LIMITS.questionMaxLength)
  text!: string;

  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;
}

export class QuestionRef {
  @IsUUID()
  questionId!: string;
}

export class QuestionAnswered {
  @IsUUID()
  questionId!: string;

  @IsBoolean()
  answered!: boolean;
}

export class PollCreate {
  @Transform(trim)
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  question!: string;

  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(LIVE_LIMITS.pollOptionsMax)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  options!: string[];

  @IsBoolean()
  multiple!: boolean;

  /** Set: a graded question; each learner's answer is recorded as right or wrong. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(LIVE_LIMITS.pollOptionsMax - 1, { each: true })
  correctOptions?: number[];
}

export class PollRef {
  @IsUUID()
  pollId!: string;
}

export class PollVote {
  @IsUUID()
  pollId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIVE_LIMITS.pollOptionsMax)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(LIVE_LIMITS.pollOptionsMax - 1, { each: true })
  options!: number[];
}

export class HandRaise {
  @IsBoolean()
  raised!: boolean;
}

export class ReactionSend {
  @IsIn(LIVE_REACTIONS)
  emoji!: LiveReaction;
}

export class RoomLock {
  @IsBoolean()
  locked!: boolean;
}

export class SlidesSet {
  /** A PDF the host uploaded (POST /files, purpose `document`); null removes the slides. */
  @IsOptional()
  @IsUUID()
  fileId!: string | null;
}

export class SlidePage {
  @IsInt()
  @Min(1)
  @Max(2000)
  page!: number;
}

class RtcDescription {
  @IsIn(['offer', 'answer'])
  type!: 'offer' | 'answer';

  @IsString()
  @MaxLength(100_000)
  sdp!: string;
}

class RtcCandidate {
  @IsString()
  @MaxLength(2000)
  candidate!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  sdpMid?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  sdpMLineIndex?: number | null;
}

/**
 * WebRTC signalling, relayed within the room: `to` is a socket id, or `user:<id>` for
 * every socket of that user (a viewer asking a publisher for its stream, with neither
 * description nor candidate).
 */
export class RtcSignal {
  @IsString()
  @MinLength(1)
  @MaxLength(45)
  to!: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RtcDescription)
  description?: RtcDescription;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RtcCandidate)
  candidate?: RtcCandidate;
}

export class MediaState {
  @IsBoolean()
  camera!: boolean;

  @IsBoolean()
  microphone!: boolean;

  @IsBoolean()
  screen!: boolean;
}
