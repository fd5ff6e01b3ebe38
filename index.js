'use strict';
// Programmatic entry: every node and credential class of the package, by class name.
// n8n itself loads the files listed in package.json "n8n"; this is for code that embeds the nodes
// (tests, custom n8n builds). The list is read from package.json so it cannot drift from it.
const path = require('path');
const { n8n } = require('./package.json');

function loadClasses(files) {
	const classes = {};
	for (const file of files) {
		const mod = require(path.join(__dirname, file));
		for (const [name, value] of Object.entries(mod)) {
			if (typeof value === 'function') classes[name] = value;
		}
	}
	return classes;
}

module.exports = {
	nodes: loadClasses(n8n.nodes),
	credentials: loadClasses(n8n.credentials),
};
