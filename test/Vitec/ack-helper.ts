/** Acknowledges through the Vitec Ekonomi node's Acknowledge action (as the workflow's last step would). */
import { runNode } from '../harness';
import type { VitecEmulator } from '../emulators/vitec';

export async function acknowledgeViaNode(
	emulator: VitecEmulator,
	integrationId: string,
	companyId: number,
	eventIds: number[],
) {
	const result = await runNode(
		{ type: 'vitecEkonomi', parameters: { resource: 'revision', operation: 'acknowledge' } },
		eventIds.map((eventId) => ({ integrationId, companyId, eventId, type: 'accounting' })),
		{
			vitecEkonomiApi: {
				username: emulator.username,
				password: emulator.password,
				baseUrl: emulator.baseUrl,
			},
		},
	);
	if (result.error) throw result.error;
	return result;
}
