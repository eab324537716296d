-- Assertions for the optional supabase/migrations/*_users_mfa.sql, run by
-- run_migration_test.sh right after policies_test.sql (whose test.* helpers
-- and cast it reuses: alice, dave and nico have profile rows, bob is gone).
--
-- alice enrols a verified factor, dave only an unverified one, nico none;
-- gina is new, with a verified factor and no profile yet.

\set VERBOSITY terse
\o /dev/null
set client_min_messages = notice;
select setval('test.passed', 1, false);

begin;
set local role supabase_auth_admin;
insert into auth.users (id, email) values
    ('09090909-0909-4909-8909-090909090909', 'gina@example.com');
insert into auth.mfa_factors (id, user_id, status) values
    ('a1a1a1a1-a1a1-4a1a-8a1a-a1a1a1a1a1a1', 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'verified'),
    ('d1d1d1d1-d1d1-4d1d-8d1d-d1d1d1d1d1d1', 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', 'unverified'),
    ('01010101-0101-4101-8101-010101010101', '09090909-0909-4909-8909-090909090909', 'verified');
commit;

-- alice at aal1: her row is hidden and cannot be changed.
begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa","role":"authenticated","aal":"aal1"}';
select test.check_rows('with a verified factor, aal1 cannot read the own row',
    $$select * from public.users where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'$$, 0);
select test.check_rows('nor update it',
    $$update public.users set display_name = 'Alice at aal1' where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'$$, 0);
select test.check_sqlstate('the factors themselves stay out of the client''s reach',
    $$select * from auth.mfa_factors$$, '42501');
commit;

-- A token without an aal claim is taken for aal1.
begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa","role":"authenticated"}';
select test.check_rows('without an aal claim the row stays hidden',
    $$select * from public.users where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'$$, 0);
commit;

-- alice at aal2: everything the first migration allows.
begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa","role":"authenticated","aal":"aal2"}';
select test.check_rows('at aal2 alice reads her row',
    $$select * from public.users where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'$$, 1);
select test.check_rows('and updates it',
    $$update public.users set display_name = 'Alice at aal2' where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'$$, 1);
select test.check_rows('the restrictive policy grants nothing: dave''s row stays hidden',
    $$select * from public.users where id = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'$$, 0);
commit;
select test.check_eq('the aal2 update landed',
    (select display_name from public.users where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'), 'Alice at aal2');

-- Users without a verified factor are not affected.
begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"dddddddd-dddd-4ddd-8ddd-dddddddddddd","role":"authenticated","aal":"aal1"}';
select test.check_rows('an unverified factor does not require aal2',
    $$select * from public.users where id = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'$$, 1);
commit;
begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"abcdefab-cdef-4abc-8def-abcdefabcdef","role":"authenticated","aal":"aal1"}';
select test.check_rows('without any factor aal1 still reads and updates',
    $$update public.users set display_name = 'Nico again' where id = 'abcdefab-cdef-4abc-8def-abcdefabcdef'$$, 1);
commit;

-- Creating the row needs aal2 as well.
begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"09090909-0909-4909-8909-090909090909","role":"authenticated","aal":"aal1"}';
select test.check_sqlstate('with a verified factor, an aal1 insert is refused',
    $$insert into public.users (id, display_name) values ('09090909-0909-4909-8909-090909090909', 'Gina')$$, '42501');
commit;
begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"09090909-0909-4909-8909-090909090909","role":"authenticated","aal":"aal2"}';
select test.check_rows('at aal2 the insert goes through',
    $$insert into public.users (id, display_name) values ('09090909-0909-4909-8909-090909090909', 'Gina')$$, 1);
commit;

-- Once the factor is removed, aal1 is enough again.
begin;
set local role supabase_auth_admin;
delete from auth.mfa_factors where user_id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
commit;
begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa","role":"authenticated","aal":"aal1"}';
select test.check_rows('after unenrolling, aal1 reads the row again',
    $$select * from public.users where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'$$, 1);
commit;

select format('mfa_policies_test: all %s assertions passed', last_value) as result
  from test.passed \gset
\o
\echo :result
