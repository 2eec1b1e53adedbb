import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LiveMediaTokenResponse } from '@siantar/contracts';
import { AppError, EnvSchema, notFound, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { signHs256 } from './hs256';

/** A LiveKit room token lives this long; the client asks again on reconnect. */
const TOKEN_TTL_SECONDS = 2 * 3600;

/**
 * Tokens for a LiveKit SFU when one is configured: the room is the session id, the
 * identity the user id; only hosts and promoted speakers may publish.
 * The token format is LiveKit's (an HS256 JWT with a `video` grant).
 */
@Injectable()
export class MediaTokenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: EnvSchema,
  ) {}

  async issue(sessionId: string, p: Principal): Promise<LiveMediaTokenResponse> {
    const { LIVEKIT_URL: url, LIVEKIT_API_KEY: key, LIVEKIT_API_SECRET: secret } = this.config;
    if (!url || !key || !secret)
      throw new AppError(
        409,
        'live.no-sfu',
        'Server ini memakai media bawaan (WebRTC langsung); token LiveKit tidak diperlukan.',
      );
    // Only someone already admitted to the room (and not removed) gets media access.
    const rows: { role: string; name: string }[] = await this.db.query(
      `SELECT p.role, u.name FROM live_participant p JOIN app_user u ON u.id = p.user_id
         JOIN live_session s ON s.id = p.session_id
        WHERE p.session_id = $1 AND p.user_id = $2 AND p.removed_at IS NULL AND s.status = 'scheduled'`,
      [sessionId, p.id],
    );
    if (!rows[0]) throw notFound('Ruang sesi (masuk ruang dulu)');
    const canPublish = rows[0].role !== 'participant';
    const now = Math.floor(Date.now() / 1000);
    const token = signHs256(
      {
        iss: key,
        sub: p.id,
        jti: p.id,
        nbf: now,
        exp: now + TOKEN_TTL_SECONDS,
        name: rows[0].name,
        video: { room: sessionId, roomJoin: true, canPublish, canSubscribe: true },
      },
      secret,
    );
    return { url, token, canPublish };
  }
}
