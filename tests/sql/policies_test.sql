-- Assertions for supabase/migrations/*_users.sql, run by run_migration_test.sh
-- after auth_stub.sql and the migration, as the superuser postgres, with
-- ON_ERROR_STOP: the first failing assertion raises and stops the run.
--
-- Identities are switched the way PostgREST does it, inside a transaction:
--   set local role authenticated;
--   set local request.jwt.claims = '{"sub": ..., "role": ..., ...}';
-- Each assertion prints "ok N  label" as a NOTICE.
--
-- The cast, as rows of auth.users:
--   alice  aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa  permanent
--   bob    bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb  permanent (deleted near the end)
--   cleo   cccccccc-cccc-4ccc-8ccc-cccccccccccc  guest, links an email later
--   dave   dddddddd-dddd-4ddd-8ddd-dddddddddddd  permanent, profile made by operators
--   erin   eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee  guest whose token claims otherwise
--   fay    ffffffff-ffff-4fff-8fff-ffffffffffff  guest an operator makes admin
--   nico   abcdefab-cdef-4abc-8def-abcdefabcdef  appears mid-test, no profile
--   (nobody 00000000-0000-4000-8000-000000000000 is not an auth user)

-- Only the NOTICEs (stderr) and the final line matter; the helpers' empty
-- results go nowhere.
\set VERBOSITY terse
\o /dev/null
set client_min_messages = notice;

-- Helpers ---------------------------------------------------------------------
-- Security invoker, so the statements they run are checked against whatever
-- role the transaction has switched to.

create schema test;
grant usage on schema test to anon, authenticated, service_role, supabase_auth_admin;
create sequence test.passed;
grant usage on sequence test.passed to anon, authenticated, service_role, supabase_auth_admin;

create function test.pass(label text) returns void
language plpgsql as $$
begin
    raise notice 'ok %  %', nextval('test.passed'), label;
end $$;

create function test.check(label text, cond boolean) returns void
language plpgsql as $$
begin
    if cond is not true then
        raise exception 'FAIL: %', label;
    end if;
    perform test.pass(label);
end $$;

create function test.check_eq(label text, got anycompatible, want anycompatible) returns void
language plpgsql as $$
begin
    if got is distinct from want then
        raise exception 'FAIL: %: got %, want %', label, coalesce(got::text, 'NULL'), coalesce(want::text, 'NULL');
    end if;
    perform test.pass(label);
end $$;

-- Runs stmt and expects it to change (or return) exactly want rows.
create function test.check_rows(label text, stmt text, want bigint) returns void
language plpgsql as $$
declare
    n bigint;
begin
    execute stmt;
    get diagnostics n = row_count;
    if n <> want then
        raise exception 'FAIL: %: % rows, want %', label, n, want;
    end if;
    perform test.pass(label);
end $$;

-- Runs stmt and expects it to fail with SQLSTATE want; its effects are
-- rolled back either way.
create function test.check_sqlstate(label text, stmt text, want text) returns void
language plpgsql as $$
begin
    begin
        execute stmt;
    exception when others then
        if sqlstate = want then
            perform test.pass(label);
            return;
        end if;
        raise exception 'FAIL: %: want SQLSTATE %, got %: %', label, want, sqlstate, sqlerrm;
    end;
    raise exception 'FAIL: %: want SQLSTATE %, but the statement succeeded', label, want;
end $$;


-- Setup: the auth users, as the auth server creates them ----------------------
begin;
set local role supabase_auth_admin;
insert into auth.users (id, email, is_anonymous) values
    ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'alice@example.com', false),
    ('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 'bob@example.com',   false),
    ('cccccccc-cccc-4ccc-8ccc-cccccccccccc', null,                true),
    ('dddddddd-dddd-4ddd-8ddd-dddddddddddd', 'dave@example.com',  false),
    ('eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee', null,                true),
    ('ffffffff-ffff-4fff-8fff-ffffffffffff', null,                true);
commit;
select test.check_eq('no profile row appears when auth users are created',
    (select count(*) from public.users), 0::bigint);

-- The insert trigger on its own, without the column privileges that stop
-- clients first: any role but service_role (here the owner) gets the value
-- auth.users implies, whatever it asked for. Rolled back.
begin;
insert into public.users (id, display_name, user_type)
values ('cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'x', 'admin');
select test.check_eq('the insert trigger overrides an explicit user_type (guest -> anonymous)',
    (select user_type from public.users where id = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'), 'anonymous');
rollback;


-- Shape: what the catalog must say, independently of behaviour ---------------
select test.check('RLS is enabled on public.users',
    (select relrowsecurity from pg_class where oid = 'public.users'::regclass));
select test.check('there is no DELETE (or ALL) policy',
    not exists (select 1 from pg_policies
                 where schemaname = 'public' and tablename = 'users'
                   and cmd in ('DELETE', 'ALL')));
select test.check('authenticated has no DELETE or TRUNCATE privilege',
    not has_table_privilege('authenticated', 'public.users', 'DELETE')
    and not has_table_privilege('authenticated', 'public.users', 'TRUNCATE'));
select test.check('authenticated can write neither user_type, created_at, updated_at nor id (update)',
    not has_column_privilege('authenticated', 'public.users', 'user_type',  'INSERT')
    and not has_column_privilege('authenticated', 'public.users', 'user_type',  'UPDATE')
    and not has_column_privilege('authenticated', 'public.users', 'created_at', 'INSERT')
    and not has_column_privilege('authenticated', 'public.users', 'created_at', 'UPDATE')
    and not has_column_privilege('authenticated', 'public.users', 'updated_at', 'INSERT')
    and not has_column_privilege('authenticated', 'public.users', 'updated_at', 'UPDATE')
    and not has_column_privilege('authenticated', 'public.users', 'id',         'UPDATE'));
select test.check('anon has no privilege on any column',
    not has_any_column_privilege('anon', 'public.users', 'SELECT, INSERT, UPDATE, REFERENCES'));
select test.check('the SECURITY DEFINER functions pin search_path',
    (select bool_and(prosecdef and exists (select 1 from unnest(proconfig) c where c like 'search_path=%'))
       from pg_proc
      where oid in ('public.users_set_user_type()'::regprocedure,
                    'public.users_follow_auth_upgrade()'::regprocedure)));


-- alice, a permanent user -------------------------------------------------------
begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa","role":"authenticated","is_anonymous":false}';

select test.check_sqlstate('the stub is faithful: authenticated cannot read auth.users',
    $$select * from auth.users$$, '42501');
-- Before her row exists, so only the column privilege can stop these.
select test.check_sqlstate('an insert naming user_type = admin is refused (column privilege)',
    $$insert into public.users (id, display_name, user_type)
      values ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'Alice', 'admin')$$, '42501');
select test.check_sqlstate('an insert naming created_at is refused (column privilege)',
    $$insert into public.users (id, display_name, created_at)
      values ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'Alice', '2000-01-01')$$, '42501');
select test.check_rows('alice inserts her own row',
    $$insert into public.users (id, display_name, avatar_url)
      values ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'Alice', 'https://img.example/a.png')$$, 1);
select test.check_eq('a permanent user''s row gets user_type registered',
    (select user_type from public.users where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'), 'registered');
select test.check_sqlstate('alice cannot insert a row for someone else''s id (RLS)',
    $$insert into public.users (id, display_name)
      values ('dddddddd-dddd-4ddd-8ddd-dddddddddddd', 'Not Dave')$$, '42501');
select test.check_sqlstate('alice cannot insert her row twice (unique, 409 over HTTP)',
    $$insert into public.users (id, display_name)
      values ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'Alice again')$$, '23505');
commit;

-- bob makes his own row, so alice has a neighbour to not see.
begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb","role":"authenticated","is_anonymous":false}';
select test.check_rows('bob inserts his own row',
    $$insert into public.users (id, display_name) values ('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', 'Bob')$$, 1);
select test.check_sqlstate('bob cannot take alice''s row over with an upsert (RLS on the insert)',
    $$insert into public.users (id, display_name) values ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'pwned')
      on conflict (id) do update set display_name = excluded.display_name$$, '42501');
commit;

-- Backdate alice's timestamps behind the triggers' back (replica mode skips
-- ordinary triggers), so "updated_at moves" cannot pass by coincidence.
begin;
set local session_replication_role = replica;
update public.users set created_at = '2000-01-01 00:00:00+00', updated_at = '2000-01-01 00:00:00+00'
 where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
commit;

begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa","role":"authenticated","is_anonymous":false}';

select test.check_eq('alice sees exactly one row',
    (select count(*) from public.users), 1::bigint);
select test.check_eq('the row alice sees is her own',
    (select id from public.users), 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'::uuid);
select test.check_eq('bob''s row is invisible to alice even by id',
    (select count(*) from public.users where id = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'), 0::bigint);

select test.check_rows('alice updates her display_name and avatar_url',
    $$update public.users set display_name = 'Alice L.', avatar_url = null
       where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'$$, 1);
select test.check('the update took',
    (select display_name = 'Alice L.' and avatar_url is null
       from public.users where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'));
select test.check_eq('updated_at moved to the updating transaction''s time',
    (select updated_at from public.users where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'), now());
select test.check_eq('created_at did not move',
    (select created_at from public.users where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'),
    '2000-01-01 00:00:00+00'::timestamptz);

select test.check_sqlstate('alice cannot update her user_type (column privilege)',
    $$update public.users set user_type = 'admin' where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'$$, '42501');
select test.check_sqlstate('alice cannot update created_at (column privilege)',
    $$update public.users set created_at = now() where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'$$, '42501');
select test.check_sqlstate('alice cannot update updated_at (column privilege)',
    $$update public.users set updated_at = now() where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'$$, '42501');
select test.check_sqlstate('alice cannot change her row''s id (column privilege)',
    $$update public.users set id = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd' where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'$$, '42501');
select test.check_rows('updating bob''s row affects nothing',
    $$update public.users set display_name = 'Bob was here' where id = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'$$, 0);
select test.check_rows('an unfiltered update touches only alice''s row',
    $$update public.users set avatar_url = 'https://img.example/a2.png'$$, 1);

select test.check_sqlstate('alice cannot delete her own row',
    $$delete from public.users where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'$$, '42501');
select test.check_sqlstate('alice cannot delete bob''s row',
    $$delete from public.users where id = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'$$, '42501');

-- The upsert forms a client may send.
select test.check_rows('upsert that updates only display_name works on her own row',
    $$insert into public.users (id, display_name) values ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'Alice U.')
      on conflict (id) do update set display_name = excluded.display_name$$, 1);
select test.check_rows('upsert with ignore-duplicates is a quiet no-op on an existing row',
    $$insert into public.users (id, display_name) values ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'ignored')
      on conflict (id) do nothing$$, 0);
-- PostgREST's merge-duplicates sets every column of the body, id included;
-- clients have no UPDATE on id, so that form is refused. Documented here so
-- a change of grants is a conscious one.
select test.check_sqlstate('PostgREST-style merge upsert (SET id = EXCLUDED.id, ...) is refused',
    $$insert into public.users (id, display_name) values ('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', 'merge')
      on conflict (id) do update set id = excluded.id, display_name = excluded.display_name$$, '42501');
select test.check_sqlstate('calling a trigger function directly is not allowed',
    $$select public.users_set_user_type()$$, '42501');
commit;

-- What alice could not do did not happen.
select test.check('bob''s row survived alice unchanged',
    (select display_name = 'Bob' and user_type = 'registered'
       from public.users where id = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'));
select test.check('alice''s row still exists, still registered',
    (select user_type = 'registered' and display_name = 'Alice U.'
       from public.users where id = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'));


-- Guests -----------------------------------------------------------------------
begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"cccccccc-cccc-4ccc-8ccc-cccccccccccc","role":"authenticated","is_anonymous":true}';
select test.check_rows('a guest inserts her own row',
    $$insert into public.users (id, display_name) values ('cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'Guest')$$, 1);
select test.check_eq('a guest''s row gets user_type anonymous',
    (select user_type from public.users where id = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'), 'anonymous');
select test.check_eq('a guest sees only her own row',
    (select count(*) from public.users), 1::bigint);
commit;

-- user_type comes from auth.users, not from what the token says.
begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee","role":"authenticated","is_anonymous":false}';
select test.check_rows('a guest whose token says is_anonymous=false inserts her row',
    $$insert into public.users (id, display_name) values ('eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee', 'Erin')$$, 1);
select test.check_eq('her row still says anonymous (auth.users decides)',
    (select user_type from public.users where id = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee'), 'anonymous');
commit;


-- anon, and authenticated without a subject -------------------------------------
begin;
set local role anon;
select test.check_sqlstate('anon cannot read the table',
    $$select * from public.users$$, '42501');
select test.check_sqlstate('anon cannot insert',
    $$insert into public.users (id, display_name) values ('dddddddd-dddd-4ddd-8ddd-dddddddddddd', 'Dave')$$, '42501');
select test.check_sqlstate('anon cannot update',
    $$update public.users set display_name = 'x'$$, '42501');
commit;

begin;
set local role anon;
set local request.jwt.claims = '{"sub":"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa","role":"anon"}';
select test.check_sqlstate('anon with a sub claim still cannot read (grants, not just policies)',
    $$select * from public.users$$, '42501');
commit;

begin;
set local role authenticated;
set local request.jwt.claims = '{"role":"authenticated"}';
select test.check_eq('authenticated without sub sees no rows',
    (select count(*) from public.users), 0::bigint);
select test.check_sqlstate('authenticated without sub cannot insert',
    $$insert into public.users (id, display_name) values ('dddddddd-dddd-4ddd-8ddd-dddddddddddd', 'Dave')$$, '42501');
commit;


-- service_role (operators) -------------------------------------------------------
begin;
set local role service_role;
set local request.jwt.claims = '{"role":"service_role"}';
select test.check_eq('service_role sees every row',
    (select count(*) from public.users), 4::bigint);
select test.check_rows('service_role inserts a row for any id, as admin',
    $$insert into public.users (id, display_name, user_type)
      values ('dddddddd-dddd-4ddd-8ddd-dddddddddddd', 'Dave', 'admin')$$, 1);
select test.check_eq('the admin it set is kept',
    (select user_type from public.users where id = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd'), 'admin');
select test.check_rows('service_role makes a guest''s row admin',
    $$insert into public.users (id, display_name, user_type)
      values ('ffffffff-ffff-4fff-8fff-ffffffffffff', 'Fay', 'admin')$$, 1);
select test.check_eq('the guest''s row keeps admin',
    (select user_type from public.users where id = 'ffffffff-ffff-4fff-8fff-ffffffffffff'), 'admin');
select test.check_rows('service_role updates anyone''s user_type',
    $$update public.users set user_type = 'admin' where id = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'$$, 1);
select test.check_sqlstate('user_type outside the three values fails the check (update)',
    $$update public.users set user_type = 'root' where id = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'$$, '23514');
select test.check_sqlstate('user_type outside the three values fails the check (insert)',
    $$insert into public.users (id, display_name, user_type)
      values ('abcdefab-cdef-4abc-8def-abcdefabcdef', 'x', 'superuser')$$, '23514');
select test.check_sqlstate('display_name null is refused',
    $$insert into public.users (id, display_name) values ('abcdefab-cdef-4abc-8def-abcdefabcdef', null)$$, '23502');
select test.check_sqlstate('a row for an id that is not an auth user is refused (foreign key)',
    $$insert into public.users (id, display_name) values ('00000000-0000-4000-8000-000000000000', 'Nobody')$$, '23503');
commit;


-- Following auth.users, as the auth server changes it ---------------------------
begin;
set local role supabase_auth_admin;
update auth.users set email = 'cleo@example.com' where id = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
commit;
select test.check_eq('an auth.users update that leaves is_anonymous alone changes nothing',
    (select user_type from public.users where id = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'), 'anonymous');

begin;
set local role supabase_auth_admin;
select test.check_rows('the auth server turns cleo and fay permanent',
    $$update auth.users set is_anonymous = false
       where id in ('cccccccc-cccc-4ccc-8ccc-cccccccccccc', 'ffffffff-ffff-4fff-8fff-ffffffffffff')$$, 2);
commit;
select test.check_eq('a guest''s row becomes registered when she turns permanent',
    (select user_type from public.users where id = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc'), 'registered');
select test.check_eq('an admin is not downgraded when she turns permanent',
    (select user_type from public.users where id = 'ffffffff-ffff-4fff-8fff-ffffffffffff'), 'admin');
select test.check_eq('erin, still a guest, is untouched',
    (select user_type from public.users where id = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee'), 'anonymous');

-- A guest with no profile, upgraded: still no profile.
begin;
set local role supabase_auth_admin;
insert into auth.users (id, is_anonymous) values ('abcdefab-cdef-4abc-8def-abcdefabcdef', true);
update auth.users set is_anonymous = false, email = 'nico@example.com'
 where id = 'abcdefab-cdef-4abc-8def-abcdefabcdef';
commit;
select test.check_eq('no profile row is created for a new or upgraded auth user',
    (select count(*) from public.users where id = 'abcdefab-cdef-4abc-8def-abcdefabcdef'), 0::bigint);

-- nico signs up: display_name is required of him too.
begin;
set local role authenticated;
set local request.jwt.claims = '{"sub":"abcdefab-cdef-4abc-8def-abcdefabcdef","role":"authenticated","is_anonymous":false}';
select test.check_sqlstate('a client insert without display_name is refused (not null)',
    $$insert into public.users (id) values ('abcdefab-cdef-4abc-8def-abcdefabcdef')$$, '23502');
select test.check_rows('with a display_name it goes through',
    $$insert into public.users (id, display_name) values ('abcdefab-cdef-4abc-8def-abcdefabcdef', 'Nico')$$, 1);
select test.check_eq('and is registered',
    (select user_type from public.users where id = 'abcdefab-cdef-4abc-8def-abcdefabcdef'), 'registered');
commit;

begin;
set local role supabase_auth_admin;
select test.check_rows('the auth server deletes bob',
    $$delete from auth.users where id = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'$$, 1);
commit;
select test.check_eq('deleting the auth user deletes his profile (cascade)',
    (select count(*) from public.users where id = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'), 0::bigint);
select test.check_eq('and nobody else''s',
    (select count(*) from public.users), 6::bigint);


select format('policies_test: all %s assertions passed', last_value) as result
  from test.passed \gset
\o
\echo :result
