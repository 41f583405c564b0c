import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiNoContent, ApiPage, ApiProblems, CurrentPrincipal, Page, PageQuery, Principal, Roles, UuidParam } from '@gds/http';
import { Webhooks } from './webhooks.service';
import { WebhookTestSends } from './webhook-test-sends.service';
import { CreatedWebhookView, CreateWebhookDto, UpdateWebhookDto, WebhookDeliveryPageView, WebhookListQuery, WebhookTestSendView, WebhookView } from './dto/webhook.dto';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: Webhooks,
    private readonly testSends: WebhookTestSends,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Register a webhook; the answer holds its signing secret, shown only this once' })
  @ApiCreatedResponse({ type: CreatedWebhookView })
  @ApiProblems(400, 422)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateWebhookDto) {
    return this.webhooks.create(body, principal.userId);
  }

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Registered webhooks (secrets never shown again)' })
  @ApiPage(WebhookView)
  @ApiProblems(400)
  list(@Query() query: WebhookListQuery): Promise<Page<WebhookView>> {
    return this.webhooks.list(query);
  }

  @Get(':id')
  @Roles('admin')
  @ApiOkResponse({ type: WebhookView })
  @ApiProblems(404)
  get(@Param('id', UuidParam()) id: string) {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change URL, event types, description; enable or disable' })
  @ApiOkResponse({ type: WebhookView })
  @ApiProblems(400, 404, 422)
  update(@Param('id', UuidParam()) id: string, @Body() body: UpdateWebhookDto) {
    return this.webhooks.update(id, body);
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContent('Deleted')
  @ApiProblems(404)
  async remove(@Param('id', UuidParam()) id: string): Promise<void> {
    await this.webhooks.remove(id);
  }

  @Get(':id/deliveries')
  @Roles('admin')
  @ApiOperation({ summary: 'Delivery log of a webhook, newest first' })
  @ApiOkResponse({ type: WebhookDeliveryPageView })
  @ApiProblems(400, 404)
  deliveries(@Param('id', UuidParam()) id: string, @Query() query: PageQuery) {
    return this.webhooks.deliveries(id, query);
  }

  @Post(':id/test')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a signed test event (type webhook-test) through the normal delivery path; its outcome appears in the delivery log' })
  @ApiAcceptedResponse({ type: WebhookTestSendView })
  @ApiProblems(404, 409)
  sendTest(@Param('id', UuidParam()) id: string): Promise<WebhookTestSendView> {
    return this.testSends.send(id);
  }
}
