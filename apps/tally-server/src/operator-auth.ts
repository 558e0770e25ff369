import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  SetMetadata,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { createHash, timingSafeEqual } from 'node:crypto';
import { OPERATOR_ROLES, OperatorRepository, OperatorRole } from '@shailoo/persistence';
import { Clock } from '@shailoo/platform';
import { TALLY_SETTINGS, TallySettings, TIMERS } from './tally-config';
import { TallyMetrics } from './tally-metrics';

export const tokenHash = (token: string): Buffer => createHash('sha256').update(token).digest();

const bearerToken = (request: Pick<OperatorRequest, 'headers'>): string | null => {
  const header = request.headers.authorization;
  return typeof header === 'string' && /^Bearer \S+$/.test(header) ? header.slice(7) : null;
};

/** Who made a request, and what they may do. */
export interface Operator {
  name: string;
  roles: readonly OperatorRole[];
}

/** The request of an authenticated operator. */
export interface OperatorRequest {
  headers: Record<string, string | string[] | undefined>;
  method: string;
  url: string;
  operator?: Operator;
}

/** Why a credential is refused, as counted. */
export type CredentialRefusal = 'no-credential' | 'unknown-credential';

/**
 * Who a bearer token names: the operator "environment" (OPERATOR_TOKEN, every role), or one added
 * with `shailoo-sim operator add` (only its SHA-256 is stored) while it is neither revoked nor expired.
 */
@Injectable()
export class OperatorAuth {
  constructor(
    private readonly operators: OperatorRepository,
    @Inject(TALLY_SETTINGS) private readonly settings: TallySettings,
    @Inject(TIMERS) private readonly wallClock: Clock,
  ) {}

  /** The operator a request's credential names, or why there is none. */
  async identify(request: Pick<OperatorRequest, 'headers'>): Promise<Operator | CredentialRefusal> {
    const token = bearerToken(request);
    if (token === null) return 'no-credential';
    const hash = tokenHash(token);
    const env = this.settings.operatorToken;
    if (env && timingSafeEqual(hash, tokenHash(env))) return { name: 'environment', roles: OPERATOR_ROLES };
    // Expiry is a matter of real time, whatever the election's (perhaps accelerated) clock says.
    return (await this.operators.byTokenHash(hash, new Date(this.wallClock.now()))) ?? 'unknown-credential';
  }

  /** The operator a request's credential names, if it names one (reads an operator makes are answered exactly). */
  async operatorIn(request: Pick<OperatorRequest, 'headers'>): Promise<Operator | null> {
    const who = await this.identify(request);
    return typeof who === 'string' ? null : who;
  }
}

export const credentialMessage = (why: CredentialRefusal): string =>
  why === 'no-credential'
    ? 'an operator credential is required: Authorization: Bearer <token>'
    : 'this token is not an operator’s (or it was revoked, or it expired)';

const ROLE = 'shailoo:operator-role';

/**
 * Every state-changing call needs an operator's bearer token, checked before the body is read (the
 * request gate, request-gate.ts, sets `request.operator`); this guard then checks the role the
 * handler needs. A refusal is logged with its reason, counted, and answered 401 or 403 before the
 * handler runs.
 */
@Injectable()
export class OperatorGuard implements CanActivate {
  private readonly logger = new Logger('OperatorGuard');

  constructor(
    private readonly auth: OperatorAuth,
    private readonly metrics: TallyMetrics,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<OperatorRequest>();
    const who = request.operator ?? (await this.auth.identify(request));
    if (typeof who === 'string') {
      this.refuse(request, who);
      throw new UnauthorizedException(credentialMessage(who));
    }
    request.operator = who;
    const role = this.reflector.get<OperatorRole | undefined>(ROLE, context.getHandler());
    if (role && !who.roles.includes(role)) {
      this.refuse(request, 'missing-role');
      throw new ForbiddenException(`operator ${who.name} may not do this: it needs the role ${role} (theirs: ${who.roles.join(', ') || 'none'})`);
    }
    return true;
  }

  private refuse(request: OperatorRequest, reason: string): void {
    this.metrics.refusedRequests.inc({ reason });
    this.logger.warn(`${request.method} ${request.url} refused: ${reason}`);
  }
}

/** An operator's action (of one role, or of any operator): the guard, and what the API's documentation says of it. */
export const OperatorOnly = (role?: OperatorRole) =>
  applyDecorators(
    SetMetadata(ROLE, role),
    UseGuards(OperatorGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no operator credential, or not an operator’s (revoked, expired)' }),
    ...(role ? [ApiForbiddenResponse({ description: `the operator lacks the role ${role}` })] : []),
  );
