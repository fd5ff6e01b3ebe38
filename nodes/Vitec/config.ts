/**
 * Everything about Vitec Ekonomi's SOAP API that public sources do NOT confirm lives here, in one place
 * (docs/api/vitec.md; marks I = inferred, U = unknown, P = probable, C = confirmed). Each of
 * these can be overridden in the credential's advanced settings, so a customer whose installation differs
 * needs no new release: service paths, namespaces, SOAP version, how the login is sent, method names.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export type Contract = 'Accounting' | 'Customer' | 'Supplier';
export type SecurityMode = 'wsse' | 'basic';
export type SoapVersion = '1.1' | '1.2';

export const VITEC_DEFAULTS = {
	/** U: WCF's default target namespace; the real one is in the WSDL. */
	serviceNamespace: 'http://tempuri.org/',
	/** U: data-contract namespace of CompanySelector, RevisionReciept… (WCF default pattern + .NET namespace). */
	typesNamespace: 'http://schemas.datacontract.org/2004/07/Vitec.Ekonomi.Services',
	/** U: basicHttpBinding (SOAP 1.1) is the usual choice for partner-facing WCF services. */
	soapVersion: '1.1' as SoapVersion,
	/** U: WS-Security UsernameToken (TransportWithMessageCredential) or HTTP Basic. */
	securityMode: 'wsse' as SecurityMode,
	/** I: one endpoint per contract. */
	servicePaths: {
		Accounting: '/VitecEkonomiServices/AccountingService.svc',
		Customer: '/VitecEkonomiServices/CustomerService.svc',
		Supplier: '/VitecEkonomiServices/SupplierService.svc',
	} as Record<Contract, string>,
	/** C: the service contracts are IAccountingService, ICustomerService, ISupplierService. */
	contractInterface: {
		Accounting: 'IAccountingService',
		Customer: 'ICustomerService',
		Supplier: 'ISupplierService',
	} as Record<Contract, string>,
	/** C: at most this many revisions per call. */
	maxBatchSize: 5000,
	/** U (docs/api/vitec.md §5.6): the receipt's parameter and member names. */
	receiptNames: { parameter: 'revisionReciept', eventIds: 'EventIds', batchId: 'BatchId' },
};

/** The request data contracts whose namespace can be set one by one (docs/api/vitec.md §6.1). */
export const DATA_CONTRACT_TYPES = [
	'CompanySelector',
	'RevisionReciept',
	'GetSalesLedgerRevisionsOptions',
	'GetSupplierLedgerRevisionsOptions',
] as const;
export type DataContractType = (typeof DATA_CONTRACT_TYPES)[number];

/** Methods that are not per information type. Names C unless marked. */
export const VITEC_METHODS = {
	pendingEvents: { contract: 'Accounting' as Contract, name: 'GetListOfPendingEvents' },
	acknowledge: { name: 'SendProofOfReceiptForRevisions' },
	/** U: a method listing the companies the API user sees exists (Exopen), its name is not public. */
	listCompanies: { contract: 'Accounting' as Contract, name: 'GetCompanies' },
};

export type ExtraParameter = 'dimension' | 'ledgerOptions' | 'reportPlan';

export interface InformationType {
	value: string;
	name: string;
	/** Vitec's own name, shown in hints. */
	swedish: string;
	contract: Contract;
	/** The legacy method; the receipt variant is this + "WithReceiptRequirement". */
	method: string;
	/** Fields that identify a row (deleted rows carry only these). */
	keyFields: string[];
	extra?: ExtraParameter;
	/** False for currency rates: the fetch takes no company selector (C). */
	perCompany: boolean;
	confidence: 'C' | 'P' | 'I' | 'U';
	/** Only in the extras (not in the Prenumeration's list of the user document). */
	extraType?: boolean;
}

function dimension(number: number, swedish: string, extraType = false): InformationType {
	const nn = String(number).padStart(2, '0');
	return {
		value: `dimension${nn}`,
		name: `Dimension ${number} (${swedish})`,
		swedish: number <= 4 ? `${swedish} (Dim${number})` : swedish,
		contract: 'Accounting',
		method: `GetDimension${nn}Revisions`,
		keyFields: ['CompanyId', 'AccountingCode'],
		perCompany: true,
		confidence: number === 6 ? 'C' : 'P',
		extraType,
	};
}

/** The Prenumeration's information types (seed 003) plus currency rates and Dim5–10 as extras. */
export const INFORMATION_TYPES: InformationType[] = [
	{
		value: 'accounting',
		name: 'Accounting Rows (Bokföring)',
		swedish: 'Bokföring',
		contract: 'Accounting',
		method: 'GetAccountingRevisions',
		keyFields: [
			'CompanyId',
			'AccountingYear',
			'Routine',
			'VoucherNumber',
			'Row',
			'AutoAccountingCode',
			'AutoAccountingRow',
		],
		extra: 'dimension',
		perCompany: true,
		confidence: 'C',
	},
	{
		value: 'supplier',
		name: 'Suppliers (Leverantörer)',
		swedish: 'Leverantörer',
		contract: 'Supplier',
		method: 'GetSupplierRevisions',
		keyFields: ['CompanyId', 'SupplierId'],
		perCompany: true,
		confidence: 'C',
	},
	{
		value: 'customer',
		name: 'Customers (Kunder)',
		swedish: 'Kunder',
		contract: 'Customer',
		method: 'GetCustomerRevisions',
		keyFields: ['CompanyId', 'CustomerId'],
		perCompany: true,
		confidence: 'I',
	},
	{
		value: 'customerPayment',
		name: 'Customer Payments (Kundinbetalningar)',
		swedish: 'Kundinbetalningar (3L)',
		contract: 'Customer',
		method: 'GetCustomerPaymentRevisions',
		keyFields: ['CompanyId', 'PaymentId'],
		perCompany: true,
		confidence: 'U',
	},
	{
		value: 'supplierPayment',
		name: 'Supplier Payments (Leverantörsbetalningar)',
		swedish: 'Leverantörsbetalningar',
		contract: 'Supplier',
		method: 'GetInvoicePaymentDates',
		keyFields: ['CompanyId', 'LedgerId', 'Row'],
		perCompany: true,
		confidence: 'P',
	},
	{
		value: 'salesLedger',
		name: 'Sales Ledger (Kundreskontra)',
		swedish: 'Kundreskontra (3L)',
		contract: 'Customer',
		method: 'GetSalesLedgerRevisions',
		keyFields: ['CompanyId', 'LedgerId'],
		extra: 'ledgerOptions',
		perCompany: true,
		confidence: 'C',
	},
	{
		value: 'supplierInvoice',
		name: 'Supplier Invoices (Leverantörsfakturor)',
		swedish: 'Leverantörsfakturor',
		contract: 'Supplier',
		method: 'GetSupplierLedgerRevisions',
		keyFields: ['CompanyId', 'LedgerId'],
		extra: 'ledgerOptions',
		perCompany: true,
		confidence: 'P',
	},
	{
		value: 'account',
		name: 'Chart of Accounts (Kontoplan)',
		swedish: 'Kontoplan',
		contract: 'Accounting',
		method: 'GetAccountRevisions',
		keyFields: ['CompanyId', 'AccountId'],
		extra: 'reportPlan',
		perCompany: true,
		confidence: 'P',
	},
	dimension(1, 'Kostnadsställe'),
	dimension(2, 'Projekt'),
	dimension(3, 'Objekt'),
	dimension(4, 'Förvaltningsområde'),
	{
		value: 'currency',
		name: 'Currency Rates (Valutakurser)',
		swedish: 'Valutakurser',
		contract: 'Supplier',
		method: 'GetCurrencyRevisions',
		keyFields: ['FromCurrency', 'ToCurrency', 'Date'],
		perCompany: false,
		confidence: 'C',
		extraType: true,
	},
	dimension(5, 'Verksamhet', true),
	dimension(6, 'Aktivitet', true),
	dimension(7, 'Motpart', true),
	dimension(8, 'Egen kontering 1', true),
	dimension(9, 'Egen kontering 2', true),
	dimension(10, 'Egen kontering 3', true),
];

export const INFORMATION_TYPE_BY_VALUE = new Map(
	INFORMATION_TYPES.map((type) => [type.value, type]),
);

/** Bulk reads for the initial load ("GetAll" methods: existence C for master data, names U). */
export interface BulkReadType {
	value: string;
	name: string;
	contract: Contract;
	method: string;
	reportPlan?: boolean;
}

export const BULK_READ_TYPES: BulkReadType[] = [
	{
		value: 'customer',
		name: 'Customers (Kunder)',
		contract: 'Customer',
		method: 'GetAllCustomers',
	},
	{
		value: 'supplier',
		name: 'Suppliers (Leverantörer)',
		contract: 'Supplier',
		method: 'GetAllSuppliers',
	},
	{
		value: 'account',
		name: 'Chart of Accounts (Kontoplan)',
		contract: 'Accounting',
		method: 'GetAllAccounts',
		reportPlan: true,
	},
	...Array.from({ length: 10 }, (_, i) => {
		const nn = String(i + 1).padStart(2, '0');
		return {
			value: `dimension${nn}`,
			name: `Dimension ${i + 1}`,
			contract: 'Accounting' as Contract,
			method: `GetAllDimension${nn}`,
		};
	}),
];

export interface VitecConfig {
	baseUrl: string;
	securityMode: SecurityMode;
	soapVersion: SoapVersion;
	serviceNamespace: string;
	typesNamespace: string;
	/** Per data contract; a type not listed uses `typesNamespace`. */
	typeNamespaces: Partial<Record<DataContractType, string>>;
	receiptNames: { parameter: string; eventIds: string; batchId: string };
	servicePaths: Record<Contract, string>;
	/** Method name overrides: information type value, `getAll.<value>`, `listCompanies`, `pendingEvents`, `acknowledge`. */
	methodNames: Record<string, string>;
}

const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** The connection settings from the credential, defaults filled in; a problem is returned as text. */
export function configFromCredentials(
	credentials: ICredentialDataDecryptedObject,
): VitecConfig | string {
	const explicit = String(credentials.baseUrl ?? '').trim();
	const domain = String(credentials.domain ?? '')
		.trim()
		.replace(/\.vitec\.net$/i, '');
	let baseUrl: string;
	if (explicit) {
		if (!/^https?:\/\/[^\s/]+/i.test(explicit))
			return `Base URL "${explicit}" is not a URL like https://company.vitec.net`;
		baseUrl = explicit.replace(/\/+$/, '');
	} else if (DOMAIN.test(domain)) {
		baseUrl = `https://${domain.toLowerCase()}.vitec.net`;
	} else {
		return domain
			? `Domain "${domain}" is not a subdomain: enter only the first part of your Vitec address (companyname for https://companyname.vitec.net)`
			: 'Enter the Domain (the first part of your Vitec address) or a full Base URL in the credential';
	}
	let methodNames: Record<string, string> = {};
	const overrides = String(credentials.methodNameOverrides ?? '').trim();
	if (overrides) {
		try {
			const parsed = JSON.parse(overrides) as unknown;
			if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
				throw new TypeError('not an object');
			methodNames = Object.fromEntries(
				Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
			);
		} catch {
			return 'Method Name Overrides must be a JSON object such as {"customer": "GetCustomerRevisions"}';
		}
	}
	let typeNamespaces: Partial<Record<DataContractType, string>> = {};
	const namespaces = String(credentials.typeNamespaces ?? '').trim();
	if (namespaces) {
		const example = `{"RevisionReciept": "http://schemas.datacontract.org/2004/07/…"}`;
		let parsed: unknown;
		try {
			parsed = JSON.parse(namespaces);
		} catch {
			return `Data Contract Namespaces per Type must be a JSON object such as ${example}`;
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
			return `Data Contract Namespaces per Type must be a JSON object such as ${example}`;
		for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
			if (!(DATA_CONTRACT_TYPES as readonly string[]).includes(name))
				return `Data Contract Namespaces per Type: "${name}" is not one of ${DATA_CONTRACT_TYPES.join(', ')}`;
			if (typeof value !== 'string' || !value.trim())
				return `Data Contract Namespaces per Type: the namespace of ${name} must be a text such as http://schemas.datacontract.org/2004/07/…`;
			typeNamespaces = { ...typeNamespaces, [name]: value.trim() };
		}
	}
	const xmlName = (
		value: unknown,
		fallback: string,
		label: string,
	): string | { problem: string } => {
		const text = String(value ?? '').trim();
		if (!text) return fallback;
		return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(text)
			? text
			: { problem: `${label} "${text}" is not an XML element name` };
	};
	const defaults = VITEC_DEFAULTS.receiptNames;
	const receipt = {
		parameter: xmlName(
			credentials.receiptParameterName,
			defaults.parameter,
			'Receipt Parameter Name',
		),
		eventIds: xmlName(
			credentials.receiptEventIdsMember,
			defaults.eventIds,
			'Receipt Event IDs Member',
		),
		batchId: xmlName(credentials.receiptBatchIdMember, defaults.batchId, 'Receipt Batch ID Member'),
	};
	for (const name of Object.values(receipt)) if (typeof name !== 'string') return name.problem;
	const path = (value: unknown, fallback: string) => {
		const text = String(value ?? '').trim();
		return text ? (text.startsWith('/') || /^https?:/i.test(text) ? text : `/${text}`) : fallback;
	};
	return {
		baseUrl,
		securityMode: credentials.securityMode === 'basic' ? 'basic' : VITEC_DEFAULTS.securityMode,
		soapVersion: credentials.soapVersion === '1.2' ? '1.2' : VITEC_DEFAULTS.soapVersion,
		serviceNamespace:
			String(credentials.serviceNamespace ?? '').trim() || VITEC_DEFAULTS.serviceNamespace,
		typesNamespace:
			String(credentials.typesNamespace ?? '').trim() || VITEC_DEFAULTS.typesNamespace,
		typeNamespaces,
		receiptNames: receipt as VitecConfig['receiptNames'],
		servicePaths: {
			Accounting: path(credentials.accountingServicePath, VITEC_DEFAULTS.servicePaths.Accounting),
			Customer: path(credentials.customerServicePath, VITEC_DEFAULTS.servicePaths.Customer),
			Supplier: path(credentials.supplierServicePath, VITEC_DEFAULTS.servicePaths.Supplier),
		},
		methodNames,
	};
}

/** The method to call for an information type: the receipt variant unless the legacy one is asked for. */
export function revisionMethod(
	config: VitecConfig,
	type: InformationType,
	legacy: boolean,
): string {
	const base = config.methodNames[type.value] ?? type.method;
	return legacy ? base : `${base}WithReceiptRequirement`;
}

export function dataContractNamespace(config: VitecConfig, type: DataContractType): string {
	return config.typeNamespaces[type] ?? config.typesNamespace;
}

export function namedMethod(config: VitecConfig, key: string, fallback: string): string {
	return config.methodNames[key] ?? fallback;
}

export function serviceUrl(config: VitecConfig, contract: Contract): string {
	const path = config.servicePaths[contract];
	return /^https?:/i.test(path) ? path : `${config.baseUrl}${path}`;
}

/** SOAPAction as WCF builds it by default: <namespace><interface>/<method>. */
export function soapAction(config: VitecConfig, contract: Contract, method: string): string {
	const ns = config.serviceNamespace.endsWith('/')
		? config.serviceNamespace
		: `${config.serviceNamespace}/`;
	return `${ns}${VITEC_DEFAULTS.contractInterface[contract]}/${method}`;
}
