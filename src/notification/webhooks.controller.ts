import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiNoContent, ApiPage, ApiProblems, CurrentPrincipal, Page, PageQuery, Principal, Roles, UuidParam } from '@gds/http';
import { Webhooks } from './webhooks.service';
import { CreatedWebhookView, CreateWebhookDto, UpdateWebhookDto, WebhookDeliveryPageView, WebhookListQuery, WebhookView } from './dto/webhook.dto';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: Webhooks) {}

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
}
