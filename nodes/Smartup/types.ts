import type { IDataObject } from 'n8n-workflow';

/** `limits` of a document export (docs/api/smartup.md §4.7); values may be strings. */
export interface SmartupLimits {
	has_limit?: string;
	limit_quant?: string | number;
	request_quant?: string | number;
	left_limit_quant?: string | number;
	object_count?: string | number;
	day_range_limit?: string | number;
}

export interface ImportAnswer {
	successes?: IDataObject[];
	errors?: IDataObject[];
}

/** One date filter of an export: a begin/end pair, or a single date (order delivery date). */
export interface DateFilter {
	name: string;
	value: string;
	begin: string;
	end?: string;
}

/** What differs between the document types (docs/api/smartup.md §5 and §8): everything else is shared. */
export interface DocumentType {
	resource: string;
	/** Singular label, e.g. "Order Return". */
	label: string;
	/** Russian name shown in hints (the system's own term). */
	russian: string;
	exportPath: string;
	/** Undefined for export-only documents (visits): no Import action. */
	importPath?: string;
	/** Array key of the request and the response. */
	root: string;
	/** The Smartup ID of one document, e.g. deal_id. */
	idField: string;
	/** The nested lines array, when the document has lines. */
	linesKey?: string;
	dateFilters: DateFilter[];
	/** Header fields the API marks as required. */
	required: string[];
	/** Line fields the API marks as required (docs/api/smartup.md §8: only return and receipt lines have any). */
	requiredLine?: string[];
	/** An example of the header fields, shown as the default of Document Fields. */
	example: IDataObject;
	exampleLine?: IDataObject;
}

const created: DateFilter = {
	name: 'Created On',
	value: 'created',
	begin: 'begin_created_on',
	end: 'end_created_on',
};
const modified: DateFilter = {
	name: 'Modified On',
	value: 'modified',
	begin: 'begin_modified_on',
	end: 'end_modified_on',
};
const docDate = (name: string, field: string): DateFilter => ({
	name,
	value: 'document',
	begin: `begin_${field}`,
	end: `end_${field}`,
});

export const DOCUMENT_TYPES: Record<string, DocumentType> = {
	visit: {
		resource: 'visit',
		label: 'Visit',
		russian: 'Визит',
		// docs/api/smartup.md §8.12: export only; the answer nests visit_headers, stocks, merchandisings.
		exportPath: '/b/trade/txs/tvt/visit$export',
		root: 'visit',
		idField: 'visit_id',
		dateFilters: [docDate('Visit Date', 'visit_date'), created, modified],
		required: [],
		example: {},
	},
	logistics: {
		resource: 'logistics',
		label: 'Logistics Trip',
		russian: 'Логистика (рейс доставки)',
		// docs/api/smartup.md §8.12: {logistics_id, external_id, delivery_date, expeditor_code, van_code, lap, deals:[{deal_id}]}.
		exportPath: '/b/trade/txs/tdeal/logistics$export',
		importPath: '/b/trade/txs/tdeal/logistics$import',
		root: 'logistics',
		idField: 'logistics_id',
		dateFilters: [created, modified],
		required: [],
		example: {
			delivery_date: '2026-03-06',
			expeditor_code: 'EX1',
			van_code: 'V1',
			deals: [{ deal_id: '5001' }],
		},
	},
	order: {
		resource: 'order',
		label: 'Order',
		russian: 'Заказ',
		exportPath: '/b/trade/txs/tdeal/order$export',
		importPath: '/b/trade/txs/tdeal/order$import',
		root: 'order',
		idField: 'deal_id',
		linesKey: 'order_products',
		dateFilters: [
			docDate('Deal Date', 'deal_date'),
			created,
			modified,
			{ name: 'Delivery Date', value: 'delivery', begin: 'delivery_date' },
		],
		required: ['delivery_date', 'deal_time', 'status'],
		example: {
			deal_time: '2026-03-05 10:15:00',
			delivery_date: '2026-03-06',
			status: 'B#N',
			room_code: 'R1',
			robot_code: 'AG1',
			sales_manager_code: 'SM1',
			person_code: 'C-77',
			currency_code: '860',
		},
		exampleLine: {
			product_code: 'P-10',
			inventory_kind: 'G',
			warehouse_code: '001',
			order_quant: 5,
			price_type_code: '777',
			product_price: 12000,
		},
	},
	orderReturn: {
		resource: 'orderReturn',
		label: 'Order Return',
		russian: 'Возврат заказа',
		exportPath: '/b/anor/mxsx/mdeal/return$export',
		importPath: '/b/anor/mxsx/mdeal/return$import',
		root: 'return',
		idField: 'deal_id',
		linesKey: 'return_products',
		dateFilters: [docDate('Return Date', 'return_date'), created, modified],
		required: [
			'delivery_date',
			'deal_time',
			'status',
			'currency_code',
			'room_code',
			'robot_code',
			'sales_manager_code',
			'person_code',
		],
		requiredLine: ['warehouse_code'],
		example: {
			deal_time: '2026-03-05 10:15:00',
			delivery_date: '2026-03-05',
			status: 'D',
			currency_code: '860',
			room_code: 'R1',
			robot_code: 'AG1',
			sales_manager_code: 'SM1',
			person_code: 'C-77',
		},
		exampleLine: {
			product_code: 'P-10',
			inventory_kind: 'G',
			warehouse_code: '001',
			return_quant: 1,
			product_price: 12000,
		},
	},
	purchase: {
		resource: 'purchase',
		label: 'Purchase',
		russian: 'Закуп',
		exportPath: '/b/anor/mxsx/mkw/purchase$export',
		importPath: '/b/anor/mxsx/mkw/purchase$import',
		root: 'purchase',
		idField: 'purchase_id',
		linesKey: 'purchase_items',
		dateFilters: [docDate('Purchase Date', 'purchase_date'), created, modified],
		required: ['purchase_time', 'status_code', 'supplier_code', 'currency_code', 'posted'],
		example: {
			purchase_time: '2026-03-05 10:00:00',
			status_code: 'D',
			supplier_code: 'S-1',
			warehouse_code: '001',
			currency_code: '860',
			posted: 'N',
		},
		exampleLine: { product_code: 'P-10', inventory_kind: 'G', quantity: 10, price: 9000 },
	},
	warehouseReceipt: {
		resource: 'warehouseReceipt',
		label: 'Warehouse Receipt',
		russian: 'Поступление на склад',
		exportPath: '/b/anor/mxsx/mkw/input$export',
		importPath: '/b/anor/mxsx/mkw/input$import',
		root: 'input',
		idField: 'input_id',
		linesKey: 'input_items',
		dateFilters: [docDate('Receipt Date', 'input_date'), created, modified],
		required: ['input_time', 'warehouse_code'],
		requiredLine: ['purchase_id', 'purchase_item_id', 'quantity'],
		example: { input_time: '2026-03-05 10:00:00', status: 'D', warehouse_code: '001' },
		exampleLine: { purchase_id: '1001', purchase_item_id: '2001', quantity: 10 },
	},
	internalMovement: {
		resource: 'internalMovement',
		label: 'Internal Movement',
		russian: 'Внутреннее перемещение',
		exportPath: '/b/anor/mxsx/mkw/movement$export',
		importPath: '/b/anor/mxsx/mkw/movement$import',
		root: 'movement',
		idField: 'movement_id',
		linesKey: 'movement_items',
		dateFilters: [
			docDate('Sent Date', 'from_movement_date'),
			{ ...docDate('Received Date', 'to_movement_date'), value: 'received' },
			created,
			modified,
		],
		required: [
			'from_movement_date',
			'to_movement_date',
			'from_warehouse_code',
			'to_warehouse_code',
		],
		example: {
			from_movement_date: '2026-03-05',
			to_movement_date: '2026-03-05',
			status: 'D',
			from_warehouse_code: '001',
			to_warehouse_code: '002',
		},
		exampleLine: { product_code: 'P-10', inventory_kind: 'G', quantity: 3 },
	},
	crossOrgMovement: {
		resource: 'crossOrgMovement',
		label: 'Cross-Organization Movement',
		russian: 'Перемещение между организациями',
		exportPath: '/b/anor/mxsx/mfm/movement$export',
		importPath: '/b/anor/mxsx/mfm/movement$import',
		root: 'movement',
		idField: 'movement_id',
		linesKey: 'movement_items',
		dateFilters: [
			docDate('Sent Date', 'from_date'),
			{ ...docDate('Received Date', 'to_date'), value: 'received' },
			created,
			modified,
		],
		// docs/api/smartup.md §8.4: the sender side, currency and price type; to_warehouse_code is optional.
		required: [
			'from_filial_code',
			'from_room_code',
			'from_robot_code',
			'from_robot_person_code',
			'from_warehouse_code',
			'from_time',
			'to_filial_code',
			'currency_code',
			'price_type_code',
		],
		example: {
			from_filial_code: '01',
			from_room_code: 'R1',
			from_robot_code: 'AG1',
			from_robot_person_code: 'N-1',
			from_warehouse_code: '001',
			from_time: '2026-03-05 10:00:00',
			to_filial_code: '02',
			to_warehouse_code: '101',
			currency_code: '860',
			price_type_code: '777',
			status: 'D',
		},
		exampleLine: {
			product_code: 'P-10',
			from_inventory_kind: 'G',
			to_inventory_kind: 'G',
			quantity: 3,
		},
	},
	supplierReturn: {
		resource: 'supplierReturn',
		label: 'Supplier Return',
		russian: 'Возврат поставщику',
		exportPath: '/b/anor/mxsx/mkw/return$export',
		importPath: '/b/anor/mxsx/mkw/return$import',
		root: 'return',
		idField: 'return_id',
		linesKey: 'return_items',
		dateFilters: [docDate('Return Date', 'return_date'), created, modified],
		required: ['return_time', 'warehouse_code', 'currency_code', 'supplier_code'],
		example: {
			return_time: '2026-03-05 10:00:00',
			status: 'D',
			warehouse_code: '001',
			currency_code: '860',
			supplier_code: 'S-1',
		},
		exampleLine: { product_code: 'P-10', inventory_kind: 'G', quantity: 2, price: 9000 },
	},
	stocktaking: {
		resource: 'stocktaking',
		label: 'Stocktaking',
		russian: 'Инвентаризация',
		exportPath: '/b/anor/mxsx/mkw/stocktaking$export',
		importPath: '/b/anor/mxsx/mkw/stocktaking$import',
		root: 'stocktaking',
		idField: 'stocktaking_id',
		linesKey: 'stocktaking_items',
		dateFilters: [docDate('Stocktaking Date', 'stocktaking_date'), created, modified],
		required: ['stocktaking_date', 'warehouse_code', 'currency_code'],
		example: {
			stocktaking_date: '2026-03-05',
			status: 'D',
			warehouse_code: '001',
			currency_code: '860',
		},
		exampleLine: { product_code: 'P-10', inventory_kind: 'G', quantity: 139, income_price: 9000 },
	},
	writeOff: {
		resource: 'writeOff',
		label: 'Write-Off',
		russian: 'Списание',
		exportPath: '/b/anor/mxsx/mkw/writeoff$export',
		importPath: '/b/anor/mxsx/mkw/writeoff$import',
		root: 'writeoff',
		idField: 'writeoff_id',
		linesKey: 'writeoff_items',
		dateFilters: [docDate('Write-Off Date', 'writeoff_date'), created, modified],
		required: ['writeoff_date', 'warehouse_code', 'currency_code'],
		example: {
			writeoff_date: '2026-03-05',
			status: 'D',
			warehouse_code: '001',
			currency_code: '860',
		},
		exampleLine: { product_code: 'P-10', inventory_kind: 'G', quantity: 1 },
	},
	clientPayment: {
		resource: 'clientPayment',
		label: 'Client Payment',
		russian: 'Оплата от клиента',
		exportPath: '/b/trade/txs/tcs/cashin$export',
		importPath: '/b/trade/txs/tcs/cashin$import',
		root: 'cashin',
		idField: 'cashin_id',
		dateFilters: [docDate('Payment Date', 'cashin_date'), created, modified],
		required: [
			'cashin_time',
			'cashin_date',
			'client_code',
			'payment_type_code',
			'currency_code',
			'cashbox_code',
			'amount',
			'posted',
		],
		example: {
			cashin_date: '2026-03-05',
			cashin_time: '2026-03-05 10:00:00',
			client_code: 'C-77',
			payment_type_code: 'PYMT:1',
			currency_code: '860',
			cashbox_code: 'K1',
			amount: 150000,
			posted: 'N',
		},
	},
	cashOperation: {
		resource: 'cashOperation',
		label: 'Cash Operation',
		russian: 'Кассовый документ',
		exportPath: '/b/anor/mxsx/mkcs/cash_operation$export',
		importPath: '/b/anor/mxsx/mkcs/cash_operation$import',
		root: 'cash_operation',
		idField: 'operation_id',
		dateFilters: [docDate('Operation Date', 'operation_date'), created, modified],
		required: [
			'operation_date',
			'posted',
			'cashbox_code',
			'cashflow_reason_code',
			'cashflow_kind',
			'corr_coa_code',
			'currency_code',
			'amount',
		],
		example: {
			operation_date: '2026-03-05',
			posted: 'N',
			cashbox_code: 'K1',
			cashflow_reason_code: 'CF1',
			cashflow_kind: 'I',
			corr_coa_code: '4010',
			currency_code: '860',
			amount: 50000,
		},
	},
	bankOperation: {
		resource: 'bankOperation',
		label: 'Bank Operation',
		russian: 'Банковский документ (выписка)',
		exportPath: '/b/anor/mxsx/mkcs/bank_operation$export',
		importPath: '/b/anor/mxsx/mkcs/bank_operation$import',
		root: 'bank_operation',
		idField: 'operation_id',
		dateFilters: [docDate('Operation Date', 'operation_date'), created, modified],
		required: ['operation_date', 'posted', 'bank_account_code', 'currency_code', 'amount'],
		example: {
			operation_date: '2026-03-05',
			posted: 'N',
			bank_account_code: 'B1',
			cashflow_reason_code: 'CF1',
			cashflow_kind: 'I',
			corr_coa_code: '4010',
			currency_code: '860',
			amount: 50000,
		},
	},
};

/** Reference types imported by `code` (docs/api/smartup.md §8.5-8.7). */
export interface ReferenceType {
	resource: string;
	label: string;
	russian: string;
	exportPath: string;
	importPath: string;
	root: string;
	idField: string;
	required: string[];
	example: IDataObject;
	/** Defaults filled in when the user does not give them. */
	defaults: IDataObject;
}

export const REFERENCE_TYPES: Record<string, ReferenceType> = {
	product: {
		resource: 'product',
		label: 'Product',
		russian: 'ТМЦ (товарно-материальные ценности)',
		exportPath: '/b/anor/mxsx/mr/inventory$export',
		importPath: '/b/anor/mxsx/mr/inventory$import',
		root: 'inventory',
		idField: 'product_id',
		required: ['code', 'name', 'measure_code', 'state'],
		example: {
			name: 'Tea 100 g',
			measure_code: 'pcs',
			barcodes: '4780000000017',
			inventory_kinds: [{ inventory_kind: 'G' }],
		},
		defaults: { state: 'A' },
	},
	legalPerson: {
		resource: 'legalPerson',
		label: 'Legal Person',
		russian: 'Юридическое лицо',
		exportPath: '/b/anor/mxsx/mr/legal_person$export',
		importPath: '/b/anor/mxsx/mr/legal_person$import',
		root: 'legal_person',
		idField: 'person_id',
		required: ['code', 'name', 'short_name', 'is_budgetarian', 'state'],
		example: {
			name: 'OOO Example',
			tin: '301234567',
			is_client: 'Y',
			is_supplier: 'N',
			main_phone: '+998901234567',
		},
		defaults: { state: 'A', is_budgetarian: 'N' },
	},
	naturalPerson: {
		resource: 'naturalPerson',
		label: 'Natural Person',
		russian: 'Физическое лицо',
		exportPath: '/b/anor/mxsx/mr/natural_person$export',
		importPath: '/b/anor/mxsx/mr/natural_person$import',
		root: 'natural_person',
		idField: 'person_id',
		// gender is marked required, but the vendor's own test imports a natural person without it (docs/api/smartup.md §8.7).
		required: ['code', 'first_name', 'is_budgetarian', 'state'],
		example: {
			first_name: 'Aziz',
			last_name: 'Karimov',
			gender: 'M',
			is_client: 'Y',
			main_phone: '+998901234567',
		},
		defaults: { state: 'A', is_budgetarian: 'N' },
	},
};

/**
 * The other references of the official collection (docs/api/smartup.md §8.11): imported and exported by `code`.
 * The collection marks no field of them required; `code` is what an import is keyed by.
 */
const otherReference = (
	resource: string,
	label: string,
	russian: string,
	module: string,
	root: string,
	idField: string,
	example: IDataObject,
): ReferenceType => ({
	resource,
	label,
	russian,
	exportPath: `/b/anor/mxsx/${module}/${root}$export`,
	importPath: `/b/anor/mxsx/${module}/${root}$import`,
	root,
	idField,
	required: ['code'],
	example,
	defaults: { state: 'A' },
});

REFERENCE_TYPES.contract = otherReference(
	'contract',
	'Contract',
	'Договор',
	'mkf',
	'contract',
	'contract_id',
	{
		name: 'Supply 2026',
		contract_number: 'C-2026-1',
		contract_date: '2026-01-10',
		person_code: 'C-77',
		currency_code: '860',
	},
);
REFERENCE_TYPES.returnReason = otherReference(
	'returnReason',
	'Return Reason',
	'Причина возврата',
	'mdeal',
	'return_reason',
	'return_reason_id',
	{ name: 'Damaged' },
);
REFERENCE_TYPES.service = otherReference(
	'service',
	'Service',
	'Услуга',
	'mr',
	'service',
	'service_id',
	{ name: 'Delivery', short_name: 'Delivery', measure_code: 'pcs' },
);
REFERENCE_TYPES.productGroup = otherReference(
	'productGroup',
	'Product Group',
	'Группа ТМЦ',
	'mr',
	'product_group',
	'product_group_id',
	{ name: 'Brand', product_kind: 'I' },
);
REFERENCE_TYPES.producer = otherReference(
	'producer',
	'Producer',
	'Производитель',
	'mr',
	'producer',
	'code',
	{ person_code: 'S-1' },
);
REFERENCE_TYPES.personGroup = otherReference(
	'personGroup',
	'Person Group',
	'Группа лиц',
	'mr',
	'person_group',
	'person_group_id',
	{ name: 'Channel', person_kind: 'L' },
);

/**
 * Price types are imported like a reference, by `code` (docs/api/smartup.md §8.9), but exported through the v2
 * paged export (Price Type › Get Many), so they are not among REFERENCE_TYPES.
 */
export const PRICE_TYPE: ReferenceType = {
	resource: 'priceType',
	label: 'Price Type',
	russian: 'Тип цены',
	exportPath: '/b/anor/api/v2/mkr/price_type$export',
	importPath: '/b/anor/api/v2/mkr/price_type$import',
	root: 'price_type',
	idField: 'code',
	required: ['code'],
	example: {
		name: 'Retail',
		short_name: 'Retail',
		price_type_kind: 'S',
		currency_code: '860',
		with_card: 'N',
	},
	defaults: { state: 'A' },
};

export const ORDER_STATUSES: Array<{ value: string; name: string; russian: string }> = [
	{ value: 'D', name: 'Draft', russian: 'Черновик' },
	{ value: 'B#N', name: 'New', russian: 'Новый' },
	{ value: 'B#E', name: 'In Progress', russian: 'В обработке' },
	{ value: 'B#W', name: 'Waiting', russian: 'В ожидании' },
	{ value: 'B#S', name: 'Shipped', russian: 'Отгружен' },
	{ value: 'B#V', name: 'Delivered', russian: 'Доставлен' },
	{ value: 'A', name: 'Archived', russian: 'Архив' },
	{ value: 'C', name: 'Cancelled', russian: 'Отменен' },
];

/**
 * Statuses of a cross-organization movement (docs/api/smartup.md §8.4): the collection lists the letters and names
 * only L (cancelled); D and N are draft and new as on other documents. The others are shown by their letter.
 */
export const CROSS_ORG_MOVEMENT_STATUSES: Array<{ value: string; name: string }> = [
	{ value: 'D', name: 'Draft' },
	{ value: 'N', name: 'New' },
	...['W', 'S', 'A', 'R', 'C'].map((value) => ({ value, name: `Status ${value}` })),
	{ value: 'L', name: 'Cancelled' },
];

export const PATHS = {
	orderChangeStatus: '/b/trade/txs/tdeal/order$change_status',
	orderAttachData: '/b/trade/txs/tdeal/order$attach_data',
	orderMarkingCodes: '/b/anor/mxsx/mdeal/order$import_order_marking_codes',
	warehouseExport: '/b/anor/mxsx/mkw/warehouse$export',
	roomExport: '/b/anor/mxsx/mrf/room$export',
	priceTypeExport: '/b/anor/api/v2/mkr/price_type$export',
	priceExport: '/b/anor/api/v2/mkf/product_price$export',
	priceImport: '/b/anor/api/v2/mkf/product_price$import',
	balanceExport: '/b/anor/mxsx/mkw/balance$export',
};
