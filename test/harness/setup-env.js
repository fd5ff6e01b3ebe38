// n8n-core writes $N8N_USER_FOLDER/.n8n/config when loaded: keep it out of the real home folder.
const fs = require('fs');
const os = require('os');
const path = require('path');
if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-erp-unit-'));
}
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'true';
