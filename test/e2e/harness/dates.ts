// Fills an antd date field (IsoDatePicker) as a clerk types into it: the ISO date, then Enter.
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

export async function fillDate(field: Locator, iso: string): Promise<void> {
  // The test id sits on the input itself or on the picker around it.
  const input = field.locator('xpath=self::input | .//input').first();
  const open = input.page().locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  await input.click();
  // Type only once the calendar is open: a calendar that opens after the typing (a loaded machine)
  // puts the field's old value back, and Enter then confirms that one.
  await open.first().waitFor();
  await input.fill(iso);
  await input.press('Enter');
  // The picker has taken the date when its calendar has closed and the field shows it.
  await open.first().waitFor({ state: 'hidden' });
  await expect.poll(() => input.inputValue()).toBe(iso);
}
