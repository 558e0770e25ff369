import { Controller, Get, Header, HttpCode } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { LivePage } from './live-page';

/** Serves the live page at `/` and its script and style beside it. */
@ApiExcludeController()
@Controller()
export class LivePageController {
  constructor(private readonly page: LivePage) {}

  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  index(): string {
    return this.page.html;
  }

  @Get('favicon.ico')
  @HttpCode(204)
  favicon(): void {
    return undefined;
  }

  @Get('live/app.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'no-cache')
  script(): string {
    return this.page.js;
  }

  @Get('live/app.css')
  @Header('content-type', 'text/css; charset=utf-8')
  @Header('cache-control', 'no-cache')
  style(): string {
    return this.page.css;
  }
}
