// Fills an antd date field (IsoDatePicker) as a clerk types into it: the ISO date, then Enter.
import type { Locator } from 'playwright-core';

export async function fillDate(field: Locator, iso: string): Promise<void> {
  // The test id sits on the input itself or on the picker around it.
  const input = field.locator('xpath=self::input | .//input').first();
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}
