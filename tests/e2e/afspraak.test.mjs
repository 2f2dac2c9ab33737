// afspraak.test.mjs - the residents' booking pages in headless Chromium.
//
// Usage: node tests/e2e/afspraak.test.mjs path/to/ambt   (or env AMBT_BIN)
//
// Makes a fresh demo database, starts the SMTP sink of the message tests
// (tests/berichten/sink.py) and `ambt serve` sending to it, and then, in
// a phone-width window (390 px), books a passport appointment in Aalsmeer
// through the pages, downloads its .ics, moves it and cancels it. Every
// step is checked with axe-core (WCAG 2.1 A and AA), with Tab (every
// control reached, focus visible) and for being no wider than the
// window, there and at 200 % zoom (640 px); the times page also opened
// at 200 % zoom. At the end the
// three e-mails (confirmation, change, cancellation) must have arrived
// at the sink, each with the right subject and calendar method.
// Output is TAP; the exit code is 1 when any case fails.

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
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
const TELEFOON = { width: 390, height: 844 };
const ZOOM = { width: 640, height: 800 }; // 1280 px at 200 %
const BEWONER = 'e2e.bewoner@example.nl';
// Steps checked three ways (axe, Tab, width), the start page at 640 px,
// the .ics, the three e-mails, and the server's stop.
const STAPPEN = ['start', 'dagen', 'tijden', 'gegevens', 'bevestiging',
	'opzoeken', 'uw afspraak', 'andere dag', 'verzet', 'annuleren', 'geannuleerd',
	'wachtlijst', 'op de wachtlijst'];
const PLAN = STAPPEN.length * 3 + 1 + 1 + 3 + 1;

// Step `naam` of the story on the page as it is: every control reached
// with Tab and its focus visible, axe-core clean, no wider than the
// window (nothing to scroll sideways).
async function stap(page, naam) {
	const url = new URL(page.url()).pathname;
	await check(`${naam} (${url}): alles bereikbaar met Tab, focus zichtbaar`,
		async (notes) => {
			await page.evaluate(() => document.activeElement && document.activeElement.blur());
			await keyboardCheck(page, notes);
		});
	await check(`${naam} (${url}): axe-core WCAG 2.1 A/AA zonder overtredingen`,
		async (notes) => { await axeCheck(page, notes); });
	await check(`${naam} (${url}): niet breder dan het scherm (${page.viewportSize().width} px, en bij 200 % zoom)`,
		async (notes) => {
			const breedte = () => page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				client: document.documentElement.clientWidth,
			}));
			let w = await breedte();
			notes.push(`${w.scroll} px breed bij ${w.client} px`);
			assert.ok(w.scroll <= w.client,
				`horizontaal scrollen: ${w.scroll} px bij ${w.client} px`);
			const file = path.join(process.env.SCREENSHOT_DIR || 'screenshots',
				`afspraak-${naam.replace(/ /g, '-')}.png`);
			await page.screenshot({ path: file, fullPage: true });
			notes.push(file);
			// The same page on a 1280 px screen at 200 % zoom.
			const voor = page.viewportSize();
			await page.setViewportSize(ZOOM);
			try {
				w = await breedte();
				notes.push(`${w.scroll} px breed bij ${w.client} px (200 % zoom)`);
				assert.ok(w.scroll <= w.client,
					`horizontaal scrollen bij 200 % zoom: ${w.scroll} px bij ${w.client} px`);
			} finally {
				await page.setViewportSize(voor);
			}
		});
}

// Submits the form of `button` and waits for the page it leads to.
async function verstuur(page, button, status = 200) {
	const [response] = await Promise.all([
		page.waitForNavigation({ waitUntil: 'load' }),
		page.locator(button).click(),
	]);
	assert.equal(response.status(), status, `HTTP ${response.status()} na ${button}`);
	return response;
}

/* ---- the SMTP sink ---- */

function startSink(dir) {
	const poort = path.join(dir, 'poort');
	fs.mkdirSync(path.join(dir, 'post'));
	const proc = spawn('/usr/bin/python3', [path.join(root, 'tests/berichten/sink.py'),
		'--map', path.join(dir, 'post'), '--poortbestand', poort],
	{ stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	proc.stderr.on('data', (b) => { stderr += b; });
	return new Promise((resolve, reject) => {
		const start = Date.now();
		const kijk = () => {
			if (fs.existsSync(poort) && fs.readFileSync(poort, 'utf8').trim())
				return resolve({ proc, poort: fs.readFileSync(poort, 'utf8').trim() });
			if (proc.exitCode !== null || Date.now() - start > 10000) {
				proc.kill('SIGKILL');
				return reject(new Error('SMTP-sink startte niet: ' + stderr));
			}
			setTimeout(kijk, 50);
		};
		kijk();
	});
}

// The messages the sink accepted for `aan`, read by lees_bericht.py:
// [{ file, text }], in the order they came.
function berichtenVoor(dir, aan) {
	const post = path.join(dir, 'post');
	const uit = [];
	for (const f of fs.readdirSync(post).filter((x) => x.endsWith('.env')).sort()) {
		const env = fs.readFileSync(path.join(post, f), 'utf8').split('\n');
		if (!env.slice(1).includes(aan))
			continue;
		const eml = path.join(post, f.replace(/\.env$/, '.eml'));
		const r = spawnSync('/usr/bin/python3', [path.join(root, 'tests/berichten/lees_bericht.py'),
			eml, path.join(dir, 'bericht.ics')], { encoding: 'utf8' });
		if (r.status !== 0)
			throw new Error(`${f}: ${r.stderr}`);
		uit.push({ file: f, text: r.stdout });
	}
	return uit;
}

async function wachtOp(fn, ms) {
	const start = Date.now();
	for (;;) {
		const r = fn();
		if (r || Date.now() - start > ms)
			return r;
		await new Promise((res) => setTimeout(res, 200));
	}
}

/* ---- the story ---- */

async function verhaal(browser, base, tmp) {
	const context = await browser.newContext({ viewport: TELEFOON, locale: 'nl-NL',
		bypassCSP: true, acceptDownloads: true });
	const page = await context.newPage();
	let code = null;
	try {
		// 1. Products, persons and the channel.
		let r = await page.goto(base + '/afspraak/aalsmeer', { waitUntil: 'load' });
		assert.equal(r.status(), 200);
		assert.equal(await page.textContent('.ambt-logo a'), 'Gemeente Aalsmeer');
		await stap(page, 'start');
		await page.check('#product-paspoort');
		await page.selectOption('#personen-paspoort', '2');
		await page.check('#kanaal-fysiek');
		await verstuur(page, 'button:has-text("Verder: kies een dag")');
		// 2. The days with free times, then 3. the times of one.
		await stap(page, 'dagen');
		await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
			page.click('a:has-text("dinsdag 24 november 2026")')]);
		await stap(page, 'tijden');
		await page.check('#tijden input[value="aalsmeer-raadhuis,2026-11-24T08:40:00+01:00"]');
		await verstuur(page, 'button:has-text("Verder: uw gegevens")');
		// 4. Contact details: first nothing, then right.
		assert.match(await page.textContent('main'), /dinsdag 24 november 2026, 08:40/);
		await verstuur(page, 'button:has-text("Afspraak maken")', 400);
		assert.equal((await page.textContent('#naam-fout')).trim(), 'Vul uw naam in.');
		await stap(page, 'gegevens');
		await page.fill('#naam', 'Bea Bewoner');
		await page.fill('#email', BEWONER);
		await verstuur(page, 'button:has-text("Afspraak maken")');
		// A message is composed when it is sent, from the appointment as
		// it is then: each is awaited before the next change.
		await wachtOp(() => berichtenVoor(tmp, BEWONER).length >= 1, 30000);
		// 5. The confirmation, with its code and the .ics.
		code = (await page.textContent('.ambt-code')).trim();
		assert.match(code, /^[2-9A-HJ-NP-Z]{8}$/);
		await stap(page, 'bevestiging');
		await check('bevestiging: het .ics-bestand zet de afspraak om 08:40 in de agenda',
			async (notes) => {
				const [download] = await Promise.all([
					page.waitForEvent('download'),
					page.click('button:has-text("Zet de afspraak in uw agenda")'),
				]);
				assert.equal(download.suggestedFilename(), `afspraak-${code}.ics`);
				const file = path.join(tmp, 'afspraak.ics');
				await download.saveAs(file);
				const ics = fs.readFileSync(file, 'utf8');
				notes.push(ics.split('\r\n').filter((l) => /^(METHOD|DTSTART|UID)/.test(l)).join(' | '));
				assert.match(ics, /^METHOD:REQUEST\r$/m);
				assert.match(ics, /^DTSTART;TZID=Europe\/Amsterdam:20261124T084000\r$/m);
				assert.match(ics, new RegExp(`^UID:${code}@`, 'm'));
			});
		// 6. Looking it up with the code and e-mail address.
		await page.click('a:has-text("Afspraak wijzigen of annuleren") >> nth=-1');
		await page.waitForLoadState('load');
		await stap(page, 'opzoeken');
		await page.fill('#referentie', code.toLowerCase());
		await page.fill('#contact', BEWONER);
		await verstuur(page, 'button:has-text("Afspraak opzoeken")');
		await stap(page, 'uw afspraak');
		// 7. Another day and time.
		await verstuur(page, 'button:has-text("woensdag 25 november 2026")');
		await stap(page, 'andere dag');
		await page.check('#tijden input[value="aalsmeer-raadhuis,2026-11-25T08:30:00+01:00"]');
		await verstuur(page, 'button:has-text("Verzetten naar deze tijd")');
		assert.match(await page.textContent('main'), /verzet naar woensdag 25 november 2026, 08:30/);
		await wachtOp(() => berichtenVoor(tmp, BEWONER).length >= 2, 30000);
		await stap(page, 'verzet');
		// 8. Cancelling: first without ticking, then ticked.
		await page.click('a:has-text("Afspraak wijzigen of annuleren") >> nth=-1');
		await page.waitForLoadState('load');
		await page.fill('#referentie', code);
		await page.fill('#contact', BEWONER);
		await verstuur(page, 'button:has-text("Afspraak opzoeken")');
		await verstuur(page, 'button:has-text("Afspraak annuleren")', 400);
		assert.match(await page.textContent('#zeker-fout'), /Vink aan/);
		await stap(page, 'annuleren');
		await page.check('#zeker');
		await verstuur(page, 'button:has-text("Afspraak annuleren")');
		assert.match(await page.textContent('main'), /Uw afspraak is geannuleerd/);
		await stap(page, 'geannuleerd');
	} finally {
		await context.close();
	}
	return code;
}

// The waiting list, reached from the times of one product: joining with
// a name and an address, the code on the page.
async function wachtlijstCase(browser, base) {
	const context = await browser.newContext({ viewport: TELEFOON, locale: 'nl-NL',
		bypassCSP: true });
	const page = await context.newPage();
	try {
		await page.goto(base + '/afspraak/aalsmeer/tijden?product=paspoort&personen-paspoort=1&kanaal=fysiek',
			{ waitUntil: 'load' });
		await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
			page.click('a:has-text("Zet uzelf op de wachtlijst")')]);
		await stap(page, 'wachtlijst');
		await page.fill('#naam', 'Wim Wachter');
		await page.fill('#email', 'wim@example.nl');
		await verstuur(page, 'button:has-text("Zet mij op de wachtlijst")', 201);
		assert.match(await page.textContent('main'), /U staat op de wachtlijst voor Paspoort\./);
		await stap(page, 'op de wachtlijst');
	} catch (err) {
		report('de wachtlijst', err);
	} finally {
		await context.close();
	}
}

// The start page at 200 % zoom: nothing wider than the window.
async function zoomCase(browser, base) {
	await check('start: bij 200 % zoom (640 px) niet breder dan het scherm', async (notes) => {
		const context = await browser.newContext({ viewport: ZOOM, locale: 'nl-NL' });
		const page = await context.newPage();
		try {
			await page.goto(base + '/afspraak/aalsmeer/tijden?product=paspoort&personen-paspoort=1&kanaal=fysiek&dag=2026-11-24',
				{ waitUntil: 'load' });
			const w = await page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				client: document.documentElement.clientWidth,
			}));
			notes.push(`${w.scroll} px breed bij ${w.client} px`);
			assert.ok(w.scroll <= w.client, `horizontaal scrollen: ${w.scroll} px`);
		} finally {
			await context.close();
		}
	});
}

/* ---- main ---- */

let server = null;
let sink = null;
let tmp = null;

async function main() {
	console.log(`1..${PLAN}`);
	fs.mkdirSync(path.resolve(process.env.SCREENSHOT_DIR || 'screenshots'), { recursive: true });
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ambt-e2e-afspraak-'));
	let browser = null;
	let env = null;
	try {
		const bin = findBinary();
		const db = path.join(tmp, 'demo.db');
		sink = await startSink(tmp);
		env = { ...process.env, AMBT_NU: NU, AMBT_SMTP: `smtp://127.0.0.1:${sink.poort}`,
			AMBT_SMTP_AFZENDER: 'afspraken@example.nl', AMBT_SMTP_DOMEIN: 'e2e.example.nl' };
		delete env.AMBT_DB;
		makeDemo(bin, db, env);
		server = await startServer(bin, db, env);
		diag('server: ' + server.base);
		browser = await chromium.launch({
			executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
	} catch (err) {
		console.log('Bail out! ' + (err.message || err).split('\n')[0]);
		if (server)
			server.proc.kill('SIGKILL');
		if (sink)
			sink.proc.kill('SIGKILL');
		fs.rmSync(tmp, { recursive: true, force: true });
		process.exit(1);
	}
	let code = null;
	try {
		code = await verhaal(browser, server.base, tmp);
	} catch (err) {
		report('het verhaal: boeken, verzetten en annuleren door de pagina\'s', err);
	} finally {
		await wachtlijstCase(browser, server.base);
		await zoomCase(browser, server.base);
		await browser.close().catch(() => {});
	}
	const verwacht = [
		['bevestiging', /^Subject: Bevestiging van uw afspraak op dinsdag 24 november 2026 om 08:40$/m, 'REQUEST'],
		['wijziging', /^Subject: Uw afspraak is veranderd: nu op woensdag 25 november 2026 om 08:30$/m, 'REQUEST'],
		['annulering', /^Subject: Uw afspraak op woensdag 25 november 2026 om 08:30 is afgezegd$/m, 'CANCEL'],
	];
	const post = code ? await wachtOp(() => {
		const b = berichtenVoor(tmp, BEWONER);
		return b.length >= 3 ? b : null;
	}, 30000) || berichtenVoor(tmp, BEWONER) : [];
	for (let i = 0; i < verwacht.length; i++) {
		const [soort, onderwerp, methode] = verwacht[i];
		await check(`e-mail ${i + 1} aan ${BEWONER}: de ${soort}`, async (notes) => {
			assert.ok(post[i], `${post.length} e-mails aangekomen`);
			notes.push(post[i].text.split('\n').filter((l) => /^(Subject|Agenda):/.test(l)).join(' | '));
			assert.match(post[i].text, onderwerp);
			assert.match(post[i].text, new RegExp(`^Agenda: method=${methode}, bestand=afspraak-${code}\\.ics`, 'm'));
			assert.match(post[i].text, new RegExp(code));
		});
	}
	await check('server stopt netjes op SIGTERM (code 0 binnen 5 s)', async () => {
		server.proc.kill('SIGTERM');
		const r = await waitExit(server.proc, 5000);
		if (!r) {
			server.proc.kill('SIGKILL');
			throw new Error('nog niet gestopt na 5 s');
		}
		assert.equal(r.code, 0, 'exitcode ' + r.code + ': ' + server.stderr());
	});
	sink.proc.kill('SIGTERM');
	await waitExit(sink.proc, 5000);
	fs.rmSync(tmp, { recursive: true, force: true });
	einde(PLAN);
}

main().catch((err) => {
	console.log('Bail out! ' + (err.stack || err).toString().split('\n')[0]);
	diag(err.stack || String(err));
	if (server && server.proc.exitCode === null)
		server.proc.kill('SIGKILL');
	if (sink && sink.proc.exitCode === null)
		sink.proc.kill('SIGKILL');
	if (tmp)
		fs.rmSync(tmp, { recursive: true, force: true });
	process.exit(1);
});
