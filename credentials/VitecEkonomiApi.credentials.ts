import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { VITEC_DEFAULTS } from '../nodes/Vitec/config';
import { applySecurity } from '../nodes/Vitec/security';

/**
 * Vitec Ekonomi (VitecEkonomiServices, SOAP): an API user and password for the customer's installation
 * at https://<domain>.vitec.net. How the login is sent, the SOAP version, namespaces and service paths are
 * not public (docs/api/vitec.md §2, §12), so they are advanced settings with our best guess as default.
 * The credential test (the Test button) is the nodes' `vitecEkonomiApiTest` method: it calls
 * GetListOfPendingEvents (or the company list) and shows Vitec's ServiceFault messages.
 */
export class VitecEkonomiApi implements ICredentialType {
	name = 'vitecEkonomiApi';

	displayName = 'Vitec Ekonomi API';

	icon: Icon = {
		light: 'file:../nodes/Vitec/vitec.svg',
		dark: 'file:../nodes/Vitec/vitec.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-accounting-erp/n8n-nodes-accounting-erp/blob/main/docs/vitec.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			default: '',
			placeholder: 'companyname',
			description:
				'The first part of your Vitec address: "companyname" for https://companyname.vitec.net',
		},
		{
			displayName: 'API User Name',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description:
				'The API user your Vitec administrator created, with read permission on the companies to integrate',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Integration-ID for the Test',
			name: 'integrationId',
			type: 'string',
			default: '',
			description:
				'Optional. The Integration-ID of your Prenumeration: the Test button then checks it with GetListOfPendingEvents (without it, the test lists the companies).',
		},
		{
			displayName: 'Advanced Settings',
			name: 'advanced',
			type: 'boolean',
			default: false,
			description:
				'Whether to show the connection details Vitec has not published (our defaults are a best guess; the WSDL of your installation tells the real values)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://companyname.vitec.net',
			description:
				'Replaces the Domain: a full address, for special hosting, a test server or the sandbox',
			displayOptions: { show: { advanced: [true] } },
		},
		{
			displayName: 'Security Mode',
			name: 'securityMode',
			type: 'options',
			options: [
				{ name: 'WS-Security UsernameToken (in the SOAP Header)', value: 'wsse' },
				{ name: 'HTTP Basic', value: 'basic' },
			],
			default: VITEC_DEFAULTS.securityMode,
			description:
				'How the user name and password are sent. A wsp:Policy with sp:UsernameToken in the WSDL means WS-Security.',
			displayOptions: { show: { advanced: [true] } },
		},
		{
			displayName: 'SOAP Version',
			name: 'soapVersion',
			type: 'options',
			options: [
				{ name: 'SOAP 1.1 (basicHttpBinding)', value: '1.1' },
				{ name: 'SOAP 1.2 (wsHttpBinding)', value: '1.2' },
			],
			default: VITEC_DEFAULTS.soapVersion,
			displayOptions: { show: { advanced: [true] } },
		},
		{
			displayName: 'Service Namespace',
			name: 'serviceNamespace',
			type: 'string',
			default: VITEC_DEFAULTS.serviceNamespace,
			description:
				'The targetNamespace of the services in the WSDL; SOAPAction is <namespace><interface>/<method>',
			displayOptions: { show: { advanced: [true] } },
		},
		{
			displayName: 'Data Contract Namespace',
			name: 'typesNamespace',
			type: 'string',
			default: VITEC_DEFAULTS.typesNamespace,
			description:
				'The namespace of CompanySelector, RevisionReciept and the options classes in the WSDL, unless set per type below',
			displayOptions: { show: { advanced: [true] } },
		},
		{
			displayName: 'Data Contract Namespaces per Type (JSON)',
			name: 'typeNamespaces',
			type: 'string',
			default: '',
			placeholder:
				'{"RevisionReciept": "http://schemas.datacontract.org/2004/07/Vitec.Ekonomi.Services.Common"}',
			description:
				'Namespaces that differ from the one above, by class: CompanySelector, RevisionReciept, GetSalesLedgerRevisionsOptions, GetSupplierLedgerRevisionsOptions. Vitec ignores members in a wrong namespace without an error.',
			displayOptions: { show: { advanced: [true] } },
		},
		{
			displayName: 'Receipt Parameter Name',
			name: 'receiptParameterName',
			type: 'string',
			default: VITEC_DEFAULTS.receiptNames.parameter,
			description:
				'The name of the RevisionReciept parameter of SendProofOfReceiptForRevisions in the WSDL',
			displayOptions: { show: { advanced: [true] } },
		},
		{
			displayName: 'Receipt Event IDs Member',
			name: 'receiptEventIdsMember',
			type: 'string',
			default: VITEC_DEFAULTS.receiptNames.eventIds,
			description:
				'The member of RevisionReciept that lists the event IDs. A wrong name makes Vitec accept the receipt and remove nothing: the trigger then stops with an error.',
			displayOptions: { show: { advanced: [true] } },
		},
		{
			displayName: 'Receipt Batch ID Member',
			name: 'receiptBatchIdMember',
			type: 'string',
			default: VITEC_DEFAULTS.receiptNames.batchId,
			description:
				'The member of RevisionReciept that carries the batch ID (sent as 0: Vitec does not use it yet)',
			displayOptions: { show: { advanced: [true] } },
		},
		{
			displayName: 'Accounting Service Path',
			name: 'accountingServicePath',
			type: 'string',
			default: VITEC_DEFAULTS.servicePaths.Accounting,
			displayOptions: { show: { advanced: [true] } },
		},
		{
			displayName: 'Customer Service Path',
			name: 'customerServicePath',
			type: 'string',
			default: VITEC_DEFAULTS.servicePaths.Customer,
			displayOptions: { show: { advanced: [true] } },
		},
		{
			displayName: 'Supplier Service Path',
			name: 'supplierServicePath',
			type: 'string',
			default: VITEC_DEFAULTS.servicePaths.Supplier,
			displayOptions: { show: { advanced: [true] } },
		},
		{
			displayName: 'Method Name Overrides (JSON)',
			name: 'methodNameOverrides',
			type: 'string',
			default: '',
			placeholder: '{"customer": "GetCustomerRevisions", "listCompanies": "GetCompanies"}',
			description:
				'Method names to use instead of ours, by information type (e.g. customer, customerPayment), getAll.<type>, listCompanies, pendingEvents or acknowledge. Receipt variants add WithReceiptRequirement themselves.',
			displayOptions: { show: { advanced: [true] } },
		},
	];

	// The login goes into the SOAP envelope (WS-Security) or into HTTP Basic, never through node code.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return applySecurity(credentials, requestOptions);
	}
}
