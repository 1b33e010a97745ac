import { describe, expect, it } from 'vitest';
import { semanticFromName, tokeniseColumnName } from '../../src/identity/column-name';

describe('tokeniseColumnName', () => {
  it('splits snake, kebab, dots, spaces and camelCase, in lower case', () => {
    expect(tokeniseColumnName('sfdcContactID')).toEqual(['sfdc', 'contact', 'id']);
    expect(tokeniseColumnName('IPAddress')).toEqual(['ip', 'address']);
    expect(tokeniseColumnName('customer.email-address')).toEqual(['customer', 'email', 'address']);
    expect(tokeniseColumnName('Email Address')).toEqual(['email', 'address']);
  });

  it('keeps letters and digits together and drops digit-only tokens', () => {
    expect(tokeniseColumnName('email_sha256')).toEqual(['email', 'sha256']);
    expect(tokeniseColumnName('phone_2')).toEqual(['phone']);
  });
});

describe('semanticFromName', () => {
  it.each([
    ['email', 'email'],
    ['e_mail', 'email'],
    ['E-Mail', 'email'],
    ['Email Address', 'email'],
    ['emailAddress', 'email'],
    ['mail', 'email'],
    ['contact_email', 'email'],
    ['email2', 'email'],
    ['phone', 'phone'],
    ['mobile', 'phone'],
    ['tel', 'phone'],
    ['telephone', 'phone'],
    ['cell', 'phone'],
    ['msisdn', 'phone'],
    ['phone_number', 'phone'],
    ['mobileNo', 'phone'],
    ['uuid', 'uuid'],
    ['guid', 'uuid'],
    ['user_uuid', 'uuid'],
    ['email_sha256', 'hashed'],
    ['hashed_email', 'hashed'],
    ['email_hash', 'hashed'],
    ['md5', 'hashed'],
    ['sha1', 'hashed'],
    ['sha256', 'hashed'],
    ['hem', 'hashed'],
    ['_ga', 'ga_client_id'],
    ['ga_client_id', 'ga_client_id'],
    ['gaClientId', 'ga_client_id'],
    ['cid', 'ga_client_id'],
    ['ip', 'ip'],
    ['ip_address', 'ip'],
    ['IPAddress', 'ip'],
    ['client_ip', 'ip'],
    ['url', 'url'],
    ['website', 'url'],
    ['page', 'url'],
    ['landing_page', 'url'],
    ['referrer', 'url'],
    ['link', 'url'],
    ['page_url', 'url'],
    ['zip', 'postal_code'],
    ['zipcode', 'postal_code'],
    ['zip_code', 'postal_code'],
    ['postcode', 'postal_code'],
    ['postal_code', 'postal_code'],
    ['PLZ', 'postal_code'],
    ['country', 'country'],
    ['country_code', 'country'],
    ['billingCountry', 'country'],
    ['first_name', 'first_name'],
    ['firstname', 'first_name'],
    ['FirstName', 'first_name'],
    ['given_name', 'first_name'],
    ['fname', 'first_name'],
    ['forename', 'first_name'],
    ['last_name', 'last_name'],
    ['surname', 'last_name'],
    ['family_name', 'last_name'],
    ['lname', 'last_name'],
    ['name', 'full_name'],
    ['full_name', 'full_name'],
    ['display_name', 'full_name'],
    ['customer_name', 'full_name'],
    ['contactName', 'full_name'],
    ['handle', 'handle'],
    ['username', 'handle'],
    ['user_name', 'handle'],
    ['screen_name', 'handle'],
    ['twitter', 'handle'],
    ['instagram', 'handle'],
    ['instagram_url', 'handle'],
    ['social', 'handle'],
    ['customer_id', 'identifier'],
    ['sfdc_contact_id', 'identifier'],
    ['anonymousId', 'identifier'],
    ['userId', 'identifier'],
    ['user_id', 'identifier'],
    ['device_id', 'identifier'],
    ['cookie_id', 'identifier'],
    ['client_id', 'identifier'],
    ['account_number', 'identifier'],
    ['Customer No.', 'identifier'],
    ['idfa', 'identifier'],
    ['gaid', 'identifier'],
    ['email_id', 'identifier'],
    ['status_code', 'identifier'],
    ['ID', 'identifier'],
  ] as const)('reads %j as %s', (name, type) => {
    expect(semanticFromName(name)).toBe(type);
  });

  it.each(['notes', 'status', 'company_name', 'created_at', 'last_login', 'email_opt_in', 'address', 'amount', ''])(
    'finds no type in %j',
    (name) => {
      expect(semanticFromName(name)).toBeNull();
    },
  );
});
