import { conversationId, expect, lastAssistant, sendMessage, simulate, test } from './fixtures';

test('conversations survive a reload, with the same id', async ({ app: page }) => {
  await sendMessage(page, 'echo: remember me');
  await expect(page.getByRole('button', { name: 'Regenerate' })).toBeVisible();
  const id = await conversationId(page);
  await page.reload();
  await expect(page.getByRole('article', { name: /^User/ })).toContainText('echo: remember me');
  await expect(lastAssistant(page)).toContainText('remember me');
  await expect.poll(() => conversationId(page)).toBe(id);
  await expect(
    page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: 'echo: remember me', exact: true }),
  ).toBeVisible();
});

// Reloaded at once after the first words, mid-way, and after the save interval: every
// word that was on screen comes back, and the reply says what happened.
for (const [moment, waitMs] of [
  ['as its first word shows', 0],
  ['0.8 s in', 800],
  ['after the save interval', 1200],
] as const) {
  test(`a reply cut off by a reload ${moment} keeps every word that was on screen`, async ({ app: page }) => {
    await simulate(page, 'delay=140');
    await sendMessage(page, `echo: ${Array.from({ length: 40 }, (_, i) => `w${i + 1}`).join(' ')}`);
    await expect(lastAssistant(page)).toContainText('w1');
    await page.waitForTimeout(waitMs);
    const shown = ((await lastAssistant(page).innerText()).match(/\bw\d+\b/g) ?? []).join(' ');
    expect(shown).toContain('w1');
    await page.reload();
    const reply = lastAssistant(page);
    await expect(reply).toContainText(shown);
    await expect(reply).not.toContainText('w40');
    await expect(page.getByRole('alert')).toContainText('reloaded while this reply was streaming');
    await expect(reply.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
}

test('an unsent draft survives a reload', async ({ app: page }) => {
  await page.getByRole('textbox', { name: 'Message' }).fill('half-written thought');
  await page.waitForTimeout(500);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('half-written thought');
});
