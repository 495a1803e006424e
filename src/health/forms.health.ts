import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { FormRegistry } from '../forms/forms.registry';

/**
 * The definitions are loaded (start-up fails otherwise); reports which official templates are
 * installed. A missing template is not an error: the answer summary PDF takes its place.
 */
@Injectable()
export class FormsHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly registry: FormRegistry,
  ) {}

  check(key: string) {
    const templates = Object.fromEntries(
      this.registry.listForms().map((form) => [form.id, this.registry.templateStatus(form.id).state]),
    );
    return this.indicator.check(key).up({ forms: this.registry.listForms().length, templates });
  }
}
