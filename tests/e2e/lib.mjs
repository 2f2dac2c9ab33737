// lib.mjs - what the browser tests share: TAP output, making the demo and
// starting `ambt serve`, and the checks every page gets (every control
// reached with Tab and its focus visible; axe-core clean).

import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const axePath = require.resolve('axe-core/axe.min.js');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/* ---- TAP ---- */

let number = 0;
let failures = 0;

export function diag(text) {
	for (const line of String(text).split('\n'))
		console.log('# ' + line);
}

export function report(name, error, notes = []) {
	number++;
	if (error) {
		failures++;
		console.log(`not ok ${number} - ${name}`);
		diag(error.message || String(error));
	} else {
		console.log(`ok ${number} - ${name}`);
	}
	for (const n of notes)
		diag(n);
}

export async function check(name, fn) {
	const notes = [];
	try {
		await fn(notes);
		report(name, null, notes);
	} catch (err) {
		report(name, err, notes);
	}
}

/* ---- the server ---- */

export function findBinary() {
	const bin = process.argv[2] || process.env.AMBT_BIN;
	if (!bin)
		throw new Error('Geef het pad van ambt als argument of in AMBT_BIN.');
	const abs = path.resolve(bin);
	fs.accessSync(abs, fs.constants.X_OK);
	return abs;
}

export function makeDemo(bin, db, env) {
	const r = spawnSync(bin, ['demo', '--db', db, '--overschrijf'],
		{ env, encoding: 'utf8' });
	if (r.status !== 0)
		throw new Error(`ambt demo stopte met ${r.status}: ${r.stderr}`);
}

// Starts `ambt serve` and resolves with { proc, base } once it printed
// its first line, "Ambt draait op http://127.0.0.1:PORT/ ...".
export function startServer(bin, db, env) {
	const proc = spawn(bin, ['serve', '--db', db, '--poort', '0', '--stil'],
		{ env, stdio: ['ignore', 'pipe', 'pipe'] });
	let stderr = '';
	proc.stderr.on('data', (b) => { stderr += b; });
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			proc.kill('SIGKILL');
			reject(new Error('server meldde zich niet binnen 10 s: ' + stderr));
		}, 10000);
		const rl = readline.createInterface({ input: proc.stdout });
		rl.once('line', (line) => {
			clearTimeout(timer);
			const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
			if (!m) {
				proc.kill('SIGKILL');
				reject(new Error('onverwachte eerste regel: ' + line));
				return;
			}
			rl.on('line', () => {});
			resolve({ proc, base: `http://127.0.0.1:${m[1]}`,
				stderr: () => stderr });
		});
		proc.once('exit', (code, signal) => {
			clearTimeout(timer);
			reject(new Error(`server stopte (${code ?? signal}): ${stderr}`));
		});
	});
}

export function waitExit(proc, ms) {
	if (proc.exitCode !== null || proc.signalCode !== null)
		return Promise.resolve({ code: proc.exitCode, signal: proc.signalCode });
	return new Promise((resolve) => {
		const timer = setTimeout(() => resolve(null), ms);
		proc.once('exit', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal });
		});
	});
}

/* ---- per-page checks ---- */

export const FOCUSABLE = 'a[href], button, input, select, textarea, ' +
	'[tabindex]:not([tabindex="-1"]), details > summary';

// Numbers every focusable control (data-e2e-focus) and describes it.
export async function markFocusable(page) {
	return page.evaluate((selector) => {
		const list = [];
		for (const el of document.querySelectorAll(selector)) {
			if (el.matches('[disabled], input[type="hidden"]'))
				continue;
			// Inside a closed disclosure only its summary takes focus;
			// what it holds is reached after opening it.
			const closed = el.closest('details:not([open])');
			if (closed && !(el.localName === 'summary' &&
				el.parentElement === closed))
				continue;
			// Tab reaches one radio button of a group (the checked one,
			// else the first); the arrow keys the others.
			if (el.type === 'radio') {
				const group = [...document.querySelectorAll(
					`input[type="radio"][name="${CSS.escape(el.name)}"]`)]
					.filter((r) => r.form === el.form);
				const stop = group.find((r) => r.checked) || group[0];
				if (el !== stop)
					continue;
			}
			el.setAttribute('data-e2e-focus', String(list.length));
			const text = (el.textContent || el.getAttribute('aria-label') ||
				el.getAttribute('name') || '').replace(/\s+/g, ' ').trim();
			list.push(`<${el.localName}${el.id ? '#' + el.id : ''}` +
				`${el.getAttribute('href') ? ' href=' + el.getAttribute('href') : ''}>` +
				` "${text.slice(0, 60)}"`);
		}
		return list;
	}, FOCUSABLE);
}

// What has focus now, and whether that focus is visible.
export async function focusState(page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body || el === document.documentElement)
			return { none: true };
		const cs = getComputedStyle(el);
		const outline = cs.outlineStyle !== 'none' &&
			parseFloat(cs.outlineWidth) > 0 &&
			cs.outlineColor !== 'transparent' &&
			cs.outlineColor !== 'rgba(0, 0, 0, 0)';
		const shadow = cs.boxShadow && cs.boxShadow !== 'none';
		const r = el.getBoundingClientRect();
		const onPage = r.width > 0 && r.height > 0 &&
			r.right + window.scrollX > 0 && r.bottom + window.scrollY > 0 &&
			r.left + window.scrollX < document.documentElement.scrollWidth;
		return {
			idx: el.getAttribute('data-e2e-focus'), // null: not a listed control
			visible: Boolean(outline || shadow),
			onPage,
			style: `outline: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow: ${cs.boxShadow}`,
			tag: el.localName,
		};
	});
}

export async function keyboardCheck(page, notes) {
	const controls = await markFocusable(page);
	const reached = new Set();
	const invisible = new Map();
	const offPage = new Set();
	const strays = new Set();
	// The page was just loaded: nothing has focus and Tab starts at the
	// top of the document, as for a keyboard user.
	const max = controls.length * 3 + 20;
	let first = null;
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		const s = await focusState(page);
		if (s.none) {
			if (reached.size > 0 && reached.size >= controls.length)
				break;
			continue;
		}
		if (s.idx === null) {
			strays.add(s.tag);
			continue;
		}
		if (first === null)
			first = s.idx;
		else if (s.idx === first && reached.size > 1)
			break; // went round the page
		reached.add(s.idx);
		if (!s.visible)
			invisible.set(s.idx, s.style);
		if (!s.onPage)
			offPage.add(s.idx);
	}
	const missing = controls.filter((_, i) => !reached.has(String(i)));
	notes.push(`${controls.length} bedienbare elementen, ${reached.size} bereikt met Tab`);
	if (strays.size)
		notes.push('ook focus op: ' + [...strays].join(', '));
	const problems = [];
	if (missing.length) {
		problems.push(`${missing.length} elementen nooit bereikt met Tab`);
		for (const m of missing)
			notes.push('nooit bereikt: ' + m);
	}
	if (invisible.size) {
		problems.push(`${invisible.size} elementen zonder zichtbare focus`);
		for (const [i, style] of invisible)
			notes.push(`focus niet zichtbaar: ${controls[i]} (${style})`);
	}
	if (offPage.size) {
		problems.push(`${offPage.size} elementen buiten beeld bij focus`);
		for (const i of offPage)
			notes.push('buiten beeld bij focus: ' + controls[i]);
	}
	if (problems.length)
		throw new Error(problems.join('; '));
}

export async function axeCheck(page, notes) {
	await page.addScriptTag({ path: axePath });
	const result = await page.evaluate(async (tags) => {
		// eslint-disable-next-line no-undef
		const r = await axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations'],
		});
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			count: v.nodes.length,
			target: v.nodes[0] ? JSON.stringify(v.nodes[0].target) : '',
			summary: v.nodes[0] ? (v.nodes[0].failureSummary || '') : '',
		}));
	}, AXE_TAGS);
	for (const v of result) {
		notes.push(`${v.id} (${v.impact}): ${v.help} - ${v.count}x, eerste: ${v.target}`);
		const first = v.summary.split('\n').slice(0, 3).join(' | ');
		if (first)
			notes.push('  ' + first);
	}
	assert.equal(result.length, 0, `${result.length} axe-overtredingen`);
}

// The end of a test file: how many cases ran against `plan`, and the exit
// code (1 when any failed or the count is off).
export function einde(plan) {
	if (number !== plan)
		diag(`plan was ${plan}, ${number} gedaan`);
	diag(`${number - failures} ok, ${failures} niet ok`);
	process.exit(failures || number !== plan ? 1 : 0);
}
