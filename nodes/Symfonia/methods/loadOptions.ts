import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { withSession } from '../session';
import { asList, prop, symfoniaRequest } from '../transport';

/** Dropdowns filled from the dictionaries (docs/api/symfonia.md §6.2, §7.2); each opens and closes its own session. */

async function list(
	ctx: ILoadOptionsFunctions,
	path: string,
	qs?: IDataObject,
): Promise<IDataObject[]> {
	return asList(
		await symfoniaRequest.call(ctx, undefined, { method: 'GET', path, qs, safeToRepeat: true }),
	);
}

function text(record: IDataObject, name: string): string {
	const value = prop(record, name);
	return value === undefined || value === null ? '' : String(value);
}

function sorted(options: INodePropertyOptions[]): INodePropertyOptions[] {
	const seen = new Set<string>();
	return options
		.filter((option) => {
			const key = String(option.value);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

async function documentTypes(
	ctx: ILoadOptionsFunctions,
	characters: number[],
): Promise<INodePropertyOptions[]> {
	return await withSession(ctx, async () => {
		const options: INodePropertyOptions[] = [];
		for (const character of characters) {
			for (const type of await list(ctx, '/DocumentTypes', { documentCharacter: character })) {
				if (prop(type, 'Active') === false) continue;
				options.push({
					name: `${text(type, 'Code')} — ${text(type, 'Name')}`,
					value: text(type, 'Code'),
				});
			}
		}
		return sorted(options);
	});
}

/** Every fiscal year: `GET /api/FKYears` without a date returns them all (docs/api/symfonia.md, "FK fiscal years"). */
async function fkYears(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	return await list(ctx, '/FKYears');
}

/** The year containing today, else the latest one. */
function currentYear(years: IDataObject[]): IDataObject | undefined {
	const today = new Date().toISOString().slice(0, 10);
	const containing = years.find(
		(year) =>
			text(year, 'StartDate').slice(0, 10) <= today && today <= text(year, 'EndDate').slice(0, 10),
	);
	return (
		containing ??
		[...years].sort((a, b) => text(b, 'StartDate').localeCompare(text(a, 'StartDate')))[0]
	);
}

export const loadOptions = {
	async getVatRates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await withSession(this, async () =>
			sorted(
				(await list(this, '/VatRates'))
					.filter((rate) => prop(rate, 'Active') !== false)
					.map((rate) => ({
						name: `${text(rate, 'Code')} — ${text(rate, 'Description') || text(rate, 'Value')}`,
						value: text(rate, 'Code'),
					})),
			),
		);
	},
	async getCurrencies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await withSession(this, async () =>
			sorted(
				(await list(this, '/Currencies'))
					.filter((currency) => prop(currency, 'Active') !== false)
					.map((currency) => ({
						name: `${text(currency, 'Shortcut')} — ${text(currency, 'Name')}`,
						value: text(currency, 'Shortcut'),
					})),
			),
		);
	},
	async getPaymentForms(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await withSession(this, async () =>
			sorted(
				(await list(this, '/PaymentForms'))
					.filter((form) => prop(form, 'Active') !== false)
					.map((form) => ({
						name: text(form, 'Name') || text(form, 'Client'),
						value: Number(prop(form, 'Id')),
					})),
			),
		);
	},
	async getPaymentRegistries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await withSession(this, async () =>
			sorted(
				(await list(this, '/PaymentRegistries')).map((registry) => ({
					name: `${text(registry, 'Code')} — ${text(registry, 'Name')}`,
					value: text(registry, 'Code'),
				})),
			),
		);
	},
	async getSalesDocumentTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await documentTypes(this, [40, 50, 101]);
	},
	async getPurchaseDocumentTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await documentTypes(this, [68, 70, 138]);
	},
	async getFkYears(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await withSession(this, async () =>
			sorted(
				(await fkYears(this)).map((year) => ({
					name: `${text(year, 'Code')} (${text(year, 'StartDate').slice(0, 10)} – ${text(year, 'EndDate').slice(0, 10)})`,
					value: Number(prop(year, 'Id')),
				})),
			),
		);
	},
	async getFkDocumentTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await withSession(this, async () => {
			let yearId = this.getCurrentNodeParameter('yearId') as unknown;
			if (yearId === undefined || yearId === '' || yearId === null)
				yearId = prop(currentYear(await fkYears(this)), 'Id');
			if (yearId === undefined) return [];
			return sorted(
				(await list(this, '/FKDocuments/DocumentTypes', { yearId: yearId as number })).map(
					(type) => ({
						name: `${text(type, 'Code')} — ${text(type, 'Name')}`,
						value: text(type, 'Code'),
					}),
				),
			);
		});
	},
	async getFkDocumentFeatures(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await withSession(this, async () => {
			let yearId = this.getCurrentNodeParameter('yearId') as unknown;
			if (yearId === undefined || yearId === '' || yearId === null)
				yearId = prop(currentYear(await fkYears(this)), 'Id');
			if (yearId === undefined) return [];
			return sorted(
				(await list(this, '/FKDocuments/DocumentFeatures', { yearId: yearId as number })).map(
					(feature) => ({
						name: text(feature, 'Name'),
						value: Number(prop(feature, 'Id')),
						description: text(feature, 'Description') || undefined,
					}),
				),
			);
		});
	},
	async getFkVatRegisters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await withSession(this, async () =>
			sorted(
				(await list(this, '/FKVatRegisters'))
					.filter((register) => prop(register, 'Active') !== false)
					.map((register) => ({
						name: text(register, 'Name'),
						value: Number(prop(register, 'Id')),
					})),
			),
		);
	},
	async getFkVatRates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await withSession(this, async () =>
			sorted(
				(await list(this, '/FKVatRates'))
					.filter((rate) => prop(rate, 'IsActive') !== false)
					.map((rate) => ({ name: text(rate, 'Code'), value: text(rate, 'Code') })),
			),
		);
	},
};
