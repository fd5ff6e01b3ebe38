/** iFirma in a real n8n: the invoice flow, Continue On Fail, the export-invoice template, the API-limit template (both branches) and the webhook template (server mode). */
import type { IFirmaEmulator } from '../emulators/ifirma';
import { outputOf, type E2eCase, type E2eServerCase } from './cases';

const ORDER = {
	orderId: 'WEB-1001',
	customer: {
		nip: '1234563218',
		name: 'Sklep Internetowy Sp. z o.o.',
		postCode: '31-000',
		city: 'Kraków',
		street: 'Rynek 1',
		email: 'zakupy@sklep.example',
	},
	items: [
		{ name: 'Kubek z logo', quantity: 3, unit: 'szt.', unitPrice: 25, vatRate: 23 },
		{ name: 'Książka', quantity: 1, unit: 'szt.', unitPrice: 40, vatRate: 5 },
	],
};

export const cases: E2eCase[] = [
	{
		file: 'test/e2e/workflows/ifirma-invoice-flow.json',
		check: (run, { emulators }) => {
			const ifirma = emulators.ifirma as IFirmaEmulator;
			const contractor = outputOf(run, 'Upsert contractor')[0].json;
			expect(contractor).toMatchObject({ NIP: '5213609182', Nazwa: 'Acme E2E Sp. z o.o.' });
			const invoice = outputOf(run, 'Create invoice')[0].json;
			// 2 × 150 net at 23% + 100 net at 8% = 369 + 108.
			expect(invoice).toMatchObject({
				Identyfikator: expect.any(Number),
				Brutto: 477,
				IdentyfikatorKontrahenta: contractor.Identyfikator,
			});
			const pdf = outputOf(run, 'Download PDF')[0];
			expect(pdf.binary?.data).toMatchObject({
				mimeType: 'application/pdf',
				fileName: `fakturakraj-${String(invoice.Identyfikator)}-oryg.pdf`,
			});
			expect(outputOf(run, 'Send by e-mail')[0].json).toMatchObject({ sent: true });
			expect(outputOf(run, 'Register payment')[0].json).toMatchObject({ Kwota: 477 });
			expect(outputOf(run, 'Paid invoices').map((item) => item.json.PelnyNumer)).toContain(
				invoice.PelnyNumer,
			);
			expect(outputOf(run, 'Create bill')[0].json).toMatchObject({ Brutto: 160 });
			expect(outputOf(run, 'Create expense')[0].json).toMatchObject({
				kind: 'zakuptowaruvat',
				KwotaVat23: 46,
				KwotaVat08: 4,
			});
			expect(outputOf(run, 'API limit')[0].json).toMatchObject({ granted: 1000 });

			const stored = ifirma.documents.get(invoice.Identyfikator as number)!;
			expect(stored.sent).toEqual([
				expect.objectContaining({ email: true, to: 'faktury@acme.example' }),
			]);
			expect(stored.paid).toBe(477);
			// Each create went out exactly once (never retried, never duplicated).
			expect(ifirma.requestsTo(/\/fakturakraj\.json$/)).toHaveLength(1);
			expect(ifirma.requestsTo(/\/rachunekkraj\.json$/)).toHaveLength(1);
			// Every request was signed (the emulator answers 400-403 otherwise) and carried no key in clear.
			for (const request of ifirma.requests)
				expect(String(request.headers.authentication)).toMatch(
					/^IAPIS user=[^,]+, hmac-sha1=[0-9a-f]{40}$/,
				);
		},
	},
	{
		file: 'test/e2e/workflows/ifirma-continue-on-fail.json',
		check: (run) => {
			const upserts = outputOf(run, 'Upsert contractor');
			expect(upserts).toHaveLength(2);
			expect(upserts[0].json.error).toContain('NIP: "5213609181" is not a valid NIP');
			expect(upserts[0].pairedItem).toEqual({ item: 0 });
			expect(upserts[1].json).toMatchObject({ action: 'created', NIP: '7770000005' });
			expect(upserts[1].pairedItem).toEqual({ item: 1 });
			const unknown = outputOf(run, 'Get unknown invoice');
			expect(unknown[0].json.error).toContain('Kod 500');
			expect(unknown[0].json.description).toContain('Faktura/rachunek nie istnieje.');
		},
	},
	{
		// The export template: services outside Poland to a Norwegian buyer, as the kind's own table wants it.
		file: 'templates/ifirma-export-services-invoice.json',
		check: (run, { emulators }) => {
			const ifirma = emulators.ifirma as IFirmaEmulator;
			const invoice = outputOf(run, 'Create export invoice')[0].json;
			// 40 h × 85 EUR at 0%.
			expect(invoice).toMatchObject({
				Identyfikator: expect.any(Number),
				Brutto: 3400,
				Waluta: 'EUR',
				Jezyk: 'en',
				NazwaUslugi: 'Wdrożenie systemu rezerwacji',
			});
			const stored = ifirma.documents.get(invoice.Identyfikator as number)!;
			expect(stored.slug).toBe('fakturaeksportuslug');
			expect(stored.contractor).toMatchObject({
				Nazwa: 'Nordfjord Shipping AS',
				KodKraju: 'NO',
				NIP: '923609016',
			});
			expect((stored.data.Pozycje as Array<Record<string, unknown>>)[0]).toMatchObject({
				NazwaPelnaObca: 'Booking system implementation',
				JednostkaObca: 'hour',
				StawkaVat: 0,
			});
			for (const absent of ['LiczOd', 'Zaplacono']) expect(stored.data).not.toHaveProperty(absent);
			const pdf = outputOf(run, 'Invoice PDF')[0];
			expect(pdf.binary?.data).toMatchObject({
				mimeType: 'application/pdf',
				fileName: `fakturaeksportuslug-${String(invoice.Identyfikator)}.pdf`,
			});
		},
	},
	{
		// Above the warning level: the run stops with the warning (so n8n's error workflow can alert).
		file: 'templates/ifirma-api-limit-monthly-check.json',
		expectFailure: true,
		prepare: ({ emulators }) => {
			(emulators.ifirma as IFirmaEmulator).limit = { used: 870, granted: 1000 };
		},
		check: (run) => {
			expect(outputOf(run, 'Get API limit')[0].json).toMatchObject({
				used: 870,
				granted: 1000,
				remaining: 130,
			});
			expect(outputOf(run, 'Usage in percent')[0].json).toMatchObject({
				usedPercent: 87,
				warnAbovePercent: 80,
			});
			const error = run.data.resultData.error;
			expect(error?.node?.name).toBe('Warn: API limit almost used');
			expect(error?.message).toBe(
				'iFirma API limit: 870 of 1000 used this month (87%), above the 80% warning level; 130 left. Ask for a higher limit in iFirma: Konfiguracja → Rozszerzenia i integracje → API → Limity API.',
			);
			expect(run.data.resultData.runData['Within the limit']).toBeUndefined();
		},
	},
	{
		// Below the warning level: the quiet branch, no error.
		file: 'templates/ifirma-api-limit-monthly-check.json',
		prepare: ({ emulators }) => {
			(emulators.ifirma as IFirmaEmulator).limit = { used: 412, granted: 1000 };
		},
		check: (run) => {
			expect(outputOf(run, 'Usage in percent')[0].json).toMatchObject({
				used: 412,
				granted: 1000,
				remaining: 588,
				usedPercent: 41.2,
			});
			expect(outputOf(run, 'Within the limit')).toHaveLength(1);
			expect(run.data.resultData.runData['Warn: API limit almost used']).toBeUndefined();
		},
	},
];

export const serverCases: E2eServerCase[] = [
	{
		file: 'templates/ifirma-invoice-from-webhook.json',
		webhook: { path: 'ifirma-order', body: ORDER },
		executionsWanted: 1,
		check: (runs, { emulators }) => {
			const ifirma = emulators.ifirma as IFirmaEmulator;
			const [run] = runs;
			expect(run.data.resultData.error).toBeUndefined();
			const contractor = outputOf(run, 'Create or update contractor')[0].json;
			expect(contractor).toMatchObject({ NIP: '1234563218', Email: 'zakupy@sklep.example' });
			const invoice = outputOf(run, 'Create invoice')[0].json;
			// 3 × 25 at 23% + 40 at 5% = 92.25 + 42.
			expect(invoice).toMatchObject({
				Brutto: 134.25,
				Uwagi: 'Order WEB-1001',
				IdentyfikatorKontrahenta: contractor.Identyfikator,
			});
			expect(outputOf(run, 'Send invoice by e-mail')[0].json).toMatchObject({ sent: true });
			const stored = ifirma.documents.get(invoice.Identyfikator as number)!;
			expect(stored.sent).toEqual([
				expect.objectContaining({ email: true, to: 'zakupy@sklep.example' }),
			]);
		},
	},
];
