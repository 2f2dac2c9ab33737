// pages.test.mjs - browser tests of every page of `ambt serve`.
//
// Usage: node tests/e2e/pages.test.mjs path/to/ambt   (or env AMBT_BIN)
//
// Makes a fresh demo database, starts the server on a free port and, for
// every page, checks in headless Chromium: the HTTP status, axe-core
// (WCAG 2.1 A and AA), that every focusable control is reached with Tab
// and shows a visible focus indicator, and writes a full-page screenshot
// (to $SCREENSHOT_DIR, else ./screenshots). Then an end-to-end story, the
// filter form without JavaScript, and a clean stop on SIGTERM.
// Output is TAP; the exit code is 1 when any case fails. Nothing is
// fetched from the network: axe-core comes from node_modules.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { check, diag, report, findBinary, makeDemo, startServer, waitExit,
	keyboardCheck, axeCheck, einde } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const { chromium } = require('playwright-core');

const NU = '2026-11-22T10:30:00+01:00';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic',
	'--no-first-run', '--disable-background-networking',
	'--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1280, height: 800 };

// Every page: [screenshot name, path, expected HTTP status, account].
// Pages for an account are visited with that account's API token.
const PAGES = [
	['home', '/', 200],
	['samenwerking-AA', '/samenwerkingen/AA', 200],
	['samenwerking-HB', '/samenwerkingen/HB', 200],
	['samenwerking-HB-op-2021-03-01', '/samenwerkingen/HB?op=2021-03-01', 200],
	['samenwerking-WOL', '/samenwerkingen/WOL', 200],
	['eenheid-hb-informatisering', '/eenheden/hb-informatisering', 200],
	['besluiten', '/besluiten', 200],
	['besluiten-zoek-kader', '/besluiten?zoek=kader', 200],
	['besluiten-GM0397-vastgesteld', '/besluiten?gemeente=GM0397&status=vastgesteld', 200],
	['besluit-830016', '/besluiten/830016', 200],
	['werkstromen', '/werkstromen', 200],
	['werkstromen-WOL', '/werkstromen?samenwerking=WOL', 200],
	['toegankelijkheid', '/toegankelijkheid', 200],
	['inloggen', '/inloggen', 200],
	['fout-404', '/besluiten/BESTAAT-NIET', 404],
	['urenverdeling-HB-2024', '/samenwerkingen/HB/uren?jaar=2024', 200, 'raadslid.bloemendaal'],
	['afwijkingen-HB-2024', '/samenwerkingen/HB/afwijkingen?jaar=2024', 200, 'raadslid.bloemendaal'],
	['uren', '/uren', 200, 'controller.hb'],
	['medewerkers-HB', '/medewerkers?samenwerking=HB', 200, 'controller.hb'],
	['medewerker-HB-038', '/medewerkers/HB-038', 200, 'controller.hb'],
	['audit', '/audit', 200, 'controller.hb'],
	['kostenverdelingen-AA', '/samenwerkingen/AA/kostenverdelingen', 200, 'accounthouder.aalsmeer'],
	['kostenverdeling-AA-2024', '/kostenverdelingen/2', 200, 'accounthouder.aalsmeer'],
	['waarom-betaalt-aalsmeer-2024', '/kostenverdelingen/2/gemeenten/GM0358', 200, 'accounthouder.aalsmeer'],
	['vergelijking-AA-2024-2023', '/kostenverdelingen/2/vergelijking?met=1', 200, 'accounthouder.aalsmeer'],
	['kostenverdeling-HB-2024', '/kostenverdelingen/4', 200, 'controller.hb'],
	['kostenposten-AA-2024', '/samenwerkingen/AA/kostenposten?jaar=2024', 200, 'accounthouder.aalsmeer'],
	['kostenposten-HB-2025', '/samenwerkingen/HB/kostenposten?jaar=2025', 200, 'controller.hb'],
	['kostenposten-fouten', '/samenwerkingen/HB/kostenposten', 400, 'controller.hb',
		'jaar=2025&actie=opslaan&code=X&eenheid=&kostensoort=&bedrag=twaalf'],
	['verdeelsleutels-AA-2024', '/samenwerkingen/AA/verdeelsleutels?jaar=2024', 200, 'accounthouder.aalsmeer'],
	['scenarios-HB', '/samenwerkingen/HB/scenarios', 200, 'controller.hb'],
	['scenarios-fouten', '/samenwerkingen/HB/scenarios', 400, 'controller.hb',
		'actie=maken&naam=&jaar=20x&soort1=eigen&eenheid1=&gemeente1=&vanaf1=&grondslag1=&kostenpost1=&bedrag1='],
	['verdeelsleutels-HB-2024', '/samenwerkingen/HB/verdeelsleutels?jaar=2024', 200, 'controller.hb'],
	['verdeelsleutels-fouten', '/samenwerkingen/HB/verdeelsleutels?jaar=2024', 400, 'controller.hb',
		'jaar=2024&wat=maatwerk&eenheid=&gemeente=&uren=veel&tarief=-1'],
	['rooster-aalsmeer-w48', '/rooster?vestiging=aalsmeer-raadhuis&week=2026-W48', 200, 'planner.aalsmeer'],
	['rooster-aalsmeer-kerst', '/rooster?vestiging=aalsmeer-raadhuis&week=2026-W52', 200, 'planner.aalsmeer'],
	['rooster-medewerker-w48', '/rooster?medewerker=AA:@MEDEWERKER@&week=2026-W48', 200, 'planner.aalsmeer'],
	['rooster-dienst-verwijderen', '/rooster/diensten/1', 200, 'planner.aalsmeer'],
	['rooster-fouten', '/rooster?vestiging=aalsmeer-raadhuis&week=2027-W01', 400, 'planner.aalsmeer',
		'medewerker=&vestiging=aalsmeer-raadhuis&datum=2027-01-09&van=12:30&tot=09:00&uitzonderingen=morgen&week=2027-W01'],
	['balie-aalsmeer', '/balie/aalsmeer-raadhuis?datum=2026-10-26', 200, 'planner.aalsmeer'],
	['balie-GM0358', '/balie?gemeente=GM0358&datum=2026-10-26', 200, 'planner.aalsmeer'],
	['afspraakstatistiek-GM0358', '/afspraakstatistiek?gemeente=GM0358&van=2026-10-01&tot=2026-11-30', 200, 'planner.aalsmeer'],
	['gebruikers', '/gebruikers', 200, 'beheer'],
	['gebruiker-controller-aa', '/gebruikers/controller.aa', 200, 'beheer'],
	['account', '/account', 200, 'accounthouder.aalsmeer'],
	['account-fouten', '/account', 400, 'accounthouder.aalsmeer',
		'actie=wachtwoord&huidig=fout&nieuw=kort&nogmaals=anders'],
	['gebruikers-fouten', '/gebruikers', 400, 'beheer',
		'actie=nieuw&gebruikersnaam=a b&naam=&email=geen-adres&scope='],
	// Public pages while logged in: the header names who is logged in.
	['home-beheer', '/', 200, 'beheer'],
	['samenwerking-AA-accounthouder', '/samenwerkingen/AA', 200, 'accounthouder.aalsmeer'],
	['besluit-830016-raadslid', '/besluiten/830016', 200, 'raadslid.bloemendaal'],
	['fout-404-controller', '/besluiten/BESTAAT-NIET', 404, 'controller.hb'],
];
// Every page again in a narrow window: a phone (390 px; the FIGURES below
// are looked at more closely there) and a 1280 px screen at 200 % zoom,
// which lays out as 640 px.
const WIDTHS = [390, 640];
// The pages with figures, charts and wide tables, on a phone (390 px):
// the page does not scroll sideways, a chart fits the window and every
// label in it stays inside its drawing, and every wide table scrolls in
// its own named box that the keyboard can reach.
const FIGURES = ['kostenverdeling-AA-2024', 'waarom-betaalt-aalsmeer-2024',
	'vergelijking-AA-2024-2023', 'urenverdeling-HB-2024', 'kostenverdeling-HB-2024',
	'uren', 'medewerkers-HB', 'besluiten', 'werkstromen', 'audit', 'gebruikers',
	'gebruiker-controller-aa', 'account',
	'kostenposten-AA-2024', 'kostenposten-HB-2025', 'verdeelsleutels-HB-2024',
	'scenarios-HB', 'balie-aalsmeer', 'balie-GM0358', 'afspraakstatistiek-GM0358'];
// The main menu on a phone (390 px) for the accounts with the most items:
// [account, path, the menu's labels].
const MENUS = [
	['controller.hb', '/uren', ['Samenwerkingen', 'Besluiten', 'Werkstromen', 'Uren',
		'Medewerkers', 'Afspraakcijfers', 'Auditspoor', 'Mijn account']],
	['planner.aalsmeer', '/balie?gemeente=GM0358&datum=2026-10-26', ['Samenwerkingen',
		'Besluiten', 'Werkstromen', 'Rooster', 'Balie', 'Afspraakcijfers', 'Auditspoor',
		'Mijn account']],
	['beheer', '/gebruikers', ['Samenwerkingen', 'Besluiten', 'Werkstromen', 'Uren',
		'Medewerkers', 'Rooster', 'Balie', 'Afspraakcijfers', 'Auditspoor', 'Accounts',
		'Mijn account']],
];
const PLAN = PAGES.length * 5 + FIGURES.length +
	MENUS.length + 10;
// The planner of Aalsmeer logs in with this password (made for the test).
const PLANNER_WACHTWOORD = 'kastanje-roos-balie-7';
// A staff member of AA's front office, found in the demo's roster.
let MEDEWERKER = null;
const TOKENS = {};

async function pageCases(browser, base, shots, [name, url0, expected, account, form]) {
	const url = url0.replace('@MEDEWERKER@', encodeURIComponent(MEDEWERKER));
	// The server sends Content-Security-Policy: default-src 'self', which
	// would block the injected axe script; the test bypasses it.
	const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL',
		bypassCSP: true,
		extraHTTPHeaders: account ? { Authorization: 'Bearer ' + TOKENS[account] } : {} });
	const page = await context.newPage();
	let response = null;
	let loadError = null;
	try {
		response = form ? await postForm(page, base, url, form)
			: await page.goto(base + url, { waitUntil: 'load' });
		await page.evaluate(() => document.fonts.ready);
	} catch (err) {
		loadError = err;
	}
	const loaded = () => {
		if (loadError)
			throw loadError;
	};

	await check(`${url}: HTTP ${expected}`, async (notes) => {
		loaded();
		assert.equal(response.status(), expected, `HTTP ${response.status()}`);
		const type = response.headers()['content-type'] || '';
		assert.match(type, /^text\/html/, 'Content-Type ' + type);
		const lang = await page.getAttribute('html', 'lang');
		assert.equal(lang, 'nl', 'html lang');
		if (expected === 404) {
			const h1 = await page.textContent('h1');
			notes.push('kop: ' + h1);
			assert.match(h1, /niet gevonden/i, 'Nederlandse foutpagina');
		}
	});

	// The screenshot is taken first (before anything gets focus) but
	// reported last.
	let shotError = null;
	const shotNotes = [];
	try {
		loaded();
		const file = path.join(shots, name + '.png');
		await page.screenshot({ path: file, fullPage: true });
		shotNotes.push(file);
		const w = await page.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			client: document.documentElement.clientWidth,
		}));
		assert.ok(w.scroll <= w.client,
			`horizontaal scrollen: pagina is ${w.scroll} px breed bij ${w.client} px`);
	} catch (err) {
		shotError = err;
	}

	await check(`${url}: axe-core WCAG 2.1 A/AA zonder overtredingen`,
		async (notes) => {
			loaded();
			await axeCheck(page, notes);
		});
	// A fresh load, so axe's script does not matter to the Tab order.
	await check(`${url}: alles bereikbaar met Tab, focus zichtbaar`,
		async (notes) => {
			loaded();
			if (form)
				await postForm(page, base, url, form);
			else
				await page.goto(base + url, { waitUntil: 'load' });
			await keyboardCheck(page, notes);
		});
	report(`${url}: schermafdruk ${name}.png (1280 px, niet te breed)`,
		shotError, shotNotes);
	await context.close();
}

// Opens `url`, then submits its form with the fields of `form`
// (urlencoded) as a browser would (the page's first form that has all
// those fields), and resolves with the answer to it.
async function postForm(page, base, url, form) {
	await page.goto(base + url, { waitUntil: 'load' });
	const selector = 'form[data-e2e="gekozen"]';
	await page.evaluate((pairs) => {
		const f = [...document.querySelectorAll('form[method="post"]')].find((x) =>
			pairs.every(([k]) => x.elements.namedItem(k)));
		f.dataset.e2e = 'gekozen';
		for (const [k, v] of pairs) {
			const el = f.elements.namedItem(k);
			if (el && el.type !== 'checkbox')
				el.value = v;
		}
	}, [...new URLSearchParams(form)]);
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.locator(selector + ' button[type=submit]').click(),
	]);
	await page.waitForLoadState('load');
	return response;
}

// Every page at a narrow width, loaded once: on a phone (390 px) and
// then on a 1280 px screen at 200 % zoom (640 px), nothing wider than the
// window, and on a roster's week the days one under the other.
async function narrowCases(browser, base) {
	for (const [name, url0, expected, account, form] of PAGES) {
		const url = url0.replace('@MEDEWERKER@', encodeURIComponent(MEDEWERKER));
		await check(`${url}: leesbaar bij 390 px (telefoon) en bij 200 % zoom (640 px)`,
			async (notes) => {
				const context = await browser.newContext({
					viewport: { width: WIDTHS[0], height: 844 }, locale: 'nl-NL',
					extraHTTPHeaders: account ? { Authorization: 'Bearer ' + TOKENS[account] } : {} });
				const page = await context.newPage();
				try {
					const r = form ? await postForm(page, base, url, form)
						: await page.goto(base + url, { waitUntil: 'load' });
					assert.equal(r.status(), expected, 'HTTP ' + r.status());
					await page.evaluate(() => document.fonts.ready);
					for (const width of WIDTHS) {
						if (width !== WIDTHS[0])
							await page.setViewportSize({ width, height: 844 });
						const file = path.join(process.env.SCREENSHOT_DIR || 'screenshots',
							`${name}-${width}.png`);
						await page.screenshot({ path: file, fullPage: true });
						const m = await page.evaluate(() => {
							const days = [...document.querySelectorAll('.ambt-dag')]
								.map((d) => d.getBoundingClientRect());
							return {
								scroll: document.documentElement.scrollWidth,
								client: document.documentElement.clientWidth,
								days: days.length,
								stacked: days.every((r, i) => i === 0 || r.top >= days[i - 1].bottom),
							};
						});
						notes.push(`${width} px: ${m.scroll} px breed, ${m.days} dagen; ${file}`);
						assert.ok(m.scroll <= m.client,
							`horizontaal scrollen bij ${width} px: ${m.scroll} px bij ${m.client} px`);
						if (name.startsWith('rooster') && url.includes('week=')) {
							assert.equal(m.days, 7, 'zeven dagen');
							assert.ok(m.stacked, `de dagen staan onder elkaar bij ${width} px`);
						}
					}
				} finally {
					await context.close();
				}
			});
	}
}

async function figureCases(browser, base) {
	for (const name of FIGURES) {
		const [, url, expected, account] = PAGES.find((p) => p[0] === name);
		await check(`${url}: cijfers, grafieken en tabellen leesbaar bij 390 px`, async (notes) => {
			const context = await browser.newContext({
				viewport: { width: 390, height: 844 }, locale: 'nl-NL',
				extraHTTPHeaders: account ? { Authorization: 'Bearer ' + TOKENS[account] } : {} });
			const page = await context.newPage();
			try {
				const r = await page.goto(base + url, { waitUntil: 'load' });
				assert.equal(r.status(), expected, 'HTTP ' + r.status());
				await page.evaluate(() => document.fonts.ready);
				await page.screenshot({ fullPage: true, path: path.join(
					process.env.SCREENSHOT_DIR || 'screenshots', `${name}-390.png`) });
				const m = await page.evaluate(() => {
					const out = { scroll: document.documentElement.scrollWidth,
						client: document.documentElement.clientWidth, charts: 0,
						wide: [], cut: [], boxes: 0, unnamed: [] };
					for (const svg of document.querySelectorAll('main svg[viewBox]')) {
						if (svg.closest('.ambt-tijdlijn'))
							continue; // the cooperation's timeline scrolls on its own
						out.charts++;
						const b = svg.getBoundingClientRect();
						if (b.right > out.client + 0.5)
							out.wide.push(Math.round(b.right));
						const vb = svg.viewBox.baseVal;
						for (const t of svg.querySelectorAll('text')) {
							const tb = t.getBBox();
							if (tb.x < -0.5 || tb.y < -0.5 || tb.x + tb.width > vb.width + 0.5 ||
								tb.y + tb.height > vb.height + 0.5)
								out.cut.push(`${t.textContent} (${Math.round(tb.x)}+${Math.round(tb.width)} van ${vb.width})`);
						}
					}
					for (const t of document.querySelectorAll('main table')) {
						const box = t.closest('.ambt-tabel-rol');
						if (!box) {
							out.unnamed.push('zonder eigen vak: ' + (t.caption ? t.caption.textContent : '?'));
							continue;
						}
						out.boxes++;
						if (box.getAttribute('role') !== 'region' || !box.getAttribute('aria-label') ||
							box.getAttribute('tabindex') !== '0')
							out.unnamed.push('vak zonder rol, naam of tabindex: ' + box.getAttribute('aria-label'));
					}
					return out;
				});
				notes.push(`${m.charts} grafieken, ${m.boxes} tabellen, ${m.scroll} px breed`);
				assert.ok(m.scroll <= m.client, `horizontaal scrollen: ${m.scroll} px bij ${m.client} px`);
				assert.deepEqual(m.wide, [], 'grafiek breder dan het venster');
				assert.deepEqual(m.cut, [], 'tekst buiten de grafiek');
				assert.deepEqual(m.unnamed, []);
				if (name.startsWith('kostenverdeling-') || name.startsWith('urenverdeling-'))
					assert.ok(m.charts > 0, 'een grafiek');
			} finally {
				await context.close();
			}
		});
	}
}

// The planner of Aalsmeer logs in with the form and, without JavaScript,
// rosters a staff member every Saturday of January 2027 but the 16th: the
// form first shows its problems by field and keeps the input, then the
// entries show in the location's weeks (not in the week of the
// exception), and in the staff member's own week.
async function roosterCase(browser, base) {
	await check('rooster: een planner roostert iemand wekelijks in met een uitzondering, zonder JavaScript',
		async (notes) => {
			const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL',
				javaScriptEnabled: false });
			const page = await context.newPage();
			try {
				await page.goto(base + '/inloggen');
				await page.fill('#gebruikersnaam', 'planner.aalsmeer');
				await page.fill('#wachtwoord', PLANNER_WACHTWOORD);
				await Promise.all([
					page.waitForURL((u) => u.pathname !== '/inloggen'),
					page.getByRole('button', { name: 'Inloggen' }).click(),
				]);
				await Promise.all([
					page.waitForURL((u) => u.pathname === '/rooster'),
					page.getByRole('link', { name: 'Rooster', exact: true }).click(),
				]);
				assert.match(await page.locator('h1').innerText(), /^Rooster van Raadhuis Aalsmeer$/);

				// Wrong first: no end after the start, an exception that is no date.
				const waarde = 'AA:' + MEDEWERKER;
				const keuze = page.locator(`#medewerker option[value="${waarde}"]`);
				const label = await keuze.innerText();
				const naam = label.replace(/ \(.*$/, '');
				notes.push(`medewerker: ${label}`);
				await page.selectOption('#medewerker', waarde);
				await page.selectOption('#vestiging', 'aalsmeer-raadhuis');
				await page.fill('#datum', '2027-01-09');
				await page.fill('#van', '12:30');
				await page.fill('#tot', '09:00');
				await page.check('#vaardigheid-reisdocumenten');
				await page.fill('#herhaal_tot', '2027-01-30');
				await page.fill('#uitzonderingen', '2027-01-16 morgen');
				let [response] = await Promise.all([
					page.waitForResponse((r) => r.request().method() === 'POST'),
					page.getByRole('button', { name: 'Inroosteren' }).click(),
				]);
				await page.waitForLoadState('load');
				assert.equal(response.status(), 400, 'HTTP ' + response.status());
				const totFout = await page.locator('#tot-fout').innerText();
				notes.push('tot: ' + totFout);
				assert.equal(totFout, 'De dienst eindigt na het begin: kies een tijd na 12:30.');
				assert.equal(await page.getAttribute('#tot', 'aria-invalid'), 'true');
				assert.equal(await page.getAttribute('#tot', 'aria-describedby'), 'tot-fout');
				const uitzFout = await page.locator('#uitzonderingen-fout').innerText();
				assert.match(uitzFout, /^'morgen' is geen datum/);
				assert.equal(await page.locator('#problemen li').count(), 2, 'twee problemen');
				assert.equal(await page.locator('#van-fout').count(), 0, 'van is goed');
				assert.equal(await page.inputValue('#medewerker'), waarde, 'medewerker blijft');
				assert.equal(await page.inputValue('#datum'), '2027-01-09', 'datum blijft');
				assert.equal(await page.inputValue('#uitzonderingen'), '2027-01-16 morgen');
				assert.ok(await page.isChecked('#vaardigheid-reisdocumenten'), 'vinkje blijft');

				await page.fill('#van', '09:00');
				await page.fill('#tot', '12:30');
				await page.fill('#uitzonderingen', '16-1-2027');
				await Promise.all([
					page.waitForURL((u) => u.searchParams.get('toegevoegd') === '3'),
					page.getByRole('button', { name: 'Inroosteren' }).click(),
				]);
				notes.push(page.url());
				assert.equal(new URL(page.url()).searchParams.get('week'), '2027-W01');
				assert.equal(await page.locator('[role=status]').innerText(), '3 diensten zijn ingeroosterd.');
				const zaterdag = async () => (await page.locator('.ambt-dag').nth(5).innerText())
					.replace(/\s+/g, ' ');
				let dag = await zaterdag();
				notes.push('week 1: ' + dag);
				assert.ok(dag.includes(`09:00–12:30 ${naam} reisdocumenten Elke week`), dag);

				await Promise.all([
					page.waitForURL((u) => u.searchParams.get('week') === '2027-W02'),
					page.getByRole('link', { name: /^Volgende week/ }).click(),
				]);
				dag = await zaterdag();
				notes.push('week 2: ' + dag);
				assert.ok(!dag.includes('09:00–12:30'), 'de uitzondering blijft leeg');
				assert.ok(dag.includes('Niemand ingeroosterd.'), dag);

				await Promise.all([
					page.waitForURL((u) => u.searchParams.get('week') === '2027-W03'),
					page.getByRole('link', { name: /^Volgende week/ }).click(),
				]);
				await Promise.all([
					page.waitForURL((u) => u.searchParams.has('medewerker')),
					page.locator('.ambt-dag').nth(5).getByRole('link', { name: naam, exact: true }).click(),
				]);
				notes.push(page.url());
				assert.equal(await page.locator('h1').innerText(), `Rooster van ${naam}`);
				dag = await zaterdag();
				notes.push('eigen week 3: ' + dag);
				assert.ok(dag.includes('09:00–12:30 Raadhuis Aalsmeer'), dag);
				const plaatsen = await page.locator('.ambt-dienst a[href^="/rooster?vestiging="]').allInnerTexts();
				notes.push(`${plaatsen.length} diensten deze week: ${[...new Set(plaatsen)].join(', ')}`);
				assert.ok(plaatsen.length > 1, 'meer dan de nieuwe dienst');
				assert.deepEqual([...new Set(plaatsen)], ['Raadhuis Aalsmeer'],
					'alleen de vestigingen van Aalsmeer');
			} finally {
				await context.close();
			}
		});
}

// On a phone (390 px): the beheerder adds an account (first without a
// name: the message at the field, the input kept), is shown its password
// once, and the new account logs in with it and changes it on Mijn
// account (first with two different new ones); it then logs in with the
// new password. Every page on the way passes axe-core and does not
// scroll sideways.
let NIEUW_WACHTWOORD = null;
async function accountsCase(browser, base) {
	const smal = async (page, notes) => {
		const w = await page.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			client: document.documentElement.clientWidth }));
		assert.ok(w.scroll <= w.client, `horizontaal scrollen: ${w.scroll} px bij ${w.client} px`);
		await axeCheck(page, notes);
	};
	const indienen = async (page, knop) => {
		const [response] = await Promise.all([
			page.waitForResponse((r) => r.request().method() === 'POST'),
			page.getByRole('button', { name: knop, exact: true }).click(),
		]);
		await page.waitForLoadState('load');
		return response;
	};
	await check('accounts: de beheerder voegt op een telefoon een account toe', async (notes) => {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 },
			locale: 'nl-NL', bypassCSP: true,
			extraHTTPHeaders: { Authorization: 'Bearer ' + TOKENS.beheer } });
		const page = await context.newPage();
		try {
			await page.goto(base + '/gebruikers', { waitUntil: 'load' });
			await page.fill('#nieuw-gebruikersnaam', 'e.jansen');
			await page.selectOption('#nieuw-rol', 'raadslid');
			await page.fill('#nieuw-scope', 'GM0358');
			let r = await indienen(page, 'Account toevoegen');
			assert.equal(r.status(), 400, 'HTTP ' + r.status());
			const fout = await page.locator('#nieuw-naam-fout').innerText();
			notes.push('naam: ' + fout);
			assert.match(fout, /^Vul de naam van de persoon in/);
			assert.equal(await page.getAttribute('#nieuw-naam', 'aria-invalid'), 'true');
			assert.equal(await page.inputValue('#nieuw-gebruikersnaam'), 'e.jansen');
			assert.equal(await page.inputValue('#nieuw-rol'), 'raadslid');
			await smal(page, notes);
			await page.fill('#nieuw-naam', 'Eva Jansen');
			r = await indienen(page, 'Account toevoegen');
			assert.equal(r.status(), 200, 'HTTP ' + r.status());
			NIEUW_WACHTWOORD = (await page.locator('#nieuw-wachtwoord').innerText()).trim();
			assert.match(NIEUW_WACHTWOORD, /^[a-z0-9]{5}(-[a-z0-9]{5}){3}$/);
			const rij = (await page.locator('tr', { has: page.locator('a[href="/gebruikers/e.jansen"]') })
				.innerText()).replace(/\s+/g, ' ');
			notes.push(rij);
			assert.match(rij, /e\.jansen Eva Jansen raadslid GM0358 nee actief nooit/);
			await smal(page, notes);
		} finally {
			await context.close();
		}
	});
	await check('accounts: een raadslid wijzigt op een telefoon het eigen wachtwoord', async (notes) => {
		assert.ok(NIEUW_WACHTWOORD, 'het account van de vorige stap');
		const context = await browser.newContext({ viewport: { width: 390, height: 844 },
			locale: 'nl-NL', bypassCSP: true });
		const page = await context.newPage();
		const inloggen = async (wachtwoord) => {
			await page.goto(base + '/inloggen');
			await page.fill('#gebruikersnaam', 'e.jansen');
			await page.fill('#wachtwoord', wachtwoord);
			await Promise.all([
				page.waitForURL((u) => u.pathname !== '/inloggen'),
				page.getByRole('button', { name: 'Inloggen' }).click(),
			]);
		};
		try {
			await inloggen(NIEUW_WACHTWOORD);
			await Promise.all([
				page.waitForURL((u) => u.pathname === '/account'),
				page.getByRole('link', { name: 'Mijn account', exact: true }).click(),
			]);
			await page.fill('#wachtwoord-huidig', NIEUW_WACHTWOORD);
			await page.fill('#wachtwoord-nieuw', 'tulp-molen-klomp-42');
			await page.fill('#wachtwoord-nogmaals', 'tulp-molen-klomp-43');
			let r = await indienen(page, 'Wachtwoord wijzigen');
			assert.equal(r.status(), 400, 'HTTP ' + r.status());
			assert.equal(await page.locator('#wachtwoord-nogmaals-fout').innerText(),
				'De twee nieuwe wachtwoorden zijn niet gelijk.');
			assert.equal(await page.inputValue('#wachtwoord-huidig'), '', 'geen wachtwoord terug');
			await smal(page, notes);
			await page.fill('#wachtwoord-huidig', NIEUW_WACHTWOORD);
			await page.fill('#wachtwoord-nieuw', 'tulp-molen-klomp-42');
			await page.fill('#wachtwoord-nogmaals', 'tulp-molen-klomp-42');
			r = await indienen(page, 'Wachtwoord wijzigen');
			assert.equal(r.status(), 200, 'HTTP ' + r.status());
			assert.equal(await page.locator('[role=status]').first().innerText(),
				'Uw wachtwoord is gewijzigd.');
			await smal(page, notes);
			await page.context().clearCookies();
			await inloggen('tulp-molen-klomp-42');
			notes.push('ingelogd met het nieuwe wachtwoord: ' + page.url());
		} finally {
			await context.close();
		}
	});
}

/* ---- the story and the form without JavaScript ---- */

async function unitRow(page, unit) {
	const row = page.locator('table tr').filter({
		has: page.locator('th a', { hasText: new RegExp(`^${unit}$`) }),
	});
	assert.equal(await row.count(), 1, `één rij ${unit}`);
	return (await row.innerText()).replace(/\s+/g, ' ');
}

async function storyCase(browser, base) {
	await check('verhaal: Informatisering HB gedeeld, dan ondergebracht bij GRIT, besluit 830016 via toetsenbord en API',
		async (notes) => {
			const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
			const page = await context.newPage();
			try {
				await page.goto(base + '/samenwerkingen/HB?op=2021-03-01');
				let row = await unitRow(page, 'Informatisering');
				notes.push('2021-03-01: ' + row);
				assert.match(row, /\bgedeeld\b/, 'op 2021-03-01 gedeeld');
				assert.doesNotMatch(row, /ondergebracht/);

				await page.goto(base + '/samenwerkingen/HB?op=2021-05-01');
				row = await unitRow(page, 'Informatisering');
				notes.push('2021-05-01: ' + row);
				assert.match(row, /\bondergebracht\b/, 'op 2021-05-01 ondergebracht');
				assert.match(row, /\bGRIT\b/, 'noemt GRIT');

				await page.goto(base + '/eenheden/hb-informatisering');
				const link = page.getByRole('link', { name: '830016', exact: true }).first();
				await link.focus();
				assert.equal(await page.evaluate(() => document.activeElement.textContent), '830016');
				await Promise.all([
					page.waitForURL('**/besluiten/830016?verantwoordelijkeOrganisatie=GM0397'),
					page.keyboard.press('Enter'),
				]);
				const h1 = await page.textContent('h1');
				notes.push('kop: ' + h1);
				assert.equal(new URL(page.url()).pathname, '/besluiten/830016');
				assert.match(h1, /Actualiseren kader/);
			} finally {
				await context.close();
			}
			const r = await fetch(base + '/api/v1/besluiten/830016',
				{ headers: { Accept: 'application/json' } });
			assert.equal(r.status, 200, 'API HTTP ' + r.status);
			const b = await r.json();
			assert.equal(b.identificatie, '830016');
			assert.equal(b.status, 'vastgesteld');
			assert.match(b.onderwerp, /Actualiseren kader/);
		});
}

// A controller reads in hours through the upload form: a file with
// errors shows every problem in a table and stores nothing; the good
// file is stored; the deviation shows on the deviations page.
async function uploadCase(browser, base) {
	await check('uren inlezen via het formulier: foutentabel, dan ingelezen, afwijking zichtbaar',
		async (notes) => {
			const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL',
				extraHTTPHeaders: { Authorization: 'Bearer ' + TOKENS['controller.hb'] } });
			const page = await context.newPage();
			const fixtures = path.join(root, 'tests', 'cli', 'fixtures');
			try {
				await page.goto(base + '/uren');
				await page.setInputFiles('#bestand', path.join(fixtures, 'hb-uren-2025-fouten.csv'));
				let [response] = await Promise.all([
					page.waitForResponse((r) => r.url().endsWith('/uren/importen')),
					page.getByRole('button', { name: 'Inlezen' }).click(),
				]);
				await page.waitForLoadState('load');
				assert.equal(response.status(), 400, 'HTTP ' + response.status());
				const rows = page.locator('#problemen tbody tr');
				assert.equal(await rows.count(), 8, 'acht problemen');
				const first = (await rows.first().innerText()).replace(/\s+/g, ' ');
				notes.push('eerste: ' + first);
				assert.match(first, /^2 uren Medewerker HB-004 heeft op 6-1-2025 samen 25,00 uur/);
				assert.equal(await page.locator('text=nog geen uren').count(), 0);

				await page.setInputFiles('#bestand', path.join(fixtures, 'hb-uren-2025-01.csv'));
				[response] = await Promise.all([
					page.waitForResponse((r) => r.url().endsWith('/uren/importen')),
					page.getByRole('button', { name: 'Inlezen' }).click(),
				]);
				await page.waitForLoadState('load');
				assert.equal(response.status(), 200, 'HTTP ' + response.status());
				const status = await page.locator('[role=status]').first().innerText();
				notes.push(status);
				assert.match(status, /hb-uren-2025-01\.csv is ingelezen als batch 8/);

				await page.goto(base + '/samenwerkingen/HB/afwijkingen?jaar=2025');
				const row = (await page.locator('table tbody tr').first().innerText()).replace(/\s+/g, ' ');
				notes.push(row);
				assert.match(row, /Ruimtelijke Ontwikkeling Heemstede Bloemendaal 7 januari 2025 7 januari 2025 1 1,25 werkte alleen voor Heemstede/);
				assert.match(row, /artikel 8 Overige afdelingen/);
			} finally {
				await context.close();
			}
		});
}

// A controller computes HB's contribution for 2024 through the form: the
// demo stored that input already, so the page points to that calculation
// and says so (nothing new is stored); it is adopted by a decision.
// Aalsmeer's explanation page adds up: the cents of its parts are its
// contribution.
async function kostenCase(browser, base) {
	await check('kostenverdeling berekenen (dezelfde invoer: de bewaarde) en vaststellen; de uitleg telt op',
		async (notes) => {
			const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL',
				extraHTTPHeaders: { Authorization: 'Bearer ' + TOKENS['controller.hb'] } });
			const page = await context.newPage();
			try {
				await page.goto(base + '/samenwerkingen/HB/kostenverdelingen');
				await page.fill('#jaar', '2024');
				await Promise.all([
					page.waitForURL(/\/kostenverdelingen\/4\?al=ja$/),
					page.getByRole('button', { name: 'Berekenen' }).click(),
				]);
				notes.push(page.url());
				assert.match(await page.locator('h1').innerText(), /Kostenverdeling HB 2024/);
				assert.match(await page.locator('main [role="status"]').innerText(),
					/Deze berekening was al bewaard: dezelfde invoer geeft dezelfde uitkomst\. Er is geen nieuwe bewaard\./);
				await page.selectOption('#besluit', '830016|GM0397');
				await Promise.all([
					page.waitForLoadState('load'),
					page.getByRole('button', { name: 'Verder: controleren' }).click(),
				]);
				// Asked first: what is frozen, and by which decision.
				const vraag = await page.locator('#bevestig-kop + p').innerText();
				notes.push(vraag.slice(0, 80));
				assert.match(vraag, /^U stelt de kostenverdeling HB 2024 vast met de bijdragen van elke gemeente hierboven, samen € [0-9.]+,[0-9]{2}\. Besluit: 830016 van Heemstede \(27 mei 2021\)/);
				await Promise.all([
					page.waitForURL(/\/kostenverdelingen\/4$/),
					page.getByRole('button', { name: 'Ja, stel vast' }).click(),
				]);
				const status = (await page.locator('main p').first().innerText());
				notes.push(status.slice(0, 60));
				assert.match(status, /Vastgesteld bij besluit Actualiseren kader voor de ambtelijke samenwerking Heemstede – Bloemendaal;/);
				assert.equal(await page.locator('#besluit').count(), 0, 'geen formulier meer');
			} finally {
				await context.close();
			}
			const ctx2 = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL',
				extraHTTPHeaders: { Authorization: 'Bearer ' + TOKENS['accounthouder.aalsmeer'] } });
			const p2 = await ctx2.newPage();
			try {
				await p2.goto(base + '/kostenverdelingen/2/gemeenten/GM0358');
				const cents = (t) => Number(t.replace(/[^0-9-]/g, ''));
				const parts = await p2.locator('[aria-label="Wat Aalsmeer betaalt aan elke afdeling"] tbody tr:not(.ambt-rij-totaal) td:nth-child(2)').allInnerTexts();
				const som = parts.reduce((a, t) => a + cents(t), 0);
				const totaal = cents(await p2.locator('main strong').first().innerText());
				notes.push(`${parts.length} delen, samen ${som}, bijdrage ${totaal}`);
				assert.equal(som, totaal);
				assert.equal(totaal, 581446846);
			} finally {
				await ctx2.close();
			}
		});
}

// A controller runs a new year in the browser alone: the cost pools from
// a file and one changed by hand, the advances and a unit's key, the
// calculation, a scenario computed beside it and compared, a new decision
// registered and the year adopted after the question; then a council
// member of Bloemendaal finds the adopted calculation first and reads
// what Bloemendaal pays and how it compares with last year.
async function yearCase(browser, base) {
	await check('een jaar in de browser: kostenposten, sleutels, berekenen, scenario, vergelijken, besluit en vaststellen; het raadslid leest',
		async (notes) => {
			const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL',
				extraHTTPHeaders: { Authorization: 'Bearer ' + TOKENS['controller.hb'] } });
			const page = await context.newPage();
			const file = path.join(tmp, 'hb-kostenposten-2025.csv');
			fs.writeFileSync(file, 'code;eenheid;kostensoort;bedrag\n' +
				'COM-PERS;hb-communicatie;personeel;100.000,00\n' +
				'COM-MAT;hb-communicatie;materieel;20.000,50\n' +
				'RUI-PERS;hb-ruimte-heemstede;personeel;50.000\n');
			const klik = async (knop, url) => {
				await Promise.all([page.waitForURL(url),
					page.getByRole('button', { name: knop, exact: true }).click()]);
			};
			let jaar = 0;
			let scenario = 0;
			try {
				await page.goto(base + '/samenwerkingen/HB/kostenposten?jaar=2025');
				await page.setInputFiles('#bestand', file);
				await klik('Bestand inlezen', /kostenposten\?jaar=2025&vervangen=3$/);
				await page.fill('#code', 'COM-MAT');
				await page.selectOption('#eenheid', 'hb-communicatie');
				await page.fill('#kostensoort', 'materieel');
				await page.fill('#bedrag', '25.000');
				await klik('Kostenpost opslaan', /opgeslagen=COM-MAT$/);
				const totaal = await page.locator('tr.ambt-rij-totaal td.ambt-bedrag').innerText();
				notes.push('kostenposten 2025: ' + totaal);
				assert.equal(totaal, '€ 175.000,00');

				await page.goto(base + '/samenwerkingen/HB/verdeelsleutels?jaar=2025');
				for (const [gm, bedrag] of [['GM0377', '60.000'], ['GM0397', '100.000']]) {
					await page.selectOption('#voorschot-gemeente', gm);
					await page.fill('#voorschot-bedrag', bedrag);
					await klik('Voorschot opslaan', /opgeslagen=voorschot$/);
				}
				await page.selectOption('#rol-eenheid', 'hb-communicatie');
				await page.selectOption('#rol-soort', 'primair');
				await page.selectOption('#rol-grondslag', 'inhabitants');
				await klik('Eenheid opslaan', /opgeslagen=rol$/);
				assert.match(await page.locator('main').innerText(), /Communicatie\s+primair\s+inwoners/);

				await page.goto(base + '/samenwerkingen/HB/kostenverdelingen');
				await page.fill('#jaar', '2025');
				await klik('Berekenen', /\/kostenverdelingen\/\d+$/);
				jaar = Number(page.url().split('/').pop());

				await page.goto(base + '/samenwerkingen/HB/scenarios');
				await page.fill('#naam', 'Communicatie naar uren');
				await page.fill('#jaar', '2025');
				await page.selectOption('#soort1', 'grondslag');
				await page.selectOption('#eenheid1', 'hb-communicatie');
				await page.selectOption('#grondslag1', 'hours_realized');
				await klik('Scenario maken', /gemaakt=Communicatie%20naar%20uren$/);
				await page.goto(base + '/samenwerkingen/HB/kostenverdelingen');
				await page.fill('#jaar', '2025');
				await page.selectOption('#scenario', 'Communicatie naar uren');
				await klik('Berekenen', /\/kostenverdelingen\/\d+$/);
				scenario = Number(page.url().split('/').pop());
				assert.notEqual(scenario, jaar);
				const r = await page.goto(`${base}/kostenverdelingen/${scenario}/vergelijking?met=${jaar}`);
				assert.equal(r.status(), 200);

				await page.goto(`${base}/kostenverdelingen/${jaar}`);
				await page.selectOption('#besluit', 'nieuw');
				await page.selectOption('#organisatie', 'GM0397');
				await page.selectOption('#orgaan', 'gemeenteraad');
				await page.fill('#onderwerp', 'Bijdragen HB 2025');
				await page.fill('#datum', '2026-11-20');
				await page.fill('#identificatie', 'RB-HB-2025');
				await Promise.all([page.waitForLoadState('load'),
					page.getByRole('button', { name: 'Verder: controleren' }).click()]);
				const vraag = await page.locator('#bevestig-kop + p').innerText();
				notes.push(vraag.slice(0, 90));
				assert.match(vraag, /^U stelt de kostenverdeling HB 2025 vast met de bijdragen van elke gemeente hierboven, samen € 175\.000,00\. Daarvoor wordt eerst het besluit RB-HB-2025 vastgelegd: Bijdragen HB 2025\.$/);
				await klik('Ja, stel vast', new RegExp(`/kostenverdelingen/${jaar}$`));
				assert.match(await page.locator('main p').first().innerText(), /Vastgesteld bij besluit Bijdragen HB 2025;/);
			} finally {
				await context.close();
			}
			const ctx2 = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL',
				extraHTTPHeaders: { Authorization: 'Bearer ' + TOKENS['raadslid.bloemendaal'] } });
			const p2 = await ctx2.newPage();
			try {
				await p2.goto(base + '/samenwerkingen/HB/kostenverdelingen');
				const eerste = (await p2.locator('main table tbody tr').first().innerText()).replace(/\s+/g, ' ');
				notes.push('raadslid: ' + eerste);
				assert.match(eerste, new RegExp(`^Kostenverdeling ${jaar} 2025 Vastgesteld, bij besluit Bijdragen HB 2025 € 175\\.000,00`));
				assert.equal(await p2.locator(`details a[href="/kostenverdelingen/${scenario}"]`).count(), 1,
					'het scenario achter de uitklapper');
				assert.equal(await p2.locator(`a[href="/kostenverdelingen/${scenario}"]`).isVisible(), false);
				let r = await p2.goto(`${base}/kostenverdelingen/${jaar}/gemeenten/GM0377`);
				assert.equal(r.status(), 200);
				assert.match(await p2.locator('h1').innerText(), /Bloemendaal/);
				r = await p2.goto(`${base}/kostenverdelingen/${jaar}/vergelijking?met=4`);
				assert.equal(r.status(), 200);
				assert.match(await p2.locator('main').innerText(), /Bloemendaal/);
				const breed = await p2.evaluate(() => document.documentElement.scrollWidth);
				assert.ok(breed <= 390, `de vergelijking is ${breed} px breed`);
			} finally {
				await ctx2.close();
			}
		});
}

// The main menu at 390 px: the items of the account's roles, the current
// one marked, wrapped onto more lines instead of widening the header (the
// content below it is the page's own concern).
async function menuCases(browser, base) {
	for (const [account, url, labels] of MENUS) {
		await check(`${url}: hoofdmenu van ${account} past op een telefoon (390 px)`,
			async (notes) => {
				const context = await browser.newContext({
					viewport: { width: 390, height: 844 }, locale: 'nl-NL',
					extraHTTPHeaders: { Authorization: 'Bearer ' + TOKENS[account] } });
				const page = await context.newPage();
				try {
					const r = await page.goto(base + url, { waitUntil: 'load' });
					assert.equal(r.status(), 200, 'HTTP ' + r.status());
					await page.evaluate(() => document.fonts.ready);
					const file = path.join(process.env.SCREENSHOT_DIR || 'screenshots',
						`menu-${account}-390.png`);
					await page.screenshot({ path: file });
					notes.push(file);
					const m = await page.evaluate(() => {
						const links = [...document.querySelectorAll('.ambt-nav__list a')];
						return {
							scroll: document.querySelector('.ambt-header').scrollWidth,
							client: document.documentElement.clientWidth,
							labels: links.map((a) => a.textContent.trim()),
							current: links.filter((a) => a.getAttribute('aria-current') === 'page')
								.map((a) => a.getAttribute('href')),
							right: Math.max(...links.map((a) => a.getBoundingClientRect().right)),
						};
					});
					notes.push(`${m.labels.join(', ')}; kop ${m.scroll} px breed`);
					assert.deepEqual(m.labels, labels, 'menu');
					assert.deepEqual(m.current, [url.split('?')[0]], 'huidige pagina');
					assert.ok(m.scroll <= m.client,
						`kop te breed: ${m.scroll} px bij ${m.client} px`);
					assert.ok(m.right <= m.client, `menu steekt uit: ${m.right} px`);
				} finally {
					await context.close();
				}
			});
	}
}

// The API description: Redoc, served by ambt itself, renders the
// OpenAPI document; nothing is loaded from another site (Redoc's own
// "by Redocly" logo is asked for, but the page's CSP blocks it).
async function apiCase(browser, base) {
	await check('/api: de API-beschrijving wordt getoond, zonder andere sites',
		async (notes) => {
			const context = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
			const page = await context.newPage();
			const elders = [];
			page.on('requestfinished', (rq) => {
				if (!rq.url().startsWith(base) && !rq.url().startsWith('blob:') &&
					!rq.url().startsWith('data:'))
					elders.push(rq.url());
			});
			try {
				const r = await page.goto(base + '/api', { waitUntil: 'load' });
				assert.equal(r.status(), 200, 'HTTP ' + r.status());
				await page.waitForSelector('.api-content h1', { timeout: 20000 });
				const h1 = (await page.textContent('.api-content h1')).trim();
				notes.push('titel: ' + h1);
				assert.ok(h1.length > 0, 'titel van de API');
				const file = path.join(process.env.SCREENSHOT_DIR || 'screenshots', 'api.png');
				await page.screenshot({ path: file });
				notes.push(file);
				assert.deepEqual(elders, [], 'verzoeken naar andere sites');
			} finally {
				await context.close();
			}
		});
}

async function noScriptCase(browser, base) {
	await check('zonder JavaScript: filter Heemstede (GM0397) op /besluiten toont alleen Heemstede',
		async (notes) => {
			const context = await browser.newContext({
				viewport: VIEWPORT, locale: 'nl-NL', javaScriptEnabled: false });
			const page = await context.newPage();
			try {
				await page.goto(base + '/besluiten');
				await page.selectOption('#gemeente', 'GM0397');
				await Promise.all([
					page.waitForURL((u) => u.searchParams.get('gemeente') === 'GM0397'),
					page.getByRole('button', { name: 'Zoeken' }).click(),
				]);
				notes.push(page.url());
				const column = await page.locator('table thead th').allTextContents();
				const at = column.findIndex((t) => t.trim() === 'Gemeente');
				assert.ok(at >= 0, 'kolom Gemeente');
				const rows = page.locator('table tbody tr');
				const n = await rows.count();
				assert.ok(n > 0, 'geen besluiten gevonden');
				const names = new Set();
				for (let i = 0; i < n; i++)
					names.add((await rows.nth(i).locator('th, td').nth(at).textContent()).trim());
				notes.push(`${n} rijen, gemeenten: ${[...names].join(', ')}`);
				assert.deepEqual([...names], ['Heemstede']);
				assert.equal(await page.inputValue('#gemeente'), 'GM0397',
					'keuze blijft staan');
			} finally {
				await context.close();
			}
		});
}

/* ---- main ---- */

let server = null;	// killed on an unexpected error
let tmp = null;		// removed at the end

async function main() {
	console.log(`1..${PLAN}`);
	const shots = path.resolve(process.env.SCREENSHOT_DIR || 'screenshots');
	fs.mkdirSync(shots, { recursive: true });
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ambt-e2e-'));
	const env = { ...process.env, AMBT_NU: NU };
	let browser = null;
	try {
		const bin = findBinary();
		const db = path.join(tmp, 'demo.db');
		makeDemo(bin, db, env);
		const add = spawnSync(bin, ['gebruiker', 'toevoegen', 'planner.aalsmeer', '--naam',
			'Petra Planner', '--rol', 'planner', '--scope', 'GM0358',
			'--wachtwoord-stdin', '--db', db],
		{ env, encoding: 'utf8', input: PLANNER_WACHTWOORD + '\n' });
		if (add.status !== 0)
			throw new Error('planner.aalsmeer: ' + add.stderr);
		const rooster = spawnSync(bin, ['rooster', 'lijst', '--vestiging', 'aalsmeer-raadhuis',
			'--van', '2026-11-23', '--tot', '2026-11-23', '--format', 'json', '--db', db],
		{ env, encoding: 'utf8' });
		if (rooster.status !== 0)
			throw new Error('ambt rooster lijst: ' + rooster.stderr);
		MEDEWERKER = JSON.parse(rooster.stdout)[0].medewerker;
		for (const who of ['raadslid.bloemendaal', 'controller.hb', 'accounthouder.aalsmeer',
			'planner.aalsmeer', 'beheer']) {
			const r = spawnSync(bin, ['gebruiker', 'token', who, '--naam', 'e2e',
				'--db', db], { env, encoding: 'utf8' });
			if (r.status !== 0)
				throw new Error(`token voor ${who}: ${r.stderr}`);
			TOKENS[who] = r.stdout.trim().split('\n').pop();
		}
		server = await startServer(bin, db, env);
		diag('server: ' + server.base);
		browser = await chromium.launch({
			executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
	} catch (err) {
		console.log('Bail out! ' + (err.message || err).split('\n')[0]);
		if (server)
			server.proc.kill('SIGKILL');
		fs.rmSync(tmp, { recursive: true, force: true });
		process.exit(1);
	}
	try {
		for (const p of PAGES)
			await pageCases(browser, server.base, shots, p);
		await storyCase(browser, server.base);
		await uploadCase(browser, server.base);
		await kostenCase(browser, server.base);
		await yearCase(browser, server.base);
		await noScriptCase(browser, server.base);
		await narrowCases(browser, server.base);
		await figureCases(browser, server.base);
		await menuCases(browser, server.base);
		await apiCase(browser, server.base);
		await roosterCase(browser, server.base);
		await accountsCase(browser, server.base);
	} finally {
		await browser.close().catch(() => {});
	}
	await check('server stopt netjes op SIGTERM (code 0 binnen 5 s)', async () => {
		server.proc.kill('SIGTERM');
		const r = await waitExit(server.proc, 5000);
		if (!r) {
			server.proc.kill('SIGKILL');
			throw new Error('nog niet gestopt na 5 s');
		}
		assert.equal(r.signal, null, 'gestopt door signaal ' + r.signal);
		assert.equal(r.code, 0, 'exitcode ' + r.code + ': ' + server.stderr());
	});
	fs.rmSync(tmp, { recursive: true, force: true });
	einde(PLAN);
}

main().catch((err) => {
	console.log('Bail out! ' + (err.stack || err).toString().split('\n')[0]);
	diag(err.stack || String(err));
	if (server && server.proc.exitCode === null)
		server.proc.kill('SIGKILL');
	if (tmp)
		fs.rmSync(tmp, { recursive: true, force: true });
	process.exit(1);
});
