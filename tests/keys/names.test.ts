import { describe, expect, it } from 'vitest';
import { isOwnIdName, nameSimilarity, nameWords } from '../../src/keys/names';

const sim = (from: string, to: string): number => {
  const [fd, fc] = from.split('.') as [string, string];
  const [td, tc] = to.split('.') as [string, string];
  return nameSimilarity({ dataset: fd, column: fc }, { dataset: td, column: tc });
};

describe('nameWords', () => {
  it('splits camelCase, PascalCase, snake_case, dots and spaces, dropping id words', () => {
    expect(nameWords('SupportRepId')).toEqual(['support', 'rep']);
    expect(nameWords('ship_via')).toEqual(['ship', 'via']);
    expect(nameWords('customerID')).toEqual(['customer']);
    expect(nameWords('fk_customer_no')).toEqual(['customer']);
    expect(nameWords('order.customer.id')).toEqual(['order', 'customer']);
    expect(nameWords('Customer Number')).toEqual(['customer']);
    expect(nameWords('MediaTypeId')).toEqual(['media', 'type']);
  });

  it('keeps acronyms whole', () => {
    expect(nameWords('HTTPRequestId')).toEqual(['http', 'request']);
    expect(nameWords('XMLHttpRequest')).toEqual(['xml', 'http', 'request']);
    expect(nameWords('ISBN13')).toEqual(['isbn13']);
  });

  it('folds plurals', () => {
    expect(nameWords('Categories')).toEqual(['category']);
    expect(nameWords('addresses')).toEqual(['address']);
    expect(nameWords('boxes')).toEqual(['box']);
    expect(nameWords('churches')).toEqual(['church']);
    expect(nameWords('shippers')).toEqual(['shipper']);
    expect(nameWords('class')).toEqual(['class']);
    expect(nameWords('bus')).toEqual(['bus']);
  });

  it('gives no words for names that are only id words', () => {
    expect(nameWords('id')).toEqual([]);
    expect(nameWords('ID')).toEqual([]);
    expect(nameWords('pk_id')).toEqual([]);
  });

  // Product bug: the acronym rule splits a plural acronym ("IDs") into "I" + "Ds".
  it('treats a plural acronym as one word', () => {
    expect(nameWords('UserIDs')).toEqual(['user']);
  });
});

describe('nameSimilarity', () => {
  it('is 1 for the same words whatever the style (Chinook, Northwind)', () => {
    expect(sim('Invoice.CustomerId', 'Customer.CustomerId')).toBe(1);
    expect(sim('orders.customer_id', 'customers.CustomerId')).toBe(1);
    expect(sim('order_details.product_id', 'products.product_id')).toBe(1);
    expect(sim('Track.MediaTypeId', 'MediaType.MediaTypeId')).toBe(1);
  });

  it('is 0.8 when a word starts a word of the target or its dataset (ship_via to shippers.shipper_id)', () => {
    expect(sim('orders.ship_via', 'shippers.shipper_id')).toBe(0.8);
  });

  it('is 0.7 for role synonyms (SupportRepId to Employee.EmployeeId)', () => {
    expect(sim('Customer.SupportRepId', 'Employee.EmployeeId')).toBe(0.7);
    expect(sim('orders.vendor_no', 'suppliers.supplier_id')).toBe(0.7);
  });

  it('is 0.7 for a self reference inside one dataset only', () => {
    expect(sim('employees.reports_to', 'employees.employee_id')).toBe(0.7);
    expect(sim('Employee.ReportsTo', 'Employee.EmployeeId')).toBe(0.7);
    expect(sim('employees.reports_to', 'customers.customer_id')).toBe(0);
  });

  it('is 0 for unrelated names', () => {
    expect(sim('Invoice.BillingCity', 'Customer.CustomerId')).toBe(0);
    expect(sim('Track.AlbumId', 'Artist.ArtistId')).toBe(0);
    expect(sim('products.category_id', 'suppliers.supplier_id')).toBe(0);
    expect(sim('a.id', 'b.id')).toBe(0);
  });
});

describe('isOwnIdName', () => {
  it('is true for a column named after its dataset', () => {
    expect(isOwnIdName({ dataset: 'Invoice', column: 'InvoiceId' })).toBe(true);
    expect(isOwnIdName({ dataset: 'orders', column: 'order_id' })).toBe(true);
    expect(isOwnIdName({ dataset: 'invoice_lines', column: 'InvoiceLineId' })).toBe(true);
  });

  it('is false for foreign keys, self references and bare ids', () => {
    expect(isOwnIdName({ dataset: 'Invoice', column: 'CustomerId' })).toBe(false);
    expect(isOwnIdName({ dataset: 'Employee', column: 'ReportsTo' })).toBe(false);
    expect(isOwnIdName({ dataset: 'customers', column: 'id' })).toBe(false);
  });
});
