import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, Logger, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { createHash, timingSafeEqual } from 'node:crypto';
import { OperatorRepository } from '@shailoo/persistence';
import { TALLY_SETTINGS, TallySettings } from './tally-config';
import { TallyMetrics } from './tally-metrics';

export const tokenHash = (token: string): Buffer => createHash('sha256').update(token).digest();

const bearerToken = (request: Pick<OperatorRequest, 'headers'>): string | null => {
  const header = request.headers.authorization;
  return typeof header === 'string' && /^Bearer \S+$/.test(header) ? header.slice(7) : null;
};

/** The request of an authenticated operator. */
export interface OperatorRequest {
  headers: Record<string, string | string[] | undefined>;
  method: string;
  url: string;
  operator?: string;
}

/**
 * Every state-changing call needs an operator's bearer token: the one in OPERATOR_TOKEN (named
 * "environment"), or one added with `shailoo-sim operator add` (only its SHA-256 is stored).
 * A refusal is logged with its reason, counted, and answered 401 before the handler runs.
 */
@Injectable()
export class OperatorGuard implements CanActivate {
  private readonly logger = new Logger('OperatorGuard');

  constructor(
    private readonly operators: OperatorRepository,
    private readonly metrics: TallyMetrics,
    @Inject(TALLY_SETTINGS) private readonly settings: TallySettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<OperatorRequest>();
    const token = bearerToken(request);
    const operator = token === null ? null : await this.operatorOf(token);
    if (!operator) {
      const reason = token === null ? 'no-credential' : 'unknown-credential';
      this.metrics.refusedRequests.inc({ reason });
      this.logger.warn(`${request.method} ${request.url} refused: ${reason}`);
      throw new UnauthorizedException(token === null ? 'an operator credential is required: Authorization: Bearer <token>' : 'this token is not an operator’s');
    }
    request.operator = operator;
    return true;
  }

  /** The operator a request's credential names, if it names one (reads an operator makes are answered exactly). */
  async operatorIn(request: Pick<OperatorRequest, 'headers'>): Promise<string | null> {
    const token = bearerToken(request);
    return token === null ? null : this.operatorOf(token);
  }

  private async operatorOf(token: string): Promise<string | null> {
    const hash = tokenHash(token);
    const env = this.settings.operatorToken;
    if (env && timingSafeEqual(hash, tokenHash(env))) return 'environment';
    return this.operators.byTokenHash(hash);
  }
}

/** An operator's action: the guard, and what the API's documentation says of it (a bearer token; 401 without one). */
export const OperatorOnly = () =>
  applyDecorators(UseGuards(OperatorGuard), ApiBearerAuth(), ApiUnauthorizedResponse({ description: 'no operator credential, or not an operator’s' }));
